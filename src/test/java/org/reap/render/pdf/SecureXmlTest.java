package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reap.render.RenderException;

/** The XML parser every XHTML and SVG goes through: no DTDs, positions kept, messages in words. */
class SecureXmlTest {
  @Test
  void theHtml5DoctypeIsBlankedToTheSameLength() {
    String text = "\uFEFF<?xml version=\"1.0\"?>\n<!-- a -->\n<!DOCTYPE html>\n<p/>";
    String blanked = SecureXml.blankHtml5Doctype(text);
    assertThat(blanked)
        .hasSameSizeAs(text)
        .doesNotContain("DOCTYPE")
        .endsWith("\n" + " ".repeat(15) + "\n<p/>");
    assertThat(SecureXml.blankHtml5Doctype("<p/><!DOCTYPE html>")).isEqualTo("<p/><!DOCTYPE html>");
  }

  @Test
  void aDocumentAfterTheHtml5DoctypeIsParsedAndErrorsKeepTheirColumn() throws RenderException {
    assertThat(
            SecureXml.parse(
                    "<!DOCTYPE html>\n<p xmlns=\"http://www.w3.org/1999/xhtml\">x</p>", "XHTML")
                .getDocumentElement()
                .getLocalName())
        .isEqualTo("p");
    assertThatThrownBy(() -> SecureXml.parse("<!DOCTYPE html><p>&nbsp;</p>", "XHTML"))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("The XHTML uses a named entity that XML does not know (")
        .hasMessageEndingWith(
            "). Only &amp; &lt; &gt; &quot; &apos; exist without a DTD: write others as numeric references, e.g. &#160; instead of &nbsp;.")
        .satisfies(
            e -> assertThat(((RenderException) e).location()).hasValue("XHTML line 1, column 25"));
  }

  @Test
  void aDtdIsRefusedInWords() {
    assertThatThrownBy(
            () ->
                SecureXml.parse(
                    "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p>&x;</p>",
                    "chart SVG"))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith(
            "The chart SVG has a DOCTYPE with a DTD or entity declarations, which reap refuses")
        .satisfies(
            e ->
                assertThat(((RenderException) e).userMessage())
                    .startsWith("chart SVG line 1, column "));
  }

  @Test
  void badXmlIsExplained() {
    assertThatThrownBy(() -> SecureXml.parse("<p>\n<b></p>", "XHTML"))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("The XHTML is not well-formed XML: ")
        .hasMessageEndingWith(
            " Fix the template so that every tag is closed and every & is written as &amp;.")
        .satisfies(
            e ->
                assertThat(((RenderException) e).location())
                    .hasValueSatisfying(l -> assertThat(l).startsWith("XHTML line 2, column ")));
  }
}
