package org.reap.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.diagnostic.Diagnostic;
import org.reap.testing.TestFiles;

/**
 * The repository rules at their edges: each test starts from the clean docs/examples, changes one
 * thing and checks the finding (or its absence) word for word. The golden cases in validate-cases
 * show a typical finding of each rule through the command line.
 */
class RulesTest {
  @TempDir Path dir;
  Path plans;

  @BeforeEach
  void setUp() throws IOException {
    plans = dir.resolve("plans");
    TestFiles.copyTree(Path.of("docs/examples"), plans);
  }

  void edit(String file, String from, String to) throws IOException {
    Path f = plans.resolve(file);
    String before = Files.readString(f);
    assertThat(before).as(file).contains(from);
    Files.writeString(f, before.replace(from, to));
  }

  /** "rule: message (hint)" of every finding, in order. */
  List<String> findings() {
    Pipeline.Checked c =
        Pipeline.check(
            new Pipeline.Options(
                List.of(Path.of("plans")), dir, false, java.util.Map.of(), java.util.Set.of()));
    return c.diagnostics().stream().map(RulesTest::show).toList();
  }

  static String show(Diagnostic d) {
    return d.ruleId() + " " + d.span().line() + ": " + d.message() + " (" + d.hint() + ")";
  }

  @Test
  void theExamplesAreClean() {
    assertThat(findings()).isEmpty();
  }

  @Test
  void aCompletedDateWithoutDoneNamesTheStatusOrItsAbsence() throws IOException {
    edit(
        "milestones.yaml",
        "    status: done\n    completed: 2025-02-20",
        "    status: planned\n    completed: 2025-02-20");
    edit(
        "milestones.yaml",
        "    owner: Equity Core Team\n    status: in-progress",
        "    owner: Equity Core Team\n    completed: 2025-03-17");
    assertThat(findings())
        .containsExactly(
            "status.date-without-done 17: this milestone has a completed date but its status is \"planned\" (set \"status: done\", or remove the completed date)",
            "status.date-without-done 21: this milestone has a completed date but its status is not set (add \"status: done\")");
  }

  @Test
  void aStatusThatIsNotValidIsReportedOnceNotAgainAsNotDone() throws IOException {
    edit(
        "milestones.yaml",
        "    status: done\n    completed: 2025-02-20",
        "    status: finished\n    completed: 2025-02-20");
    assertThat(findings()).singleElement().asString().startsWith("schema.bad-value 16:");
  }

  @Test
  void doneWithoutADateIsAWarningUnlessTheDateWasInvalid() throws IOException {
    edit("milestones.yaml", "    completed: 2025-02-20\n", "");
    assertThat(findings())
        .containsExactly(
            "status.done-without-date 16: this milestone is done but does not say when (add \"completed: YYYY-MM-DD\" with the day it was done)");
    edit("milestones.yaml", "    status: done\n", "    status: done\n    completed: someday\n");
    assertThat(findings()).singleElement().asString().startsWith("schema.bad-date 17:");
  }

  @Test
  void aTargetEqualToTheBaselineIsNotWorse() throws IOException {
    edit("indicators.yaml", "target: {date: 2026, value: 80}", "target: {date: 2026, value: 12}");
    edit("indicators.yaml", "target: {date: 2026, value: 30}", "target: {date: 2026, value: 40}");
    assertThat(findings()).isEmpty();
    edit("indicators.yaml", "target: {date: 2026, value: 12}", "target: {date: 2026, value: 11.9}");
    edit("indicators.yaml", "target: {date: 2026, value: 40}", "target: {date: 2026, value: 40.1}");
    assertThat(findings())
        .containsExactly(
            "indicator.target 13: the target 11.9 is worse than the baseline 12 for an indicator where higher is better (check the target, or the polarity at plans/indicators.yaml:11:15)",
            "indicator.target 26: the target 40.1 is worse than the baseline 40 for an indicator where lower is better (check the target, or the polarity at plans/indicators.yaml:21:15)");
  }

  @Test
  void aTargetDatedBeforeItsBaselineIsReported() throws IOException {
    edit("indicators.yaml", "target: {date: 2026, value: 80}", "target: {date: 2022, value: 80}");
    assertThat(findings())
        .containsExactly(
            "indicator.target 13: the target date 2022 is before the baseline date 2023 (a target is set for a date after the baseline)");
  }

