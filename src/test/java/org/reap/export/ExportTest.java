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
    Run r = Run.in(Path.of(""), "export", "ics", "plans", "--out", dir.toString(), "--as-of", "2024-10-29");
    assertThat(r.exit()).as(r.all()).isZero();
    String ics = Files.readString(dir.resolve("reap.ics"));
    Calendar cal = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = cal.getComponents("VEVENT");
    assertThat(events).hasSize(34);
    VEvent retreat = events.stream().filter(e -> prop(e, "SUMMARY").equals("REA/REC Working Retreat")).findFirst().orElseThrow();
    assertThat(prop(retreat, "DTSTART")).isEqualTo("20240315");
    assertThat(prop(retreat, "DTEND")).isEqualTo("20240318");
    List<VEvent> meetings = events.stream().filter(e -> e.getProperty("RRULE").isPresent()).toList();
    assertThat(meetings).hasSize(2);
    assertThat(meetings).extracting(e -> e.getProperty("RRULE").orElseThrow().getValue()).containsExactlyInAnyOrder("FREQ=MONTHLY;UNTIL=20241231;BYDAY=1TU", "FREQ=MONTHLY;UNTIL=20241231;BYDAY=3MO");
    assertThat(prop(meetings.get(0), "DTSTART")).isEqualTo("20240102");
    assertThat(events).allSatisfy(e -> assertThat(prop(e, "UID")).endsWith("@reap"));
    assertThat(r.out()).contains("32 milestones and 2 recurring meetings");
    // the same inputs give the same file
    Run again = Run.in(Path.of(""), "export", "ics", "plans", "--out", dir.resolve("b").toString(), "--as-of", "2024-10-29");
    assertThat(again.exit()).isZero();
    assertThat(Files.readString(dir.resolve("b/reap.ics"))).isEqualTo(ics);
  }

  @Test
  void spreadsheetsReadBack() throws Exception {
    Run r = Run.in(Path.of(""), "export", "csv", "docs/examples", "--out", dir.toString(), "--as-of", "2025-05-01");
    assertThat(r.exit()).as(r.all()).isZero();
    try (Reader in = Files.newBufferedReader(dir.resolve("milestones.csv"))) {
      in.skip(1); // byte-order mark
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
      assertThat(rows).hasSize(4);
      assertThat(rows.get(0).get("title")).isEqualTo("Book session sites");
      assertThat(rows.get(0).get("partnership")).isEqualTo("yes");
      assertThat(rows.get(1).get("overdue_as_of_2025-05-01")).isEqualTo("yes");
      assertThat(rows.get(2).get("date")).isEqualTo("TBD");
    }
    try (Reader in = Files.newBufferedReader(dir.resolve("indicators.csv"))) {
      in.skip(1);
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
      assertThat(rows).anySatisfy(x -> {
        assertThat(x.get("indicator")).isEqualTo("riverton-ind-wait");
        assertThat(x.get("group")).isEqualTo("Black");
        assertThat(x.get("value")).isEqualTo("52");
      });
      // a cross-tabulated cell names each of its dimensions; a qualitative value is its words
      assertThat(rows).anySatisfy(x -> {
        assertThat(x.get("indicator")).isEqualTo("riverton-ind-workforce");
        assertThat(x.get("date")).isEqualTo("2025");
        assertThat(x.get("group")).isEqualTo("race: White, gender: Men");
        assertThat(x.get("value")).isEqualTo("236");
      });
      assertThat(rows).anySatisfy(x -> {
        assertThat(x.get("indicator")).isEqualTo("riverton-ind-language-access");
        assertThat(x.get("unit")).isEmpty();
        assertThat(x.get("value")).isEqualTo("Adopted by Council");
      });
    }
  }

  @Test
  void invalidPlansExportNothing() throws Exception {
    Path plans = Files.createDirectories(dir.resolve("plans"));
    Files.writeString(plans.resolve("t.yaml"), "reap: 1\nkind: milestones\nid: t\ntitle: T\nentries:\n  - date: 2024-13-01\n    title: x\n");
    Run r = Run.in(dir, "export", "ics");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("plans/t.yaml:6:11", "nothing was exported");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
