package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;
import org.reap.render.output.OutputDir;
import org.reap.testing.TestFiles;

/**
 * Bounded memory for many documents (issue 18): each finished file is staged in out/ under a temp
 * name the moment it is made and its bytes are dropped; the files are moved into place only when
 * every document rendered, and a failure part way through leaves out/ as it was, with no temp file.
 */
class StagedRenderTest {
  static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2025, 5, 1);

  @TempDir Path tmp;

  static Renderer renderer(Path repo, Path templates) {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return new Renderer(
        c.repository(),
        new Renderer.Options(
            AS_OF,
            Renderer.pdfDate(AS_OF),
            EnumSet.allOf(Renderer.Format.class),
            templates,
            Set.of()));
  }

  static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static List<String> temps(Path dir) throws IOException {
    return listing(dir).stream().filter(n -> n.endsWith(".reap-tmp")).toList();
  }

  /** Every file in out/ (not reap's own .reap/) with its bytes, as hex digests. */
  static Map<String, String> snapshot(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String n : listing(out)) {
      if (!n.equals(OutputDir.OWN_DIR)) {
        m.put(n, Manifest.fingerprint(Files.readAllBytes(out.resolve(n))));
      }
    }
    return m;
  }

  @Test
  void aRenderedFileHoldsWhereItIsStagedNotItsBytes() {
    assertThat(
            Arrays.stream(Renderer.Rendered.class.getRecordComponents())
                .map(RecordComponent::getType))
        .as("no component of Rendered may hold a document's bytes")
        .doesNotContain(byte[].class)
        .contains(Path.class);
  }

  @Test
  void eachFileIsStagedInOutAsSoonAsItIsMadeAndMovedIntoPlaceAtCommit() throws Exception {
    Path out = tmp.resolve("out");
    Renderer r = renderer(Path.of("docs/examples"), null).threads(1);
    List<Integer> tempsAtEachPut = new ArrayList<>();
    Renderer.Result result;
    try (OutputDir dir = OutputDir.open(out)) {
      result =
          r.render(
              Manifest.empty(),
              out,
              true,
              (name, bytes) -> {
                try {
                  tempsAtEachPut.add(temps(out).size());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
                return dir.stage(name, bytes).temp();
              });
      assertThat(result.ok()).isTrue();
      assertThat(result.files()).hasSize(2 * r.jobs().size());
      // the k-th file finds the k-1 before it already on disk: nothing waits in memory for the end
      // of the run
      for (int k = 0; k < tempsAtEachPut.size(); k++) {
        assertThat(tempsAtEachPut.get(k))
            .as("temp files in out/ when file %d is handed over", k + 1)
            .isEqualTo(k);
      }
      Map<String, byte[]> staged = new TreeMap<>();
      for (Renderer.Rendered f : result.files()) {
        assertThat(f.staged().getParent()).isEqualTo(out.toRealPath());
        assertThat(f.staged().getFileName().toString())
            .startsWith("." + f.fileName() + ".")
            .endsWith(".reap-tmp");
        assertThat(Files.size(f.staged())).isEqualTo(f.size());
        staged.put(f.fileName(), f.bytes());
      }
      assertThat(listing(out))
          .as("nothing is in place before the commit")
          .allMatch(n -> n.equals(OutputDir.OWN_DIR) || n.endsWith(".reap-tmp"));
      dir.commitAll();
      assertThat(temps(out)).isEmpty();
      for (Map.Entry<String, byte[]> e : staged.entrySet()) {
        assertThat(Files.readAllBytes(out.resolve(e.getKey())))
            .as(e.getKey())
            .isEqualTo(e.getValue());
      }
    }
    // the same bytes as a render kept in memory the old way would give: the fingerprints in the
    // manifest
    for (Renderer.Rendered f : result.files()) {
      assertThat(result.manifest().get(f.job().name()).files().get(f.fileName()))
          .isEqualTo(Manifest.fingerprint(Files.readAllBytes(out.resolve(f.fileName()))));
    }
  }

  @Test
  void aDocumentThatFailsPartWayThroughLeavesOutAsItWasWithNoTempFile() throws Exception {
    Path plans = tmp.resolve("plans");
    TestFiles.copyTree(Path.of("docs/examples"), plans);
    Run ok = Run.in(tmp, "render", "--as-of", "2025-05-01");
    assertThat(ok.exit()).as(ok.all()).isZero();
    Path out = tmp.resolve("out");
    Map<String, String> before = snapshot(out);
    byte[] manifest = Files.readAllBytes(out.resolve(OutputDir.OWN_DIR).resolve(Manifest.FILE));

    // the template of the last document goes wrong: every document before it has been staged by
    // then
    List<Renderer.Job> jobs = renderer(plans, null).jobs();
    Renderer.Job last = jobs.getLast();
    assertThat(jobs.subList(0, jobs.size() - 1))
        .as("only the last document uses " + last.template())
        .noneMatch(j -> j.template().equals(last.template()));
    Files.createDirectories(tmp.resolve("templates"));
    Files.writeString(
        tmp.resolve("templates").resolve(last.template()),
        "<#ftl output_format=\"XHTML\">\n${no_such_field}\n",
        StandardCharsets.UTF_8);
    Run bad =
        Run.in(
            tmp,
            "render",
            "--as-of",
            "2025-05-01",
            "--force",
            "--jobs",
            "1",
            "--templates",
            "templates");
    assertThat(bad.exit()).as(bad.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(bad.err()).contains("error[render]", "nothing was written");
    assertThat(temps(out)).isEmpty();
    assertThat(temps(out.resolve(OutputDir.OWN_DIR))).isEmpty();
    assertThat(snapshot(out)).isEqualTo(before);
    assertThat(Files.readAllBytes(out.resolve(OutputDir.OWN_DIR).resolve(Manifest.FILE)))
        .isEqualTo(manifest);
  }

  @Test
  void aFailureOfTheOutputFolderStopsTheRunAndNothingIsLeft() throws Exception {
    Path out = tmp.resolve("out");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "a file of the user's", StandardCharsets.UTF_8);
    Renderer r = renderer(Path.of("docs/examples"), null).threads(1);
    int[] puts = {0};
    try (OutputDir dir = OutputDir.open(out)) {
      assertThatThrownBy(
              () ->
                  r.render(
                      Manifest.empty(),
                      out,
                      true,
                      (name, bytes) -> {
                        if (++puts[0] == 3) {
                          throw new RenderException(
                              "Could not write " + name + " (the disk is full).");
                        }
                        return dir.stage(name, bytes).temp();
                      }))
          .isInstanceOf(RenderException.class)
          .hasMessageContaining("the disk is full");
      assertThat(puts[0]).as("no document is rendered after the failure").isEqualTo(3);
      assertThat(temps(out)).hasSize(2);
      dir.discardAll();
      assertThat(temps(out)).isEmpty();
    }
    assertThat(listing(out)).containsExactly(OutputDir.OWN_DIR, "keep.txt");
  }
}
