package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.model.Repository;
import org.reap.render.pdf.PdfMeta;

/**
 * The incremental render's decisions on their own: the run key, when a whole run is skipped, and
 * one document's key.
 */
class RenderCacheTest {
  static final LocalDate AS_OF = LocalDate.of(2024, 10, 29);

  @TempDir Path dir;
  Path plans;
  Path out;

  @BeforeEach
  void files() throws Exception {
    plans = Files.createDirectories(dir.resolve("plans"));
    out = Files.createDirectories(plans.resolve("out"));
    Files.writeString(plans.resolve("plan.yaml"), "reap: 1\nkind: plan\n");
    Files.writeString(out.resolve("index.html"), "<html></html>");
  }

  static Renderer.Options options(Set<String> only, Renderer.Since since, String version) {
    return new Renderer.Options(
        AS_OF,
        Renderer.pdfDate(AS_OF),
        EnumSet.of(Renderer.Format.PDF),
        null,
        only,
        since,
        List.of(),
        version);
  }

  RenderCache cache(Renderer.Options o) {
    return new RenderCache(new Repository(plans, List.of(), 1), o);
  }

  RenderCache cache() {
    return cache(options(Set.of(), null, "1.0"));
  }

  /** The manifest a whole run into out/ leaves behind. */
  Manifest afterWholeRun(RenderCache c) throws Exception {
    Manifest m = Manifest.empty();
    m.put(
        Manifest.RUN,
        new Manifest.Entry(
            c.runKey(out),
            Map.of(
                "index.html",
                Manifest.fingerprint(Files.readAllBytes(out.resolve("index.html"))))));
    return m;
  }

  @Test
  void theRunKeyFollowsEveryFileButOutAndReapsOwn() throws Exception {
    String key = cache().runKey(out);
    assertThat(cache().runKey(out)).as("stable").isEqualTo(key).hasSize(64);
    Files.writeString(out.resolve("new.pdf"), "x");
    Files.createDirectories(plans.resolve(".git"));
    Files.writeString(plans.resolve(".git/HEAD"), "ref");
    Files.writeString(plans.resolve("plan.yaml.reap-tmp"), "half");
    Files.writeString(plans.resolve(".reap.lock"), "");
    assertThat(cache().runKey(out))
        .as("out/, .git, temporaries and the lock are left out")
        .isEqualTo(key);
    Files.writeString(plans.resolve("plan.yaml"), "reap: 1\nkind: plan\n ");
    assertThat(cache().runKey(out)).as("a byte changed").isNotEqualTo(key);
    String edited = cache().runKey(out);
    Files.writeString(plans.resolve("logo.png"), "");
    assertThat(cache().runKey(out)).as("an empty file added").isNotEqualTo(edited);
  }

  @Test
  void theRunKeyFollowsTheOptions() {
    String key = cache().runKey(out);
    assertThat(cache(options(Set.of(), null, "1.1")).runKey(out))
        .as("another version")
        .isNotEqualTo(key);
    Renderer.Options html =
        new Renderer.Options(
            AS_OF,
            Renderer.pdfDate(AS_OF),
            EnumSet.allOf(Renderer.Format.class),
            null,
            Set.of(),
            null,
            List.of(),
            "1.0");
    assertThat(cache(html).runKey(out)).as("other formats").isNotEqualTo(key);
    Renderer.Options later =
        new Renderer.Options(
            AS_OF.plusDays(1),
            Renderer.pdfDate(AS_OF),
            EnumSet.of(Renderer.Format.PDF),
            null,
            Set.of(),
            null,
            List.of(),
            "1.0");
    assertThat(cache(later).runKey(out)).as("another as-of date").isNotEqualTo(key);
  }

  @Test
  void aWholeRunIsSkippedOnlyWhenNothingChangedAndEveryFileIsIntact() throws Exception {
    RenderCache c = cache();
    Manifest m = afterWholeRun(c);
    assertThat(c.unchanged(m, out, false)).isTrue();
    assertThat(c.unchanged(m, out, true)).as("--force").isFalse();
    assertThat(c.unchanged(m, null, false)).as("no out/").isFalse();
    assertThat(c.unchanged(Manifest.empty(), out, false)).as("no manifest").isFalse();
    Files.writeString(out.resolve("index.html"), "<html>edited</html>");
    assertThat(c.unchanged(m, out, false)).as("a file in out/ was edited").isFalse();
    Files.writeString(out.resolve("index.html"), "<html></html>");
    Files.writeString(plans.resolve("plan.yaml"), "reap: 1\nkind: plan\ntitle: T\n");
    assertThat(c.unchanged(m, out, false)).as("a plan was edited").isFalse();
  }

  @Test
  void onlyAWholeRunIsSkippedWholesale() throws Exception {
    RenderCache only = cache(options(Set.of("plan"), null, "1.0"));
    assertThat(only.wholeRun()).isFalse();
    assertThat(only.unchanged(afterWholeRun(only), out, false)).as("--only").isFalse();
    RenderCache since =
        cache(
            options(
                Set.of(),
                new Renderer.Since(new Repository(plans, List.of(), 0), AS_OF, "HEAD~1"),
                "1.0"));
    assertThat(since.wholeRun()).isFalse();
    assertThat(since.unchanged(afterWholeRun(since), out, false)).as("--since").isFalse();
    assertThat(cache().wholeRun()).isTrue();
  }

  @Test
  void aDocumentsKeyIsItsVersionFormatsMetadataAndXhtml() throws Exception {
    PdfMeta meta =
        new PdfMeta("Timeline", "en", "Riverton", null, null, "reap 1.0", Renderer.pdfDate(AS_OF));
    String key = cache().key(meta, "<html/>");
    assertThat(cache().key(meta, "<html/>")).isEqualTo(key);
    assertThat(cache().key(meta, "<html> </html>")).isNotEqualTo(key);
    assertThat(
            cache()
                .key(
                    new PdfMeta(
                        "Timeline 2",
                        "en",
                        "Riverton",
                        null,
                        null,
                        "reap 1.0",
                        Renderer.pdfDate(AS_OF)),
                    "<html/>"))
        .isNotEqualTo(key);
    assertThat(cache(options(Set.of(), null, "1.1")).key(meta, "<html/>")).isNotEqualTo(key);

    byte[] pdf = "%PDF".getBytes(StandardCharsets.UTF_8);
    Files.write(out.resolve("t.pdf"), pdf);
    Manifest m = Manifest.empty();
    m.put("t", new Manifest.Entry(key, Map.of("t.pdf", Manifest.fingerprint(pdf))));
    assertThat(cache().upToDate(m, out, false, "t", key)).isTrue();
    assertThat(cache().upToDate(m, out, true, "t", key)).as("--force").isFalse();
    assertThat(cache().upToDate(m, null, false, "t", key)).as("no out/").isFalse();
    assertThat(cache().upToDate(m, out, false, "t", "other")).as("inputs changed").isFalse();
    Files.delete(out.resolve("t.pdf"));
    assertThat(cache().upToDate(m, out, false, "t", key)).as("file gone").isFalse();
  }
}
