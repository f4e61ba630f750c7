package org.reap.bind;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reap.model.Length;
import org.reap.model.Markdown;
import org.reap.model.When;
import org.reap.schema.Kinds;
import org.reap.schema.Scalar;
import org.reap.schema.ScalarType;
import org.reap.schema.Settings;

/**
 * The scalar parsers on their own: each value read from its text as written, or its rule, message
 * and hint.
 */
class ScalarsTest {
  private final Scalars plain = new Scalars(Settings.NONE);

  private Object read(Scalar s, String raw) throws Scalars.Bad {
    return plain.read(ScalarType.of(s), raw, "f").value();
  }

  private static String bad(ThrowingRead r) {
    try {
      r.run();
    } catch (Scalars.Bad b) {
      return b.rule + ": " + b.getMessage() + " (" + b.hint + ")";
    }
    throw new AssertionError("no Bad");
  }

  private interface ThrowingRead {
    void run() throws Scalars.Bad;
  }

  @Test
  void valuesAreReadAsTheirFieldExpectsNotAsYamlWouldTypeThem() throws Exception {
    assertThat(read(Scalar.STRING, "no")).isEqualTo("no");
    assertThat(read(Scalar.STRING, " 1.50 ")).as("text keeps its spaces").isEqualTo(" 1.50 ");
    assertThat(read(Scalar.TEXT, "*x*")).isEqualTo(new Markdown("*x*"));
    assertThat(read(Scalar.STRING, "T\u0065\u0301st")).as("NFC").isEqualTo("T\u00e9st");
    assertThat(read(Scalar.INTEGER, "+12")).isEqualTo(12L);
    assertThat(read(Scalar.NUMBER, "1.50")).isEqualTo(new BigDecimal("1.50"));
    assertThat(read(Scalar.NUMBER, ".5")).isEqualTo(new BigDecimal("0.5"));
    assertThat(read(Scalar.BOOLEAN, "Yes")).isEqualTo(true);
    assertThat(read(Scalar.BOOLEAN, "n")).isEqualTo(false);
    assertThat(read(Scalar.DATE, "2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(read(Scalar.MONTH, "2024-10")).isEqualTo(YearMonth.of(2024, 10));
    assertThat(read(Scalar.DURATION, "1.5 hrs"))
        .isEqualTo(new Length(new BigDecimal("1.5"), "hour", "1.5 hrs"));
    assertThat(read(Scalar.DURATION, "90 min"))
        .isEqualTo(new Length(new BigDecimal("90"), "minute", "90 min"));
    assertThat(read(Scalar.PATH, "attachments\\a.pdf")).isEqualTo("attachments/a.pdf");
    assertThat(read(Scalar.ID, "score-2024")).isEqualTo("score-2024");
    assertThat(((When) read(Scalar.WHEN, "TBD")).isTbd()).isTrue();
  }

  @Test
  void numbersAndBooleansSayWhatTheyExpect() {
    assertThat(bad(() -> read(Scalar.NUMBER, "1,500")))
        .isEqualTo(
            "schema.bad-value: \"f\" should be a number, but it is \"1,500\" (leave out the thousands separators: 1500, not 1,500)");
    assertThat(bad(() -> read(Scalar.INTEGER, "1.5")))
        .isEqualTo(
            "schema.bad-value: \"f\" should be a whole number, but it is \"1.5\" (write digits only, such as 12)");
    assertThat(bad(() -> plain.read(ScalarType.of(Scalar.INTEGER), "one", "reap")))
        .endsWith("(write \"reap: 1\")");
    assertThat(bad(() -> read(Scalar.BOOLEAN, "maybe")))
        .isEqualTo(
            "schema.bad-value: \"f\" should be yes or no, but it is \"maybe\" (write yes or no)");
    assertThat(bad(() -> read(Scalar.URL, "www.example.org"))).contains("should be a web address");
    assertThat(bad(() -> read(Scalar.EMAIL, "someone"))).contains("should be an email address");
  }

  @Test
  void datesSuggestTheIsoFormOfAUsDate() {
    assertThat(bad(() -> read(Scalar.DATE, "10/29/24")))
        .isEqualTo(
            "schema.bad-date: \"f\" should be a date written YYYY-MM-DD, such as 2024-10-29, but it is \"10/29/24\" (write dates as year-month-day: 2024-10-29)");
    assertThat(bad(() -> read(Scalar.DATE, "2024-02-30")))
        .startsWith("schema.bad-date: \"f\": ")
        .endsWith("(check the month and day)");
    assertThat(bad(() -> read(Scalar.MONTH, "2024-13")))
        .isEqualTo(
            "schema.bad-date: \"f\" has month 13; months run from 01 to 12 (write a month as YYYY-MM, such as 2024-10)");
    assertThat(bad(() -> read(Scalar.MONTH, "Oct 2024")))
        .endsWith("(write a month as YYYY-MM, such as 2024-10)");
  }

  @Test
  void aFiscalYearNeedsTheRepositorysFiscalYear() throws Exception {
    assertThat(bad(() -> read(Scalar.WHEN, "FY22")))
        .isEqualTo(
            "schema.bad-date: \"f\": \"FY22\" is a fiscal year, but this repository has no fiscal year set"
                + " (if it is a fiscal year, say when the fiscal year starts in reap-settings.yaml at the root of the plans folder (\"fiscal_year: {starts: July}\"); otherwise check the month)");
    Scalars july = new Scalars(new Settings(7, Map.of(), Map.of(), List.of(), null));
    When fy = (When) july.read(ScalarType.of(Scalar.WHEN), "FY2025", "f").value();
    assertThat(fy.start()).isEqualTo(LocalDate.of(2024, 7, 1));
    assertThat(fy.isFiscal()).isTrue();
  }

  @Test
  void aCitysStatusWordStandsForReapsStatusAndIsKeptAsWritten() throws Exception {
    Scalars city =
        new Scalars(new Settings(0, Map.of("on-track", "in-progress"), Map.of(), List.of(), null));
    ScalarType status = new ScalarType(Scalar.ENUM, Kinds.STATUSES, List.of());
    assertThat(city.read(status, "on-track", "status"))
        .isEqualTo(new Scalars.Value("in-progress", "on-track"));
    assertThat(city.read(status, "done", "status")).isEqualTo(new Scalars.Value("done", null));
    assertThat(bad(() -> city.read(status, "on-trak", "status")))
        .isEqualTo(
            "schema.bad-value: \"status\" cannot be \"on-trak\""
                + " (did you mean \"on-track\"? allowed: planned, in-progress, done, at-risk, missed, dropped, or this repository's own words: on-track)");
    ScalarType other = ScalarType.oneOf("a", "b");
    assertThat(bad(() -> city.read(other, "on-track", "x")))
        .as("only where a status is expected")
        .contains("cannot be \"on-track\"");
  }

  @Test
  void idsAndPathsSayHowToWriteThem() {
    assertThat(bad(() -> read(Scalar.ID, "Score 2024!")))
        .isEqualTo(
            "schema.bad-id: \"f\" must be an id of lower-case letters, digits and hyphens, but it is \"Score 2024!\" (for example: score-2024)");
    assertThat(bad(() -> read(Scalar.PATH, "/etc/passwd")))
        .startsWith("schema.bad-path: ")
        .contains("is absolute");
    assertThat(bad(() -> read(Scalar.PATH, "a/../../b.pdf"))).contains("climbs out of it with ..");
    assertThat(bad(() -> read(Scalar.PATH, "https://x/a.pdf"))).contains("not a web address");
  }

  @Test
  void controlCharactersAreRefusedBeforeAnyParsing() {
    assertThat(bad(() -> read(Scalar.STRING, "a\u0006b")))
        .isEqualTo(
            "schema.control-character: \"f\" holds an invisible control character (U+0006), written as a backslash escape (remove the escape; it was probably copied in by accident)");
    assertThat(bad(() -> read(Scalar.NUMBER, "1\uD83D")))
        .startsWith("schema.control-character: \"f\" holds half of a character (U+D83D)");
  }
}
