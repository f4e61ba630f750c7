package org.reap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** out/index.html lists every document a clerk uploads, packets included, and no source paths. */
class IndexTest {
  @TempDir Path dir;

  @Test
  void indexListsEveryDocumentAndThePacketWithoutSourcePaths() throws Exception {
    Run render =
        Run.in(
            Path.of(""),
            "render",
            "plans",
            "--out",
            dir.toString(),
            "--as-of",
            "2024-10-29",
            "--format",
            "html");
    assertThat(render.exit()).as(render.all()).isZero();
    Document before = Jsoup.parse(Files.readString(dir.resolve("index.html")));
    assertThat(before.text()).doesNotContain("plans/", ".yaml", "Source:");
    assertThat(before.select("a[href$=-packet.pdf]")).isEmpty();
    // every document written is linked from the index
    try (var files = Files.list(dir)) {
      for (Path p :
          files.filter(p -> p.toString().endsWith(".html") && !p.endsWith("index.html")).toList()) {
        assertThat(before.select("a[href=" + p.getFileName() + "]"))
            .as(p.getFileName().toString())
            .isNotEmpty();
      }
    }
    Run packet =
        Run.in(
            Path.of(""),
            "packet",
            "score-rec-2024-10-29-item-4",
            "--plans",
            "plans",
            "--out",
            dir.toString(),
            "--as-of",
            "2024-10-29");
    assertThat(packet.exit()).as(packet.all()).isZero();
    Document after = Jsoup.parse(Files.readString(dir.resolve("index.html")));
    assertThat(after.select("a[href=score-rec-2024-10-29-item-4-packet.pdf]"))
        .extracting(e -> e.text())
        .containsExactly("Agenda packet (PDF)");
    // the other links are as render wrote them (HTML only: no PDF link appears)
    assertThat(after.select("a[href$=.html]")).hasSameSizeAs(before.select("a[href$=.html]"));
    assertThat(after.select("a[href$=.pdf]")).hasSize(1);
    // and a later render keeps the packet listed
    Run again =
        Run.in(
            Path.of(""),
            "render",
            "plans",
            "--out",
            dir.toString(),
            "--as-of",
            "2024-10-29",
            "--format",
            "html",
            "--force");
    assertThat(again.exit()).as(again.all()).isZero();
    assertThat(
            Jsoup.parse(Files.readString(dir.resolve("index.html")))
                .select("a[href=score-rec-2024-10-29-item-4-packet.pdf]"))
        .hasSize(1);
  }
}
