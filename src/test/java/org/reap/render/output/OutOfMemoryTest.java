package org.reap.render.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.cli.ExitCodes;

/**
 * A document too large for the Java heap is a plain error naming the document, with a hint, exit 1,
 * and out/ untouched; never "Exception in thread main" and a stack trace. A child JVM with a small
 * heap renders a 3,000-milestone timeline (the same render takes about 300 MB at full size).
 */
class OutOfMemoryTest {
  @Test
  void aDocumentTooLargeForTheHeapIsAPlainErrorAndOutIsUntouched(@TempDir Path tmp)
      throws Exception {
    Path plans = Files.createDirectories(tmp.resolve("plans"));
    Files.writeString(
        plans.resolve("plan.yaml"),
        """
        reap: 1
        kind: plan
        id: big-plan
        title: A plan with a long timeline
        jurisdiction: City of Testing
        period:
          when: 2020-01/2029-12
        """,
        StandardCharsets.UTF_8);
    StringBuilder y =
        new StringBuilder(
            """
        reap: 1
        kind: milestones
        id: big-timeline
        title: A long timeline
        plan: big-plan
        entries:
        """);
    LocalDate d = LocalDate.of(2020, 1, 1);
    for (int i = 1; i <= 3000; i++) {
      y.append("  - id: ms-")
          .append(i)
          .append('\n')
          .append("    date: ")
          .append(d.plusDays(i))
          .append('\n')
          .append(
              "    title: Share the results of the racial equity tool with the community, step ")
          .append(i)
          .append('\n')
          .append("    owner: Office of Diversity and Equity\n")
          .append("    partnership: ")
          .append(i % 3 == 0 ? "yes" : "no")
          .append('\n');
    }
    Files.writeString(plans.resolve("timeline.yaml"), y, StandardCharsets.UTF_8);
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(
        out.resolve("big-timeline.pdf"), "the previous good file", StandardCharsets.UTF_8);

    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = tmp.resolve("child.log");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx40m",
                "-XX:+UseSerialGC",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.reap.cli.Main",
                "render",
                "plans",
                "--out",
                "out",
                "--as-of",
                "2024-10-29",
                "--format",
                "pdf",
                "--only",
                "big-timeline",
                "--force",
                "--quiet")
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(child.waitFor(240, TimeUnit.SECONDS)).as("the child finished").isTrue();
    String said = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(child.exitValue()).as(said).isEqualTo(ExitCodes.INVALID);
    assertThat(said)
        .contains(
            "plans/timeline.yaml: error[render]: There was not enough memory to render big-timeline")
        .contains("hint: Split a very long table")
        .contains("JAVA_OPTS_REAP=-Xmx")
        .doesNotContain("Exception", "OutOfMemoryError", "\tat ");
    try (var files = Files.list(out)) {
      assertThat(
              files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(OutputDir.OWN_DIR)))
          .containsExactly("big-timeline.pdf");
    }
    assertThat(Files.readString(out.resolve("big-timeline.pdf"), StandardCharsets.UTF_8))
        .isEqualTo("the previous good file");
  }
}
