package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reap.Pipeline;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.Status;

/**
 * One vocabulary of status words and symbols in every document, chart, legend, table and index of
 * plans/ and docs/examples/, in every shipped language; "no status reported" is never shown as
 * overdue and is counted apart.
 */
class StatusVocabularyTest {
  static final LocalDate PLANS_AS_OF = LocalDate.of(2024, 10, 29);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Words the documents used before the vocabulary was one: none may come back. */
  static final List<String> RETIRED =
      List.of("Late", "Date passed", "Under way", "Upcoming", "Coming up (90)", "Percent complete");

  static Renderer renderer(Path repo, LocalDate asOf, List<String> languages) {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return new Renderer(
        c.repository(),
        new Renderer.Options(
            asOf,
            Renderer.pdfDate(asOf),
            EnumSet.of(Renderer.Format.HTML),
            null,
            Set.of(),
            null,
            languages));
  }

  @TestFactory
  Stream<DynamicTest> everyStatusShownIsAWordAndSymbolOfTheVocabulary() {
    return Stream.of(
            Map.entry(Path.of("plans"), PLANS_AS_OF),
            Map.entry(Path.of("docs/examples"), LocalDate.of(2025, 5, 1)))
        .flatMap(
            e -> {
              Renderer r = renderer(e.getKey(), e.getValue(), List.of("all", "es"));
              return r.jobs().stream()
                  .map(
                      job ->
                          DynamicTest.dynamicTest(
                              e.getKey() + "/" + job.name(),
                              () -> {
                                Labels labels = Labels.of(job.language());
                                org.jsoup.nodes.Document html =
                                    Jsoup.parse(r.xhtml(job), "", Parser.xmlParser());
                                List<String> problems = new ArrayList<>();
                                for (Element span : html.select("span.status")) {
                                  String key =
                                      span.className().replaceAll(".*status-(\\S+).*", "$1");
                                  Status s = Status.ofKey(key);
                                  if (!s.key().equals(key)) {
                                    problems.add("unknown status class " + span.className());
                                    continue;
                                  }
                                  String want = s.symbol() + " " + labels.get(s.labelKey());
                                  if (!span.text().equals(want)) {
                                    problems.add(
                                        "\""
                                            + span.text()
                                            + "\" for "
                                            + key
                                            + ", want \""
                                            + want
                                            + "\"");
                                  }
                                }
                                for (Element chart : html.select(".reap-chart")) {
                                  JsonNode spec = JSON.readTree(chart.attr("data-chart"));
                                  for (JsonNode t : spec.path("tasks")) {
                                    Status s = Status.ofKey(t.path("status").asText());
                                    if (!s.key().equals(t.path("status").asText())
                                        || !t.path("statusLabel")
                                            .asText()
                                            .equals(labels.get(s.labelKey()))) {
                                      problems.add("chart bar " + t);
                                    }
                                  }
                                }
                                if (job.language().equals("en")) {
                                  String text = html.text();
                                  for (String w : RETIRED) {
                                    if (text.matches(
                                        "(?s).*\\b" + java.util.regex.Pattern.quote(w) + "\\b.*")) {
                                      problems.add("retired word \"" + w + "\"");
                                    }
                                  }
                                }
                                assertThat(problems).isEmpty();
                              }));
            });
  }

  @Test
  void milestonesWithNoStatusAreNeverOverdueAndAreCountedApart() throws Exception {
    Renderer r = renderer(Path.of("plans"), PLANS_AS_OF, List.of());
    Repository repo = Pipeline.check(Pipeline.Options.of(Path.of("plans"))).repository();
    List<Node.Obj> milestones = repo.milestonesOf("score-2024-work-plan");
    long unreported = milestones.stream().filter(m -> m.string("status") == null).count();
    long past = milestones.stream().filter(m -> Status.pastWithoutStatus(m, PLANS_AS_OF)).count();
    long overdue =
        milestones.stream()
            .filter(
                m ->
                    m.string("status") != null
                        && List.of("planned", "in-progress", "at-risk").contains(m.string("status"))
                        && Status.datePassed(m, PLANS_AS_OF))
            .count();
    assertThat(past).as("the Sacramento milestones past their date with no status").isEqualTo(25);
    for (String name : List.of("score-2024-timeline", "score-2024-work-plan-progress")) {
      Renderer.Job job =
          r.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
      org.jsoup.nodes.Document html = Jsoup.parse(r.xhtml(job), "", Parser.xmlParser());
      String text = html.text();
      assertThat(text).as(name).contains(past + " past their date with no status reported");
      // the milestone rows: one status cell each
      List<Element> cells = html.select("table.timeline span.status, h2 ~ table span.status");
      if (name.equals("score-2024-timeline")) {
        assertThat(html.select("table.timeline span.status-not-reported"))
            .hasSize((int) unreported);
        assertThat(html.select("table.timeline span.status-overdue")).hasSize((int) overdue);
      }
      assertThat(cells).isNotEmpty();
    }
  }

  @Test
  void anItemDatedOnTheAsOfDayIsDueNotOverdue() {
    Renderer r = renderer(Path.of("plans"), PLANS_AS_OF, List.of());
    org.reap.render.view.Progress m =
        r.views()
            .progress(
                Pipeline.check(Pipeline.Options.of(Path.of("plans")))
                    .repository()
                    .document("score-2024-work-plan"),
                "x");
    List<org.reap.render.view.Milestone> next30 = m.summary().next30();
    // "Deliver final draft of Community Partnership and Accountability Model" is dated 10/29/2024,
    // the as-of day
    assertThat(next30)
        .extracting(x -> ((org.reap.render.view.DateView) x.fields().get("date")).raw())
        .contains("2024-10-29");
  }
}
