package org.reap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document that cannot be rendered is a finding of the rule "render", printed like every other
 * finding: as text by default, as JSON or as GitHub annotations with {@code --problems}.
 */
class RenderProblemsTest {
  @TempDir Path dir;

  private Run renderWithBrokenTimeline(String... more) throws IOException {
    Path t = Files.createDirectories(dir.resolve("city-templates"));
    String own = Files.readString(Path.of("templates/timeline.ftlx"), StandardCharsets.UTF_8);
    Files.writeString(
        t.resolve("timeline.ftlx"),
        own.replaceFirst("</h1>", "\\${doc.no_such_field}</h1>"),
        StandardCharsets.UTF_8);
    String[] args = {
      "render",
      Path.of("plans").toAbsolutePath().toString(),
      "--out",
      "out",
      "--templates",
      "city-templates",
      "--only",
      "score-2024-timeline",
      "--format",
      "pdf",
      "--as-of",
      "2024-10-29",
      "--quiet"
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return Run.in(dir, all);
  }

  @Test
  void asText() throws IOException {
    Run r = renderWithBrokenTimeline();
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains(
            "milestones.yaml: error[render]: ",
            "the value ${doc.no_such_field} is missing or empty",
            "    hint: ")
        .contains("reap: nothing was written: 1 document could not be rendered.");
    assertThat(r.out()).isEmpty();
    assertThat(dir.resolve("out/score-2024-timeline.pdf")).doesNotExist();
  }

  @Test
  void asJson() throws IOException {
    Run r = renderWithBrokenTimeline("--problems", "json");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out())
        .contains("\"rule\" : \"render\"")
        .contains("milestones.yaml")
        .contains("no_such_field");
    assertThat(r.err()).doesNotContain("error[render]").contains("nothing was written");
  }

  @Test
  void asGithubAnnotations() throws IOException {
    Run r = renderWithBrokenTimeline("--problems", "github");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out())
        .startsWith("::error file=")
        .contains("milestones.yaml")
        .contains("no_such_field");
  }
}
