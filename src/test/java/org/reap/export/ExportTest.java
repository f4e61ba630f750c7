package org.reap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;

/** The calendar and spreadsheets are read back by the same libraries other tools use. */
class ExportTest {
  @TempDir Path dir;

  static String prop(VEvent e, String name) {
    return e.getProperty(name).orElseThrow().getValue();
  }

  @Test
  void calendarHasMilestonesAndRecurringMeetings() throws Exception {
    Run r =
        Run.in(
            Path.of(""),
            "export",
            "ics",
            "plans",
            "--out",
            dir.toString(),
            "--as-of",
            "2024-10-29");
    assertThat(r.exit()).as(r.all()).isZero();
    String ics = Files.readString(dir.resolve("reap.ics"));
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = cal.getComponents("VEVENT");
    assertThat(events).hasSize(34);
    VEvent retreat =
        events.stream()
            .filter(e -> prop(e, "SUMMARY").equals("REA/REC Working Retreat"))
            .findFirst()
            .orElseThrow();
    assertThat(prop(retreat, "DTSTART")).isEqualTo("20240315");
    assertThat(prop(retreat, "DTEND")).isEqualTo("20240318");
    List<VEvent> meetings =
        events.stream().filter(e -> e.getProperty("RRULE").isPresent()).toList();
    assertThat(meetings).hasSize(2);
    assertThat(meetings)
        .extracting(e -> e.getProperty("RRULE").orElseThrow().getValue())
        .containsExactlyInAnyOrder(
            "FREQ=MONTHLY;UNTIL=20241231;BYDAY=1TU", "FREQ=MONTHLY;UNTIL=20241231;BYDAY=3MO");
    assertThat(prop(meetings.get(0), "DTSTART")).isEqualTo("20240102");
    assertThat(events).allSatisfy(e -> assertThat(prop(e, "UID")).endsWith("@reap"));
    assertThat(r.out()).contains("32 milestones and 2 recurring meetings");
    // the same inputs give the same file
    Run again =
        Run.in(
            Path.of(""),
            "export",
            "ics",
            "plans",
            "--out",
            dir.resolve("b").toString(),
            "--as-of",
            "2024-10-29");
    assertThat(again.exit()).isZero();
    assertThat(Files.readString(dir.resolve("b/reap.ics"))).isEqualTo(ics);
  }

