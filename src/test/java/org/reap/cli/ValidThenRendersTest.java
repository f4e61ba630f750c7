package org.reap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.testing.TestFiles;

/**
 * What reap validate accepts, reap render renders: each case here passed validation and then failed
 * at render time (found by writing the hostile-input tests and by the render fuzz target). The
 * opposite direction, input validation must refuse, is in the validate golden cases
 * (schema-invisible-text, schema-blank-group-name).
 */
class ValidThenRendersTest {
  @TempDir Path dir;

  @BeforeEach
  void setUp() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
  }

  void edit(String file, String from, String to) throws IOException {
    Path f = dir.resolve("plans").resolve(file);
    String before = Files.readString(f);
    assertThat(before).contains(from);
    Files.writeString(f, before.replace(from, to));
  }

  Run validateThenRender(String only) {
    Run v = Run.in(dir, "validate", "plans");
    assertThat(v.exit()).as(v.all()).isEqualTo(ExitCodes.OK);
    return Run.in(dir, "render", "--as-of", "2025-05-01", "--only", only);
  }

  @Test
  void textLongerThanAChartLabelIsShortenedInTheChart() throws IOException {
    String longTitle =
        "Community listening sessions in every district, with interpretation and childcare "
            .repeat(5)
            .strip();
    assertThat(longTitle.length()).isGreaterThan(300);
    edit("plan.yaml", "title: Community listening sessions", "title: " + longTitle);
    edit("plan.yaml", "title: Design sessions", "title: " + longTitle);
    edit("indicators.yaml", "name: Median days to process a permit", "name: " + longTitle);
    edit("indicators.yaml", "unit: days", "unit: " + longTitle);
    Run r = validateThenRender("riverton-reap-2025");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    Run i = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", "riverton-indicators");
    assertThat(i.exit()).as(i.all()).isEqualTo(ExitCodes.OK);
    String html = Files.readString(dir.resolve("out/riverton-indicators.html"));
    assertThat(html).as("the table keeps the whole name").contains(longTitle);
  }

  @Test
  void aGroupNamedLikeTheEveryoneSeriesAndTwoObservationsOnOneDateRender() throws IOException {
    edit(
        "indicators.yaml",
        "groups: {Black: 52, Latino: 47, White: 35}",
        "groups: {Black: 52, Everyone: 47, White: 35}");
    edit(
        "indicators.yaml",
        "groups: {Black: 45, Latino: 41, White: 34}",
        "groups: {Black: 45, Everyone: 41, White: 34}\n" + "      - date: 2024\n        value: 36");
    Run v = Run.in(dir, "validate", "plans");
    assertThat(v.all())
        .contains("warning[indicator.observation-order]", "two observations have the date 2024");
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", "riverton-indicators");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void anIndicatorWithMoreGroupsThanAChartShowsKeepsItsTableAndLosesOnlyTheChart()
      throws IOException {
    StringBuilder groups = new StringBuilder("{");
    for (int i = 1; i <= 12; i++) {
      groups.append(i == 1 ? "" : ", ").append("Group ").append(i).append(": ").append(40 + i);
    }
    groups.append("}");
    edit("indicators.yaml", "groups: {Black: 52, Latino: 47, White: 35}", "groups: " + groups);
    Run r = validateThenRender("riverton-indicators");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    String html = Files.readString(dir.resolve("out/riverton-indicators.html"));
    assertThat(html).contains("Group 12", "Median days to process a permit (days)");
    // only that indicator loses its chart; the others keep theirs
    assertThat(html)
        .doesNotContain("aria-label=\"Line chart of Median days to process a permit")
        .contains(
            "aria-label=\"Line chart of Staff who completed racial equity training",
            "aria-label=\"Line chart of City employees by Race/ethnicity");
  }

  @Test
  void aTemplateLinkedFromOutsideTemplatesIsAPlainErrorNotAnInternalOne() throws IOException {
    Files.writeString(dir.resolve("secret.ftlx"), "SECRET-CONTENT");
    Files.createDirectories(dir.resolve("templates"));
    Files.createSymbolicLink(dir.resolve("templates/memo.ftlx"), dir.resolve("secret.ftlx"));
    Run r = validateThenRender("riverton-eq-2025-05-13-item-2");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains(
            "templates/memo.ftlx is a link to a file outside the templates folder",
            "copy the file into templates/")
        .doesNotContain("SecurityException", "internal error", "SECRET-CONTENT", "\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