  @Test
  void statedMeetingHoursMayBeTenPercentOff() throws IOException {
    edit("plan.yaml", "stated_hours_per_month: 4", "stated_hours_per_month: 4.4");
    assertThat(findings()).as("4 hours derived, 4.4 stated: exactly 10%% of 4.4 is 0.44").isEmpty();
    edit("plan.yaml", "stated_hours_per_month: 4.4", "stated_hours_per_month: 4.5");
    assertThat(findings())
        .containsExactly(
            "meeting.hours-mismatch 113: 4.5 hours per month are stated, but 2 hours × 2 per month makes 4 hours per month (check the length and cadence, or the stated figure)");
    edit("plan.yaml", "stated_hours_per_month: 4.5", "stated_hours_per_month: 3.6");
    assertThat(findings()).as("0.4 off, within 10%% of 3.6 (0.36)? no").hasSize(1);
  }

  @Test
  void aGapInAttachmentNumbersNamesTheMissingOnes() throws IOException {
    edit("agenda-item.yaml", "number: \"2\"", "number: \"3\"");
    edit(
        "agenda-item.yaml",
        "  - number: \"3\"\n    title: What We Heard",
        "  - number: \"6\"\n    title: What We Heard");
    List<String> f = findings();
    assertThat(f)
        .contains(
            "attachment.numbering 43: attachment 3 follows attachment 1: attachment 2 is missing (number attachments 1, 2, 3 in the order they are listed; mark one that is not ready \"status: pending\" rather than leaving a gap)",
            "attachment.numbering 46: attachment 6 follows attachment 3: attachments 4 to 5 are missing (number attachments 1, 2, 3 in the order they are listed; mark one that is not ready \"status: pending\" rather than leaving a gap)",
            "attachment.numbering 50: attachment 4 is out of order (number attachments 1, 2, 3 in the order they are listed; mark one that is not ready \"status: pending\" rather than leaving a gap)");
  }

  @Test
  void anAttachmentWithTwoSourcesIsReportedOnlyWhenItHasTwo() throws IOException {
    edit(
        "agenda-item.yaml",
        "    in_memo: yes\n",
        "    in_memo: yes\n    document: riverton-rea-permits\n");
    assertThat(findings())
        .containsExactly(
            "attachment.source 40: attachment 1 names more than one source (in_memo, document, file) (keep the one that is the attachment)");
  }

  @Test
  void anAttachmentFileMustBeAFileInsideTheRepository() throws IOException {
    Files.createDirectories(plans.resolve("folder.pdf"));
    Files.writeString(dir.resolve("outside.pdf"), "%PDF-");
    Files.createSymbolicLink(plans.resolve("linked.pdf"), dir.resolve("outside.pdf"));
    Files.createSymbolicLink(plans.resolve("loop.pdf"), plans.resolve("loop.pdf"));
    edit(
        "agenda-item.yaml",
        "    title: Draft ordinance\n",
        "    title: Draft ordinance\n    file: folder.pdf\n");
    edit(
        "agenda-item.yaml",
        "    title: Earlier fee study\n",
        "    title: Earlier fee study\n    file: linked.pdf\n");
    edit(
        "agenda-item.yaml",
        "    title: Description/Analysis\n    in_memo: yes\n",
        "    title: Description/Analysis\n    file: loop.pdf\n");
    edit(
        "agenda-item.yaml",
        "    title: Racial Equity Analysis\n    document: riverton-rea-permits\n",
        "    title: Racial Equity Analysis\n    file: none.pdf\n");
    assertThat(findings())
        .containsExactly(
            // a link to itself does not exist as far as Files.exists is concerned
            "attachment.source 42: the attachment file \"loop.pdf\" does not exist (looked in plans/) (check the file name; paths are relative to this YAML file's folder)",
            "attachment.source 45: the attachment file \"none.pdf\" does not exist (looked in plans/) (check the file name; paths are relative to this YAML file's folder)",
            "attachment.source 52: \"folder.pdf\" is a folder, not a file (name the PDF file itself)",
            "attachment.source 56: the attachment file \"linked.pdf\" is outside the repository (copy the file into the repository)");
  }