  @Test
  void spreadsheetsReadBack() throws Exception {
    Run r =
        Run.in(
            Path.of(""),
            "export",
            "csv",
            "docs/examples",
            "--out",
            dir.toString(),
            "--as-of",
            "2025-05-01");
    assertThat(r.exit()).as(r.all()).isZero();
    try (Reader in = Files.newBufferedReader(dir.resolve("milestones.csv"))) {
      in.skip(1); // byte-order mark
      List<CSVRecord> rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(in)
              .getRecords();
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0).get("title")).isEqualTo("Book session sites");
      assertThat(rows.get(0).get("partnership")).isEqualTo("yes");
      assertThat(rows.get(1).get("overdue_as_of_2025-05-01")).isEqualTo("yes");
      assertThat(rows.get(2).get("date")).isEqualTo("TBD");
    }
    try (Reader in = Files.newBufferedReader(dir.resolve("indicators.csv"))) {
      in.skip(1);
      List<CSVRecord> rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(in)
              .getRecords();
      assertThat(rows)
          .anySatisfy(
              x -> {
                assertThat(x.get("indicator")).isEqualTo("riverton-ind-wait");
                assertThat(x.get("group")).isEqualTo("Black");
                assertThat(x.get("value")).isEqualTo("52");
              });
      // a cross-tabulated cell names each of its dimensions; a qualitative value is its words
      assertThat(rows)
          .anySatisfy(
              x -> {
                assertThat(x.get("indicator")).isEqualTo("riverton-ind-workforce");
                assertThat(x.get("date")).isEqualTo("2025");
                assertThat(x.get("group")).isEqualTo("race: White, gender: Men");
                assertThat(x.get("value")).isEqualTo("236");
              });
      assertThat(rows)
          .anySatisfy(
              x -> {
                assertThat(x.get("indicator")).isEqualTo("riverton-ind-language-access");
                assertThat(x.get("unit")).isEmpty();
                assertThat(x.get("value")).isEqualTo("Adopted by Council");
              });
    }
  }

  @Test
  void invalidPlansExportNothing() throws Exception {
    Path plans = Files.createDirectories(dir.resolve("plans"));
    Files.writeString(
        plans.resolve("t.yaml"),
        "reap: 1\nkind: milestones\nid: t\ntitle: T\nentries:\n  - date: 2024-13-01\n    title: x\n");
    Run r = Run.in(dir, "export", "ics");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("plans/t.yaml:6:11", "nothing was exported");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  static final String COMBINING =
      "Re\u0301sume\u0301 de\u0301ja\u0300 vu n\u0303 a\u0308\u0301\u0323 ".repeat(4).strip();
  static final String[] HOSTILE_TITLES = {
    "x".repeat(64) + "\uD83C\uDF89 party",
    "市民参加型の公平性行動計画の見直しと公聴会の開催および報告書の作成について".repeat(2),
    COMBINING,
    "\uD83C\uDF89".repeat(40),
  };

  /** One milestone per title, dated, in a copy of docs/examples. */
  Path plansWithTitles(String... titles) throws Exception {
    Path plans = dir.resolve("plans");
    org.reap.testing.TestFiles.copyTree(Path.of("docs/examples"), plans);
    Path f = plans.resolve("milestones.yaml");
    StringBuilder extra = new StringBuilder();
    for (int i = 0; i < titles.length; i++) {
      extra
          .append("  - date: 2025-06-")
          .append(String.format("%02d", i + 10))
          .append("\n    title: \"")
          .append(titles[i].replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\"\n");
    }
    Files.writeString(f, Files.readString(f).replace("entries:\n", "entries:\n" + extra));
    return plans;
  }

  @Test
  void calendarLinesAreFoldedByOctetsOnCharacterBoundaries() throws Exception {
    plansWithTitles(HOSTILE_TITLES);
    Run r = Run.in(dir, "export", "ics", "--as-of", "2025-05-01");
    assertThat(r.exit()).as(r.all()).isZero();
    byte[] bytes = Files.readAllBytes(dir.resolve("out/reap.ics"));
    // strict UTF-8: a split surrogate pair or a cut sequence would throw here
    String ics =
        java.nio.charset.StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes))
            .toString();
    assertThat(ics).doesNotContain("?").endsWith("\r\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .as(line)
          .isLessThanOrEqualTo(75);
      assertThat(line).as("no line starts with a lone combining mark").doesNotMatch("^ ?\\p{M}.*");
    }
    assertThat(ics.split("\r\n"))
        .as("lines were folded")
        .anyMatch(l -> l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 70);
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    List<String> summaries =
        cal.<VEvent>getComponents("VEVENT").stream().map(e -> prop(e, "SUMMARY")).toList();
    // reap writes text in NFC (composed where Unicode has a composed letter); the rest of the marks
    // stay combining
    assertThat(summaries)
        .contains(
            java.util.Arrays.stream(HOSTILE_TITLES)
                .map(t -> java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFC))
                .toArray(String[]::new));
    assertThat(String.join("", summaries)).as("combining marks survive").containsPattern("\\p{M}");
  }

  @Test
  void foldKeepsShortLinesAndCountsTheContinuationSpace() {
    assertThat(Calendars.fold("A:b\r\n")).isEqualTo("A:b\r\n");
    String folded = Calendars.fold("SUMMARY:" + "é".repeat(100) + "\r\n");
    String[] lines = folded.split("\r\n");
    assertThat(lines[0].getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hasSize(75 - 1); // 8 + 33*2 = 74: the next é would make 76
    assertThat(lines[1]).startsWith(" ");
    assertThat(lines[1].getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .hasSize(75); // the space and 37 é
    assertThat(folded.replace("\r\n ", "")).isEqualTo("SUMMARY:" + "é".repeat(100) + "\r\n");
  }

  static final String[] FORMULAS = {
    "=HYPERLINK(\"http://x.example\",\"click\")",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
  };

  @Test
  void spreadsheetCellsThatWouldRunAsFormulasAreNeutralisedAndReadBack() throws Exception {
    Path plans = plansWithTitles(FORMULAS);
    Path f = plans.resolve("milestones.yaml");
    Files.writeString(
        f,
        Files.readString(f)
            .replace("    owner: Equity Core Team\n", "    owner: \"=cmd|' /C calc'!A0\"\n"));
    Run r = Run.in(dir, "export", "csv", "--as-of", "2025-05-01");
    assertThat(r.exit()).as(r.all()).isZero();
    try (Reader in = Files.newBufferedReader(dir.resolve("out/milestones.csv"))) {
      in.skip(1);
      List<CSVRecord> rows =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(in)
              .getRecords();
      List<String> titles = rows.stream().map(x -> x.get("title")).toList();
      for (String formula : FORMULAS) {
        assertThat(titles).contains("'" + formula);
      }
      assertThat(titles)
          .as("plain titles unchanged")
          .contains("Book session sites", "Core team retreat");
      assertThat(rows).extracting(x -> x.get("owner")).contains("'=cmd|' /C calc'!A0");
      assertThat(rows)
          .allSatisfy(
              x -> x.toList().forEach(cell -> assertThat(cell).doesNotMatch("(?s)[=+\\-@\t\r].*")));
    }
  }

  @Test
  void neutralisedCellsAndNumbers() {
    assertThat(Spreadsheets.text("=1+2")).isEqualTo("'=1+2");
    assertThat(Spreadsheets.text("\t=1")).isEqualTo("'\t=1");
    assertThat(Spreadsheets.text("\r=1")).isEqualTo("'\r=1");
    assertThat(Spreadsheets.text("Plain")).isEqualTo("Plain");
    assertThat(Spreadsheets.text("a=b")).isEqualTo("a=b");
    assertThat(Spreadsheets.text(null)).isEmpty();
  }

  @Test
  void aFailedWriteExitsFourAndPrintsNoSuccessLine() throws Exception {
    org.reap.testing.TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    Files.writeString(dir.resolve("blocker"), "a file where the folder should be\n");
    Run r = Run.in(dir, "export", "ics", "--as-of", "2025-05-01", "--out", "blocker");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(r.out()).doesNotContain("milestones and", "wrote");
    assertThat(r.err()).contains("is a file, not a folder");
  }
}
