package org.reap.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WhenTest {
  @Test
  void readsEveryForm() throws Exception {
    assertThat(When.parse("2024-10-29").precision()).isEqualTo(When.Precision.DAY);
    When month = When.parse("2024-02");
    assertThat(month.start()).isEqualTo(LocalDate.of(2024, 2, 1));
    assertThat(month.end()).isEqualTo(LocalDate.of(2024, 2, 29));
    When year = When.parse("2023");
    assertThat(year.end()).isEqualTo(LocalDate.of(2023, 12, 31));
    When range = When.parse("2024-03-15/2024-03-17");
    assertThat(range.isRange()).isTrue();
    assertThat(range.end()).isEqualTo(LocalDate.of(2024, 3, 17));
    When months = When.parse("2024-04/2024-06");
    assertThat(months.end()).isEqualTo(LocalDate.of(2024, 6, 30));
    assertThat(When.parse("TBD").isTbd()).isTrue();
    assertThat(When.parse("tbd").isTbd()).isTrue();
    When noYear = When.parse("XXXX-03-20/XXXX-03-21");
    assertThat(noYear.yearKnown()).isFalse();
    assertThat(noYear.start().getMonthValue()).isEqualTo(3);
  }

  @Test
  void refusesWhatIsNotADate() {
    assertThatThrownBy(() -> When.parse("2024-02-30"))
        .hasMessageContaining("February 2024 has 29 days");
    assertThatThrownBy(() -> When.parse("2023-02-29")).hasMessageContaining("28 days");
    assertThatThrownBy(() -> When.parse("2024-13"))
        .hasMessageContaining("months run from 01 to 12");
    assertThatThrownBy(() -> When.parse("10/29/2024")).isInstanceOf(When.BadWhen.class);
    assertThatThrownBy(() -> When.parse("2024-01/XXXX-02"))
        .hasMessageContaining("must give the year");
    assertThatThrownBy(() -> When.parse("XXXX")).hasMessageContaining("neither a year nor a month");
    assertThatThrownBy(() -> When.parse("/2024")).isInstanceOf(When.BadWhen.class);
  }

  @Test
  void tbdSortsLast() throws Exception {
    assertThat(When.parse("TBD").compareTo(When.parse("2030-01-01"))).isPositive();
    assertThat(When.parse("2024-01-01").compareTo(When.parse("2024-02"))).isNegative();
  }
}
