package org.reap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reap.render.Dates;

/** Fiscal years, where the repository says when they start. */
class FiscalYearTest {
  @ParameterizedTest
  @ValueSource(strings = {"FY2021-22", "FY 2021-22", "2021-22", "FY2021-2022", "FY22", "fy22"})
  void everyWayOfWritingItIsTheSameSpan(String text) throws When.BadWhen {
    When w = When.parse(text, 7);
    assertThat(w.isFiscal()).isTrue();
    assertThat(w.start()).isEqualTo(LocalDate.of(2021, 7, 1));
    assertThat(w.end()).isEqualTo(LocalDate.of(2022, 6, 30));
    assertThat(Dates.text(w, java.util.Locale.ENGLISH, "TBD")).isEqualTo("FY 2021-22");
  }

  @Test
  void monthsAndDaysStayWhatTheyWere() throws When.BadWhen {
    assertThat(When.parse("2021-12", 7).precision()).isEqualTo(When.Precision.MONTH);
    assertThat(When.parse("2021-06/2021-09", 7).precision()).isEqualTo(When.Precision.RANGE);
    assertThat(When.parse("2024-10-29", 7).precision()).isEqualTo(When.Precision.DAY);
    assertThat(When.parse("2021-12", 0).precision()).isEqualTo(When.Precision.MONTH);
  }

  @Test
  void aRunOfFiscalYearsAndOtherStartMonths() throws When.BadWhen {
    When run = When.parse("FY2021-22/FY2023-24", 7);
    assertThat(run.start()).isEqualTo(LocalDate.of(2021, 7, 1));
    assertThat(run.end()).isEqualTo(LocalDate.of(2024, 6, 30));
    assertThat(Dates.text(run, java.util.Locale.ENGLISH, "TBD"))
        .isEqualTo("FY 2021-22 \u2013 FY 2023-24");
    When october = When.parse("FY2025", 10);
    assertThat(october.start()).isEqualTo(LocalDate.of(2024, 10, 1));
    assertThat(Dates.text(october, java.util.Locale.ENGLISH, "TBD")).isEqualTo("FY 2024-25");
    When january = When.parse("FY2024", 1);
    assertThat(Dates.text(january, java.util.Locale.ENGLISH, "TBD")).isEqualTo("FY 2024");
  }

  @Test
  void aFiscalYearThatSkipsAYearIsAnError() {
    assertThatThrownBy(() -> When.parse("FY2021-23", 7))
        .hasMessageContaining("is not a fiscal year");
    assertThatThrownBy(() -> When.parse("2021-22", 0)).hasMessageContaining("has month 22");
  }
}
