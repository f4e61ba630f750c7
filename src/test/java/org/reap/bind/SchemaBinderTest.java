package org.reap.bind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.YamlLoader;
import org.reap.model.Document;
import org.reap.model.Markdown;
import org.reap.model.Node;

/** Binding one file to its kind: the typed values it makes and the findings, one case at a time. */
class SchemaBinderTest {
  static final String TIMELINE = "reap: 1\nkind: milestones\nid: t-2024\ntitle: Timeline\n";
  final Diagnostics diags = new Diagnostics();

  Document bind(String yaml) {
    YamlLoader.Loaded l =
        YamlLoader.parse(Path.of("t.yaml"), "t.yaml", yaml.getBytes(StandardCharsets.UTF_8), diags);
    assertThat(l).as(diags.all().toString()).isNotNull();
    return SchemaBinder.bind(l.file(), l.root(), diags);
  }

  List<String> findings() {
    return diags.sorted().stream().map(SchemaBinderTest::show).toList();
  }

  static String show(Diagnostic d) {
    return d.ruleId()
        + " "
        + d.span().line()
        + ":"
        + d.span().column()
        + " "
        + d.message()
        + " ("
        + d.hint()
        + ")";
  }

  Node.Obj entry(Document d, int i) {
    return (Node.Obj) d.root().list("entries").get(i);
  }

