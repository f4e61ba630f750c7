package org.reap.render.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.reap.render.packet.HostilePdfs.Feature;

/**
 * Active content in a PDF from elsewhere does not reach the packet; its pages and plain links do.
 */
class ActiveContentTest {
  static byte[] packet(byte[] attachment) throws Exception {
    return PacketAssembler.assemble(
            List.of(new PacketAssembler.Part("Attachment", attachment)),
            "Packet",
            "en",
            Instant.parse("2025-05-01T00:00:00Z"),
            "Page {0} of {1}",
            false,
            "reap test")
        .pdf();
  }

  @ParameterizedTest
  @EnumSource(Feature.class)
  void eachKindIsRemovedAndNamed(Feature f) throws Exception {
    byte[] hostile = HostilePdfs.with(EnumSet.of(f));
    assertThat(HostilePdfs.activeContent(hostile)).as("the test PDF carries " + f).isNotEmpty();
    ActiveContent.Removed removed = ActiveContent.scan(hostile);
    assertThat(removed.isEmpty()).as(f + " is named").isFalse();
    byte[] packet = packet(hostile);
    assertThat(HostilePdfs.activeContent(packet)).as("active content left in the packet").isEmpty();
    PdfReader r = new PdfReader(packet);
    assertThat(new PdfTextExtractor(r).getTextFromPage(1)).contains("Hostile attachment");
    assertThat(new String(packet, java.nio.charset.StandardCharsets.ISO_8859_1))
        .as("the plain web link is kept")
        .contains("https://example.org/kept");
    r.close();
  }

  @Test
  void namesWhatWasRemovedByKind() throws Exception {
    ActiveContent.Removed removed =
        ActiveContent.scan(HostilePdfs.with(EnumSet.allOf(Feature.class)));
    assertThat(removed.describe())
        .contains(
            "8 JavaScript actions",
            "Launch action",
            "SubmitForm action",
            "ImportData action",
            "GoToR action",
            "GoToE action",
            "Rendition action",
            "Sound action",
            "Movie action",
            "RichMediaExecute action",
            "URI (not http, https or mailto) action",
            "file attachment (embedded file) annotation",
            "embedded files list",
            "XFA form",
            "document-level JavaScript",
            "rich media annotation");
    assertThat(removed.counts().get("JavaScript action"))
        .as(
            "page open, link, chained, two field scripts, document open and close, annotation enter")
        .isEqualTo(8);
    assertThat(removed.describe()).doesNotContain("GoTo action", "URI action,");
  }

  @Test
  void reapsOwnKindOfPdfLosesNothing() throws Exception {
    byte[] plain = HostilePdfs.with(Set.of());
    assertThat(ActiveContent.scan(plain).isEmpty()).isTrue();
    assertThat(HostilePdfs.activeContent(packet(plain))).isEmpty();
  }

  @Test
  void uriSchemes() {
    for (String ok :
        List.of(
            "https://example.org",
            "http://x.example/a?b#c",
            "mailto:clerk@example.org",
            "minutes.pdf",
            "#section",
            "../a/b.html")) {
      assertThat(ActiveContent.safeUri(new org.openpdf.text.pdf.PdfString(ok))).as(ok).isTrue();
    }
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html;base64,AA",
            "file:///etc/passwd",
            "vbscript:x",
            "//evil.example/x",
            "smb://host/share")) {
      assertThat(ActiveContent.safeUri(new org.openpdf.text.pdf.PdfString(bad))).as(bad).isFalse();
    }
  }
}
