package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reap.Pipeline;

/**
 * A plan with nothing to report gets no progress report, and the render says so (issue 16 item 5).
 */
class ProgressLeftOutTest {
  @Test
  void aPlanWithNothingToReportGetsNoProgressReport() throws Exception {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(Path.of("plans")));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    LocalDate asOf = LocalDate.of(2024, 10, 29);
    Renderer r =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                asOf,
                Renderer.pdfDate(asOf),
                EnumSet.allOf(Renderer.Format.class),
                null,
                Set.of()));
    List<String> names = r.jobs().stream().map(Renderer.Job::name).toList();
    List<String> leftOut = r.leftOut();
    assertThat(leftOut)
        .containsExactlyInAnyOrder(
            "bps-racial-equity-goals-strategies-progress",
            "racine-rei-cohort-progress",
            "slp-racial-equity-cohort-progress");
    assertThat(names)
        .contains("score-2024-work-plan-progress")
        .doesNotContainAnyElementsOf(leftOut);
    // every progress report made reports something
    for (Renderer.Job j : r.jobs()) {
      if (j.name().endsWith("-progress")) {
        assertThat(r.xhtml(j)).as(j.name()).doesNotContain("No milestones are linked to this plan");
      }
    }
    // index.html lists only what is made
    String index = new String(r.index(r.jobs()), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(index)
        .contains("score-2024-work-plan-progress")
        .doesNotContain("racine-rei-cohort-progress");
  }
}