  @Test
  void aDanglingReferenceListsUpToEightCandidates() throws IOException {
    StringBuilder teams = new StringBuilder("teams:\n");
    for (int i = 1; i <= 7; i++) {
      teams
          .append("  - id: riverton-team-")
          .append(i)
          .append("\n    name: Team ")
          .append(i)
          .append("\n");
    }
    edit("plan.yaml", "teams:\n", teams.toString());
    edit("milestones.yaml", "team: riverton-team-engagement", "team: riverton-team-nowhere");
    assertThat(findings())
        .singleElement()
        .asString()
        .endsWith(
            "ids of that kind: riverton-team-1, riverton-team-2, riverton-team-3, riverton-team-4, riverton-team-5, riverton-team-6,"
                + " riverton-team-7, riverton-team-engagement)");
    edit("plan.yaml", "teams:\n", "teams:\n  - id: riverton-team-8\n    name: Team 8\n");
    assertThat(findings())
        .singleElement()
        .asString()
        .endsWith("(9 team ids exist; check the spelling)");
  }

  @Test
  void aDateFarFromItsNeighboursAndOutOfOrderIsReported() throws IOException {
    // dated entries: 2025-02-20, 2026-03-01 (a typo for 2025), 2025-08: two neighbours, and it
    // comes after the next one
    edit("milestones.yaml", "  - date: 2025-03-15/2025-03-17\n", "  - date: 2026-03-01\n");
    assertThat(findings())
        .containsExactly(
            "date.out-of-sequence 18: \"2026-03-01\" is far from the dates listed around it (near 2025-08-01) (check the year and month; if the date is right, move the entry to its place in the list)",
            "date.outside-period 18: \"2026-03-01\" is outside the period of the plan \"riverton-reap-2025\" (2025-01/2025-12) (check the year; or widen the plan's period at plans/plan.yaml:13:3)",
            // and the entry after it, seen from there, is as far off
            "date.out-of-sequence 28: \"2025-08\" is far from the dates listed around it (near 2026-03-01) (check the year and month; if the date is right, move the entry to its place in the list)");
  }

  @Test
  void aSingleNeighbourIsNotEnoughToCallADateOutOfSequence() throws IOException {
    edit("milestones.yaml", "  - date: 2025-08\n", "  - date: TBD\n");
    edit(
        "milestones.yaml",
        "  - date: 2025-03-15/2025-03-17\n",
        "  - date: 2027-03-15/2027-03-17\n");
    assertThat(findings())
        .extracting(s -> s.substring(0, s.indexOf(' ')))
        .doesNotContain("date.out-of-sequence");
  }

  @Test
  void onlyAPlanGivesItsNameToAProgressReport() throws IOException {
    // riverton-what-we-heard is findings, not a plan: no riverton-what-we-heard-progress report
    // exists
    edit("indicators.yaml", "id: riverton-indicators", "id: riverton-what-we-heard-progress");
    assertThat(findings()).isEmpty();
    edit(
        "indicators.yaml",
        "id: riverton-what-we-heard-progress",
        "id: riverton-reap-2025-progress");
    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith(
            "id.duplicate 4: the id \"riverton-reap-2025-progress\" is the name of the progress report");
  }

  @Test
  void aPlansOwnPhaseOutsideItsPeriodIsReported() throws IOException {
    edit("plan.yaml", "        when: 2025-04/2025-06", "        when: 2026-04/2026-06");
    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith(
            "date.outside-period 76: \"2026-04/2026-06\" is outside the period of the plan \"riverton-reap-2025\"");
  }

  @Test
  void articlesFollowTheFirstLetter() {
    assertThat(References.a("agenda-item")).isEqualTo("an agenda item");
    assertThat(References.a("indicator")).isEqualTo("an indicator");
    assertThat(References.a("team")).isEqualTo("a team");
  }

  @Test
  void aTranslationGapIsReportedForEachLanguageAPlanPublishesIn() throws IOException {
    edit("plan.yaml", "language: en\n", "language: en\npublish_in: [es]\n");
    List<String> f = findings();
    assertThat(f).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("translation.missing "));
    assertThat(f.get(0))
        .contains(
            "has no translation into Spanish (es), which this document is published in",
            "until then the es copy prints the en text");
  }
}
