package org.reap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new repository validates and renders out of the box; `new` adds valid skeletons or nothing. */
class InitNewTest {
  @TempDir Path dir;

  @Test
  void initThenValidateAndRender() throws Exception {
    Run init = Run.in(dir, "init", "city");
    assertThat(init.exit()).as(init.all()).isZero();
    Path city = dir.resolve("city");
    assertThat(city.resolve(".gitignore")).content().isEqualTo("/out/\n");
    assertThat(city.resolve(".github/workflows/reap.yml"))
        .content()
        .contains("validate plans --format github");
    Run v = Run.in(city, "validate", "--strict");
    assertThat(v.out()).endsWith("ok: 0 errors, 0 warnings in 7 files\n");
    Run r = Run.in(city, "render", "--as-of", "2025-05-01", "--format", "html");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(city.resolve("out/index.html")).exists();
    Run again = Run.in(dir, "init", "city");
    assertThat(again.exit()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(again.err()).contains("not empty");
  }

  @Test
  void newMilestoneAndMemo() throws Exception {
    Run.in(dir, "init", "city");
    Path city = dir.resolve("city");
    Run m =
        Run.in(
            city,
            "new",
            "milestone",
            "riverton-m-report-out",
            "--date",
            "2025-09-15",
            "--title",
            "Report back to the community");
    assertThat(m.exit()).as(m.all()).isZero();
    String text = Files.readString(city.resolve("plans/milestones.yaml"));
    assertThat(text)
        .contains(
            "  - id: riverton-m-report-out\n    date: 2025-09-15\n    title: \"Report back to the community\"\n    status: planned\n");
    assertThat(Run.in(city, "validate", "--strict").exit()).isZero();

    Run bad = Run.in(city, "new", "milestone", "--date", "2025-02-30");
    assertThat(bad.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(bad.err()).contains("February 2025 has 28 days", "left as it was");
    assertThat(Files.readString(city.resolve("plans/milestones.yaml"))).isEqualTo(text);

    Run memo = Run.in(city, "new", "memo", "eq-2025-06-10-item-1", "--date", "2025-06-10");
    assertThat(memo.exit()).as(memo.all()).isZero();
    assertThat(city.resolve("plans/agenda-item-eq-2025-06-10-item-1.yaml")).exists();
    assertThat(Run.in(city, "validate").exit()).isZero();
    assertThat(Run.in(city, "new", "memos").err()).contains("did you mean \"memo\"");
  }
}
