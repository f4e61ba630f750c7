package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of what a render wrote, and how a file in out/ is recognised as untouched. */
class ManifestTest {
  @Test
  void aFingerprintIsTheSizeAndTwoChecksumsAndChangesWithAnyByte() {
    byte[] a = "%PDF-1.7 one two three".getBytes(StandardCharsets.US_ASCII);
    byte[] b = a.clone();
    b[b.length - 1] ^= 1;
    assertThat(Manifest.fingerprint(a)).matches(a.length + "-[0-9a-f]{8}-[0-9a-f]{8}");
    assertThat(Manifest.fingerprint(a)).isEqualTo(Manifest.fingerprint(a.clone()));
    assertThat(Manifest.fingerprint(b))
        .isNotEqualTo(Manifest.fingerprint(a))
        .startsWith(a.length + "-");
    assertThat(Manifest.fingerprint(new byte[0])).isEqualTo("0-00000000-00000000");
  }

  @Test
  void aFileIsUpToDateOnlyWhileItIsAsWritten(@TempDir Path out) throws Exception {
    byte[] pdf = "%PDF-1.7 the memo".getBytes(StandardCharsets.US_ASCII);
    Files.write(out.resolve("memo.pdf"), pdf);
    Manifest m = Manifest.empty();
    m.put("memo", new Manifest.Entry("key1", Map.of("memo.pdf", Manifest.fingerprint(pdf))));
    Files.createDirectories(out.resolve(".reap"));
    Files.write(out.resolve(".reap").resolve(Manifest.FILE), m.bytes());

    Manifest read = Manifest.read(out);
    assertThat(read.upToDate("memo", "key1", out)).isTrue();
    assertThat(read.allIntact(out)).isTrue();
    assertThat(read.upToDate("memo", "key2", out)).as("another key").isFalse();

    Files.write(out.resolve("memo.pdf"), "%PDF-1.7 the memx".getBytes(StandardCharsets.US_ASCII));
    assertThat(read.upToDate("memo", "key1", out)).as("same size, one byte changed").isFalse();
    Files.write(out.resolve("memo.pdf"), "%PDF-1.7 the memo.".getBytes(StandardCharsets.US_ASCII));
    assertThat(read.upToDate("memo", "key1", out)).as("one byte longer").isFalse();
    Files.delete(out.resolve("memo.pdf"));
    assertThat(read.upToDate("memo", "key1", out)).as("deleted").isFalse();
    assertThat(read.allIntact(out)).isFalse();
  }

  @Test
  void aManifestWrittenByAnEarlierReapWithSha256IsStillHonoured(@TempDir Path out)
      throws Exception {
    byte[] html = "<html>the timeline</html>".getBytes(StandardCharsets.UTF_8);
    Files.write(out.resolve("timeline.html"), html);
    Files.createDirectories(out.resolve(".reap"));
    Files.writeString(
        out.resolve(".reap").resolve(Manifest.FILE),
        "# reap render manifest v1: document, inputs key, files (name=sha256)\n"
            + "timeline\tk\ttimeline.html="
            + Manifest.sha256(html)
            + "\n",
        StandardCharsets.UTF_8);
    assertThat(Manifest.read(out).upToDate("timeline", "k", out)).isTrue();
    Files.writeString(out.resolve("timeline.html"), "<html>edited</html>", StandardCharsets.UTF_8);
    assertThat(Manifest.read(out).upToDate("timeline", "k", out)).isFalse();
  }
}
