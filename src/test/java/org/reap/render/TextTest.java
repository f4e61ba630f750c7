package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Markdown in a document's text: what becomes markup and what stays text. */
class TextTest {
  @Test
  void anImageInTextIsPrintedAsItsDescription() {
    // found by the render fuzz target: ![img](//host/etc/passwd) in a memo made its PDF fail
    assertThat(Text.blockHtml("see ![the *district* map](https://example.org/m.png) here"))
        .isEqualTo("<p>see the <em>district</em> map here</p>");
    assertThat(Text.inlineHtml("![](//eli:f/etc/passwd)x")).isEqualTo("x");
    assertThat(Text.blockHtml("![<b>](file:///etc/passwd)")).isEqualTo("<p>&lt;b&gt;</p>");
  }

  @Test
  void linksRawHtmlAndDangerousAddressesStayHarmless() {
    assertThat(Text.inlineHtml("[site](https://example.org) <img src=x onerror=alert(1)>"))
        .isEqualTo("<a rel=\"nofollow\" href=\"https://example.org\">site</a> &lt;img src=x onerror=alert(1)&gt;");
    assertThat(Text.inlineHtml("[x](javascript:alert(1))")).isEqualTo("<a rel=\"nofollow\" href=\"\">x</a>");
    assertThat(Text.plain("**a** &lt; <b>")).isEqualTo("a < <b>");
  }
}
