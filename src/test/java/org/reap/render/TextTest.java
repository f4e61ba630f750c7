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
  void characterReferencesToCharactersXmlCannotCarryBecomeAReplacementCharacter() {
    // found by the render fuzz target: &#5; in a finding's text made the XHTML not well-formed
    assertThat(Text.blockHtml("a &#5; b &#xFFFE; c &#x1F600; d &#0;"))
        .isEqualTo("<p>a \uFFFD b \uFFFD c \uD83D\uDE00 d \uFFFD</p>");
    assertThat(Text.xmlSafe("ok\ttab\nline\r\uD83D\uDE00"))
        .isEqualTo("ok\ttab\nline\r\uD83D\uDE00");
    assertThat(Text.xmlSafe("\u0001x\uD800\uDC00\uDC00\u001f\uFFFF\uD83D"))
        .isEqualTo("\uFFFDx\uD800\uDC00\uFFFD\uFFFD\uFFFD\uFFFD");
  }

  @Test
  void linksRawHtmlAndDangerousAddressesStayHarmless() {
    assertThat(Text.inlineHtml("[site](https://example.org) <img src=x onerror=alert(1)>"))
        .isEqualTo(
            "<a rel=\"nofollow\" href=\"https://example.org\">site</a> &lt;img src=x onerror=alert(1)&gt;");
    assertThat(Text.inlineHtml("[x](javascript:alert(1))"))
        .isEqualTo("<a rel=\"nofollow\" href=\"\">x</a>");
    assertThat(Text.plain("**a** &lt; <b>")).isEqualTo("a < <b>");
    for (String refused :
        new String[] {
          "data:text/html;base64,PHNjcmlwdD4=",
          "DATA:text/html,x",
          "vbscript:x",
          "file:///etc/passwd",
          "ftp://x.example/a"
        }) {
      assertThat(Text.inlineHtml("[x](" + refused + ")"))
          .as(refused)
          .isEqualTo("<a rel=\"nofollow\" href=\"\">x</a>");
    }
    assertThat(
            Text.inlineHtml(
                "[mail](mailto:clerk@example.org) [rel](minutes.pdf) [http](http://x.example)"))
        .contains(
            "href=\"mailto:clerk@example.org\"",
            "href=\"minutes.pdf\"",
            "href=\"http://x.example\"");
  }
}
