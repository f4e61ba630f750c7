package org.reap.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a milestone, task or phase shows on an as-of date: the one place that decides overdue. */
class StatusTest {
  static final LocalDate AS_OF = LocalDate.of(2024, 10, 29);

  static Node.Obj item(String dateField, String when, String status) throws When.BadWhen {
    Map<String, Node> f = new LinkedHashMap<>();
    if (when != null) {
      f.put(dateField, new Node.Val(null, When.parse(when)));
    }
    if (status != null) {
      f.put("status", new Node.Val(null, status));
    }
    return new Node.Obj(null, null, f);
  }

  @ParameterizedTest(name = "{1} {0} with status {2} shows {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        // no status: never overdue, whatever the date
        "date, 2024-01-09, -, not-reported",
        "date, 2024-12-01, -, not-reported",
        "date, TBD, -, not-reported",
        // a status that says not done, and the date passed: overdue
        "date, 2024-01-09, planned, overdue",
        "date, 2024-01-09, in-progress, overdue",
        "date, 2024-01-09, at-risk, overdue",
        "due, 2024-09, planned, overdue",
        "when, 2024-06/2024-08, in-progress, overdue",
        // dated on the as-of day, or running across it: not overdue yet
        "date, 2024-10-29, planned, planned",
        "date, 2024-10-01/2024-10-29, in-progress, in-progress",
        "date, 2024-10, at-risk, at-risk",
        // finished one way or another: what the file says
        "date, 2024-01-09, done, done",
        "date, 2024-01-09, missed, missed",
        "date, 2024-01-09, dropped, dropped",
        // no year, or no date: never overdue
        "date, XXXX-03-20, planned, planned",
        "date, TBD, planned, planned",
        "date, -, planned, planned",
      })
  void shownStatus(String field, String when, String status, String shown) throws Exception {
    Node.Obj it = item(field, when, status);
    assertThat(Status.shown(it, AS_OF).key()).isEqualTo(shown);
    assertThat(Status.overdue(it, AS_OF)).isEqualTo(shown.equals("overdue"));
  }

  @Test
  void noStatusPastItsDateIsCountedApartAndNeverOverdue() throws Exception {
    Node.Obj past = item("date", "2024-01-09", null);
    assertThat(Status.pastWithoutStatus(past, AS_OF)).isTrue();
    assertThat(Status.overdue(past, AS_OF)).isFalse();
    assertThat(Status.pastWithoutStatus(item("date", "2024-10-29", null), AS_OF)).isFalse();
    assertThat(Status.pastWithoutStatus(item("date", "2024-01-09", "planned"), AS_OF)).isFalse();
  }

  @Test
  void everyStatusHasItsOwnSymbolAndLabelKey() {
    for (Status s : Status.WORK) {
      assertThat(Status.ofKey(s.key())).isEqualTo(s);
      assertThat(s.labelKey()).isEqualTo("status." + s.key());
      assertThat(s.symbol()).isNotBlank();
    }
    assertThat(Status.WORK.stream().map(Status::symbol).distinct()).hasSameSizeAs(Status.WORK);
    assertThat(Status.NOT_REPORTED.isOpen()).isFalse();
  }
}
