package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.reap.Pipeline;
import org.reap.render.RenderException;
import org.reap.render.Renderer;

/**
 * The PDFs of the sample plans and the documented examples, rendered once per test JVM and shared
 * by the accessibility tests (rendering them takes seconds; veraPDF takes longer still).
 */
final class RenderedPdfs {
  static final Path PLANS = Path.of("plans");
  static final Path EXAMPLES = Path.of("docs/examples");
  private static final Map<Path, Map<String, byte[]>> CACHE = new LinkedHashMap<>();

  private RenderedPdfs() {}

  /** Output name (without .pdf) to PDF bytes, in the renderer's job order. */
  static synchronized Map<String, byte[]> of(Path repo) {
    return CACHE.computeIfAbsent(repo, RenderedPdfs::render);
  }

  private static Map<String, byte[]> render(Path repo) {
    LocalDate asOf = repo.equals(PLANS) ? LocalDate.of(2024, 10, 29) : LocalDate.of(2025, 5, 1);
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    Renderer r =
        new Renderer(c.repository(), new Renderer.Options(asOf, Renderer.pdfDate(asOf), EnumSet.of(Renderer.Format.PDF), null, Set.of()));
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (Renderer.Job job : r.jobs()) {
      try {
        out.put(job.name(), r.pdf(job));
      } catch (RenderException e) {
        throw new AssertionError(repo + ": " + job.name() + " did not render: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
