package org.reap.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.diagnostic.Diagnostic;
import org.reap.model.Node;
import org.reap.model.When;

/**
 * A repository's own settings (reap-settings.yaml): fiscal years, its status words, its own fields
 * checked like built-in ones, action-table columns; and the comment-in-text warning.
 */
class CitySettingsTest {
  @TempDir Path dir;

  static final String SETTINGS =
      """
      reap: 1
      fiscal_year:
        starts: July
      statuses:
        Not started: planned
        Ongoing: in-progress
      fields:
        action:
          - name: priority
            label: {en: Priority, es: Prioridad}
            type: list
            values: [Level 1, Level 2, Level 3]
          - name: lift
            label: Lift
            type: list
            values: [Easy, Moderate, High]
            required: yes
      action_table:
        columns: [number, text, priority]
      """;

  static final String PLAN_HEAD =
      """
      reap: 1
      kind: plan
      id: p
      title: P
      jurisdiction: City
      goals:
        - id: g6
          number: "6"
          title: Culture
      objectives:
        - id: o1
          number: "6.1"
          title: Objective
          goals: [g6]
          tasks:
      """;

  Pipeline.Checked check(String settings, String tasks) throws IOException {
    if (settings != null) {
      Files.writeString(dir.resolve("reap-settings.yaml"), settings, StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("plan.yaml"), PLAN_HEAD + tasks, StandardCharsets.UTF_8);
    return Pipeline.check(
        new Pipeline.Options(List.of(dir), dir, false, java.util.Map.of(), java.util.Set.of()));
  }

  static List<String> shown(Pipeline.Checked c) {
    return c.diagnostics().stream().map(CitySettingsTest::show).toList();
  }

  static String show(Diagnostic d) {
    return d.ruleId()
        + " "
        + d.span().file().displayPath()
        + ":"
        + d.span().line()
        + ":"
        + d.span().column()
        + " "
        + d.message()
        + " ("
        + d.hint()
        + ")";
  }

  Node.Obj task(Pipeline.Checked c, int i) {
    Node.Obj o = (Node.Obj) c.repository().ofKind("plan").get(0).root().list("objectives").get(0);
    return (Node.Obj) o.list("tasks").get(i);
  }

  @Test
  void fiscalYearsStatusWordsAndOwnFieldsAreRead() throws IOException {
    Pipeline.Checked c =
        check(
            SETTINGS,
            "      - number: 6.1.1\n        text: Do it\n        when: FY2021-22\n        status: Ongoing\n        priority: Level 1\n        lift: High\n");
    assertThat(shown(c)).isEmpty();
    Node.Obj t = task(c, 0);
    When w = t.value("when");
    assertThat(w.start()).isEqualTo(LocalDate.of(2021, 7, 1));
    assertThat(w.end()).isEqualTo(LocalDate.of(2022, 6, 30));
    assertThat(t.string("status"))
        .as("the city's word maps onto reap's status")
        .isEqualTo("in-progress");
    assertThat(t.string("status_as_written")).isEqualTo("Ongoing");
    assertThat(t.string("priority")).isEqualTo("Level 1");
  }

  @Test
  void ownFieldsAreCheckedLikeBuiltInOnes() throws IOException {
    Pipeline.Checked c =
        check(
            SETTINGS,
            "      - text: Do it\n        priority: Level 4\n        lift: Easy\n        prority: Level 1\n      - text: Other\n");
    assertThat(shown(c))
        .containsExactly(
            "schema.bad-value plan.yaml:17:19 \"priority\" cannot be \"Level 4\" (did you mean \"Level 1\"? allowed: Level 1, Level 2, Level 3)",
            "schema.unknown-field plan.yaml:19:9 \"prority\" is not a field of a task (did you mean \"priority\"? fields allowed here: id, label, number, text, when, team, leads, deliverables, resources, indicators, status, due, completed, items, notes, priority, lift)",
            "schema.missing-field plan.yaml:20:9 this task needs \"lift\": lift (this repository's own field) (add a line \"lift: ...\" with one of: Easy, Moderate, High)");
  }

  @Test
  void anUnknownStatusWordListsTheCitysWordsToo() throws IOException {
    Pipeline.Checked c =
        check(SETTINGS, "      - text: Do it\n        lift: Easy\n        status: Ongoin\n");
    assertThat(shown(c))
        .containsExactly(
            "schema.bad-value plan.yaml:18:17 \"status\" cannot be \"Ongoin\" (did you mean \"Ongoing\"? allowed: planned, in-progress, done, at-risk, missed, dropped, or this repository's own words: Not started, Ongoing)");
  }

  @Test
  void withoutFiscalYearsTheMonthErrorSaysHowToTurnThemOn() throws IOException {
    Pipeline.Checked c =
        check(
            null,
            "      - text: Do it\n        when: 2021-22\n      - text: Other\n        when: FY22\n");
    assertThat(shown(c))
        .containsExactly(
            "schema.bad-date plan.yaml:17:15 \"when\": \"2021-22\" has month 22; months run from 01 to 12 (if it is a fiscal year, say when the fiscal year starts in reap-settings.yaml at the root of the plans folder (\"fiscal_year: {starts: July}\"); otherwise check the month)",
            "schema.bad-date plan.yaml:19:15 \"when\": \"FY22\" is a fiscal year, but this repository has no fiscal year set (if it is a fiscal year, say when the fiscal year starts in reap-settings.yaml at the root of the plans folder (\"fiscal_year: {starts: July}\"); otherwise check the month)");
  }

  @Test
  void settingsMistakesHavePositionsAndSuggestions() throws IOException {
    String bad =
        """
        reap: 1
        fiscal_year:
          starts: Jully
        fields:
          actoin:
            - name: x
              label: X
              type: text
          action:
            - name: status
              label: S
              type: text
            - name: rank
              label: Rank
              type: lst
        action_table:
          columns: [number, txt]
        """;
    Pipeline.Checked c = check(bad, "      - text: Do it\n");
    assertThat(shown(c))
        .containsExactly(
            "settings.fiscal-year reap-settings.yaml:3:11 \"Jully\" is not a month (write the month the fiscal year starts in, such as July or 7)",
            "settings.unknown-target reap-settings.yaml:6:5 \"actoin\" is not a row or kind fields can be added to (did you mean \"action\"? allowed: plan, milestones, outcome-matrix, indicators, findings, equity-analysis, agenda-item, action, objective, goal, deliverable, milestone, indicator, attachment, team)",
            "settings.field-exists reap-settings.yaml:10:13 \"status\" is already a built-in field of task (choose another name, such as status_local)",
            "schema.bad-value reap-settings.yaml:15:13 \"type\" cannot be \"lst\" (did you mean \"list\"? allowed: text, number, date, yes-no, list, reference)",
            "settings.unknown-column reap-settings.yaml:17:21 \"txt\" is neither a built-in field of an action nor one of this repository's own (did you mean \"text\"? columns allowed: number, text, when, due, deliverables, resources, indicators, status, leads, team, notes)");
  }

  @Test
  void aCommentAfterTextOnTheSameLineIsAWarning() throws IOException {
    Pipeline.Checked c =
        check(null, "      - text: Budget Amendment #12-A\n        notes: \"Fine # quoted\"\n");
    assertThat(shown(c))
        .containsExactly(
            "yaml.comment-in-text plan.yaml:16:32 \"text\" ends at \"Budget Amendment\": the \"#12-A\" after it is read as a YAML comment and is not printed (if it is part of the text, put the whole text in quotes: text: \"Budget Amendment #12-A\")");
  }
}
