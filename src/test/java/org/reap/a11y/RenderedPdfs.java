package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reap.Pipeline;
import org.reap.cli.Run;
import org.reap.render.RenderException;
import org.reap.render.Renderer;

/**
 * The PDFs of the sample plans and the documented examples, and their agenda packets, rendered once
 * per test JVM and shared by the accessibility tests (rendering them takes seconds; veraPDF takes
 * longer still).
 */
final class RenderedPdfs {
  static final Path PLANS = Path.of("plans");
  static final Path EXAMPLES = Path.of("docs/examples");
  private static final Map<Path, Map<String, byte[]>> CACHE = new LinkedHashMap<>();
  private static final Map<String, byte[]> PACKETS = new LinkedHashMap<>();

  private RenderedPdfs() {}

  /** Output name (without .pdf) to PDF bytes, in the renderer's job order. */
  static synchronized Map<String, byte[]> of(Path repo) {
    return CACHE.computeIfAbsent(repo, RenderedPdfs::render);
  }

  /** The agenda item of each sample repository. */
  static String item(Path repo) {
    return repo.equals(PLANS) ? "score-rec-2024-10-29-item-4" : "riverton-eq-2025-05-13-item-2";
  }

  static LocalDate asOf(Path repo) {
    return repo.equals(PLANS) ? LocalDate.of(2024, 10, 29) : LocalDate.of(2025, 5, 1);
  }

  /**
   * The agenda packet of the repository's agenda item (the supplemental one too), made by {@code
   * reap packet} in-process; the command must succeed without a word on stderr.
   */
  static synchronized byte[] packet(Path repo, boolean supplemental) {
    return PACKETS.computeIfAbsent(
        repo + " " + supplemental,
        k -> {
          try {
            Path out = Files.createTempDirectory("reap-packet");
            List<String> args =
                new ArrayList<>(
                    List.of(
                        "packet",
                        item(repo),
                        "--plans",
                        repo.toString(),
                        "--as-of",
                        asOf(repo).toString(),
                        "--out",
                        out.toString()));
            if (supplemental) {
              args.add("--supplemental");
            }
            Run run = Run.in(Path.of("").toAbsolutePath(), args.toArray(String[]::new));
            assertThat(run.exit()).as(run.all()).isZero();
            assertThat(run.err()).isEmpty();
            Path file =
                out.resolve(
                    item(repo) + (supplemental ? "-supplemental-packet.pdf" : "-packet.pdf"));
            byte[] pdf = Files.readAllBytes(file);
            try (var files = Files.walk(out)) {
              for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
              }
            }
            return pdf;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static Map<String, byte[]> render(Path repo) {
    LocalDate asOf = asOf(repo);
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    Renderer r =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                asOf, Renderer.pdfDate(asOf), EnumSet.of(Renderer.Format.PDF), null, Set.of()));
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Renderer.Job job : r.jobs()) {
      try {
        out.put(job.name(), r.pdf(job));
      } catch (RenderException e) {
        throw new AssertionError(
            repo + ": " + job.name() + " did not render: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