  @Test
  void datesMonthsAndTextsAreTypedValues() {
    Document d =
        bind(
            TIMELINE
                + "revised: 2024-02-29\nentries:\n  - month: 2024-12\n    date: TBD\n    title: T\u0065\u0301st\n    notes: \"*x*\"\n"
                + "  - month: 2024-01\n    date: TBD\n    title: B\n");
    assertThat(findings()).isEmpty();
    assertThat((LocalDate) d.root().value("revised")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat((YearMonth) entry(d, 0).value("month")).isEqualTo(YearMonth.of(2024, 12));
    assertThat((YearMonth) entry(d, 1).value("month")).isEqualTo(YearMonth.of(2024, 1));
    assertThat(entry(d, 0).string("title")).as("text is stored in NFC").isEqualTo("T\u00e9st");
    assertThat((Markdown) entry(d, 0).value("notes")).isEqualTo(new Markdown("*x*"));
  }

  @Test
  void monthsRunFrom01To12() {
    bind(
        TIMELINE
            + "entries:\n  - month: 2024-00\n    date: TBD\n    title: A\n  - month: 2024-13\n    date: TBD\n    title: B\n");
    assertThat(findings())
        .containsExactly(
            "schema.bad-date 6:12 \"month\" has month 00; months run from 01 to 12 (write a month as YYYY-MM, such as 2024-10)",
            "schema.bad-date 9:12 \"month\" has month 13; months run from 01 to 12 (write a month as YYYY-MM, such as 2024-10)");
  }

  @Test
  void theSchemaVersionSaysWhichWayToGo() {
    assertThat(bind(TIMELINE.replace("reap: 1", "reap: 2") + "entries: []\n")).isNull();
    assertThat(findings())
        .containsExactly(
            "schema.version 1:7 this file is written for reap schema version 2, but this reap reads version 1 (update reap)");
    Diagnostics d0 = new Diagnostics();
    YamlLoader.Loaded l =
        YamlLoader.parse(
            Path.of("t.yaml"),
            "t.yaml",
            (TIMELINE.replace("reap: 1", "reap: 0") + "entries: []\n")
                .getBytes(StandardCharsets.UTF_8),
            d0);
    assertThat(SchemaBinder.bind(l.file(), l.root(), d0)).isNull();
    assertThat(d0.all().get(0).hint()).isEqualTo("write \"reap: 1\"");
  }

  @Test
  void theDocumentsLanguageDecidesWhichTranslationIsTheText() {
    Document d =
        bind(
            TIMELINE
                + "language: es\nentries:\n  - date: 2024-01-09\n    title: {en: Hold the session, es: Celebrar la sesión}\n");
    assertThat(findings()).isEmpty();
    Node.Val title = (Node.Val) entry(d, 0).fields().get("title");
    assertThat(title.value().toString()).isEqualTo("Celebrar la sesión");
    assertThat(title.translations()).containsOnlyKeys("en");
    bind(
        TIMELINE
            + "language: es\nentries:\n  - date: 2024-01-09\n    title: {en: Hold the session}\n");
    assertThat(findings())
        .containsExactly(
            "schema.translation-default 8:12 \"title\" is given in en but not in es, the document's language"
                + " (add a line \"es: ...\" with the text in Spanish (es) (the header field language sets the document's language))");
  }

  @Test
  void aLanguageThatIsNotATagLeavesEnglishAsTheDocumentsLanguage() {
    Document d =
        bind(
            TIMELINE
                + "language: Spanish!\nentries:\n  - date: 2024-01-09\n    title: {en: Hold the session, es: Celebrar}\n");
    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith("schema.bad-value 5:11 \"language\" should be a language tag");
    assertThat(((Node.Val) entry(d, 0).fields().get("title")).value().toString())
        .isEqualTo("Hold the session");
  }

  @Test
  void aMappingThatIsNotAllLanguagesIsTheWrongShapeForText() {
    bind(TIMELINE + "entries:\n  - date: 2024-01-09\n    title: {en: Hold, not_a_language: x}\n");
    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith("schema.wrong-type 7:12 \"title\" should be");
    diags.all();
    Diagnostics d2 = new Diagnostics();
    YamlLoader.Loaded l =
        YamlLoader.parse(
            Path.of("t.yaml"),
            "t.yaml",
            (TIMELINE + "entries:\n  - date: 2024-01-09\n    title: {en: [a, b]}\n")
                .getBytes(StandardCharsets.UTF_8),
            d2);
    SchemaBinder.bind(l.file(), l.root(), d2);
    assertThat(d2.all()).extracting(Diagnostic::ruleId).containsExactly("schema.wrong-type");
    assertThat(d2.all().get(0).message()).startsWith("\"title.en\" should be");
  }

  @Test
  void aSuggestedIdIsCutTo80Characters() {
    String long81 = "A".repeat(81);
    bind(TIMELINE.replace("id: t-2024", "id: " + long81) + "entries: []\n");
    assertThat(diags.all().get(0).hint()).isEqualTo("for example: " + "a".repeat(80));
    Diagnostics d2 = new Diagnostics();
    YamlLoader.Loaded l =
        YamlLoader.parse(
            Path.of("t.yaml"),
            "t.yaml",
            (TIMELINE.replace("id: t-2024", "id: " + "B".repeat(80)) + "entries: []\n")
                .getBytes(StandardCharsets.UTF_8),
            d2);
    SchemaBinder.bind(l.file(), l.root(), d2);
    assertThat(d2.all().get(0).hint()).isEqualTo("for example: " + "b".repeat(80));
    Diagnostics d3 = new Diagnostics();
    l =
        YamlLoader.parse(
            Path.of("t.yaml"),
            "t.yaml",
            (TIMELINE.replace("id: t-2024", "id: \"!!\"") + "entries: []\n")
                .getBytes(StandardCharsets.UTF_8),
            d3);
    SchemaBinder.bind(l.file(), l.root(), d3);
    assertThat(d3.all().get(0).hint()).isEqualTo("for example: score-2024");
  }

  @Test
  void aMisspeltRequiredFieldIsReportedOnceAsMisspelt() {
    bind(TIMELINE + "entries:\n  - date: 2024-01-09\n    titel: Hold\n");
    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith(
            "schema.unknown-field 7:5 \"titel\" is not a field of a milestone (did you mean \"title\"? ");
    Diagnostics d2 = new Diagnostics();
    YamlLoader.Loaded l =
        YamlLoader.parse(
            Path.of("t.yaml"),
            "t.yaml",
            (TIMELINE + "entries:\n  - date: 2024-01-09\n    zzz: Hold\n")
                .getBytes(StandardCharsets.UTF_8),
            d2);
    SchemaBinder.bind(l.file(), l.root(), d2);
    assertThat(d2.all())
        .extracting(Diagnostic::ruleId)
        .containsExactlyInAnyOrder("schema.unknown-field", "schema.missing-field");
  }

  @Test
  void anEmptyListItemPointsAtItsDash() {
    bind(TIMELINE + "entries:\n  -\n  - date: 2024-01-09\n    title: A\n");
    assertThat(findings())
        .containsExactly(
            "schema.empty-item 6:3 this list item is empty (write the item after \"- \", or delete the line)");
    Diagnostics d2 = new Diagnostics();
    YamlLoader.Loaded l =
        YamlLoader.parse(
            Path.of("t.yaml"),
            "t.yaml",
            (TIMELINE + "entries: [~]\n").getBytes(StandardCharsets.UTF_8),
            d2);
    SchemaBinder.bind(l.file(), l.root(), d2);
    assertThat(d2.all().get(0).span().column())
        .as("no dash before it: the item itself")
        .isEqualTo(11);
  }

  @Test
  void aShorthandItemIsItsMainField() {
    Document d =
        bind(
            "reap: 1\nkind: plan\nid: p\ntitle: P\njurisdiction: J\nstrategies:\n  - Be data driven\n  - title: Partner\n");
    Node.Obj first = (Node.Obj) d.root().list("strategies").get(0);
    assertThat(first.string("title")).isEqualTo("Be data driven");
    assertThat(first.span().line()).isEqualTo(7);
    assertThat(first.fields()).containsOnlyKeys("title");
  }

  @Test
  void aShorthandWithNothingVisibleIsRefused() {
    Document d =
        bind(
            "reap: 1\nkind: plan\nid: p\ntitle: P\njurisdiction: J\nstrategies:\n  - \"\\u200B\"\n  - Partner\n");
    assertThat(findings())
        .containsExactly(
            "schema.empty-value 7:5 \"title\" has no visible text (only spaces or invisible characters)"
                + " (write a line of text after \"title: \")");
    assertThat(d.root().list("strategies")).hasSize(1);
  }

  @Test
  void groupValuesAreAMappingOfNamesToNumbers() {
    String ind =
        "reap: 1\nkind: indicators\nid: i\ntitle: I\nindicators:\n  - id: x\n    name: X\n    unit: u\n    polarity: higher-is-better\n"
            + "    baseline:\n      date: 2023\n      groups: ";
    Document d = bind(ind + "{\"Latine\u0301\": 3}\n");
    Node.Obj base = ((Node.Obj) d.root().list("indicators").get(0)).obj("baseline");
    assertThat(((Node.Dict) base.fields().get("groups")).entries()).containsOnlyKeys("Latin\u00e9");
    bind(ind + "[1, 2]\n");
    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith(
            "schema.wrong-type 12:15 \"groups\" should be a set of group (race/ethnicity) names");
  }

  @Test
  void aGroupNameWithAControlCharacterIsRefused() {
    String ind =
        "reap: 1\nkind: indicators\nid: i\ntitle: I\nindicators:\n  - id: x\n    name: X\n    unit: u\n    polarity: higher-is-better\n"
            + "    baseline:\n      date: 2023\n      groups: {\"a\\u0007\": 3, b: 2}\n";
    Document d = bind(ind);
    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith("schema.control-character 12:16 this group (race/ethnicity) name holds");
    Node.Obj base = ((Node.Obj) d.root().list("indicators").get(0)).obj("baseline");
    assertThat(((Node.Dict) base.fields().get("groups")).entries()).containsOnlyKeys("b");
  }

  @Test
  void aControlCharacterOrHalfACharacterAtTheStartOfAValueIsFound() {
    bind(
        TIMELINE
            + "entries:\n  - date: 2024-01-09\n    title: \"\\u0006x\"\n  - date: 2024-01-10\n    title: \"\\uDE00x\"\n");
    assertThat(findings())
        .extracting(f -> f.substring(0, f.indexOf(" (")))
        .containsExactly(
            "schema.control-character 7:12 \"title\" holds an invisible control character",
            "schema.control-character 9:12 \"title\" holds half of a character");
  }

  @Test
  void aGroupNameStartingWithAControlCharacterIsNotCalledBlank() {
    bind(
        "reap: 1\nkind: indicators\nid: i\ntitle: I\nindicators:\n  - id: x\n    name: X\n    unit: u\n    polarity: higher-is-better\n"
            + "    baseline:\n      date: 2023\n      groups: {\"\\u0007\": 3}\n");
    assertThat(findings()).singleElement().asString().startsWith("schema.control-character ");
  }

  @Test
  void anEmptyItemInATopLevelListPointsAtColumnOne() {
    bind(TIMELINE + "entries:\n-\n- date: 2024-01-09\n  title: A\n");
    assertThat(findings())
        .containsExactly(
            "schema.empty-item 6:1 this list item is empty (write the item after \"- \", or delete the line)");
  }

  @Test
  void invisibleAndControlCharactersAreTellApart() {
    assertThat(SchemaBinder.invisible("")).isTrue();
    assertThat(SchemaBinder.invisible(" \t\u00a0\u2007\u202f\u200b\u200d\u2060\ufeff\u00ad"))
        .isTrue();
    assertThat(SchemaBinder.invisible(" x ")).isFalse();
    assertThat(SchemaBinder.invisible("\u0301")).isFalse();
    assertThat(SchemaBinder.controlCharacter("ok\ttab\nline\rcr \u00a0 \uD83D\uDE00"))
        .isEqualTo(-1);
    assertThat(SchemaBinder.controlCharacter("a\u0000")).isEqualTo(1);
    assertThat(SchemaBinder.controlCharacter("\u001f")).isZero();
    assertThat(SchemaBinder.controlCharacter("\u007f")).isZero();
    assertThat(SchemaBinder.controlCharacter("\u009f")).isZero();
    assertThat(SchemaBinder.controlCharacter("\u00a0\u0020")).isEqualTo(-1);
    assertThat(SchemaBinder.controlCharacter("\ufffe")).isZero();
    assertThat(SchemaBinder.controlCharacter("\uffff")).isZero();
    assertThat(SchemaBinder.controlCharacter("x\uDE00")).as("a lone low surrogate").isEqualTo(1);
    assertThat(SchemaBinder.controlCharacter("x\uD83D"))
        .as("a high surrogate at the end")
        .isEqualTo(1);
    assertThat(SchemaBinder.controlCharacter("\uD83Dx"))
        .as("a high surrogate before a letter")
        .isZero();
  }
}
