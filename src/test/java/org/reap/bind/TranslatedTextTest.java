package org.reap.bind;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.YNode;
import org.reap.load.YNode.YMap;
import org.reap.load.YNode.YScalar;
import org.reap.load.YamlLoader;
import org.reap.model.Node;
import org.reap.schema.Scalar;
import org.reap.schema.ScalarType;

/**
 * A text given per language, on its own: which mappings are translations, the document's language,
 * and what is kept or reported.
 */
class TranslatedTextTest {
  private static final ScalarType STRING = ScalarType.of(Scalar.STRING);
  private final Diagnostics diags = new Diagnostics();
  private final List<String> wrong = new ArrayList<>();
  private final TranslatedText text =
      new TranslatedText(
          diags,
          (y, type, where) ->
              ((YScalar) y).text().equals("bad")
                  ? null
                  : new Node.Val(y.span(), ((YScalar) y).text()),
          (y, expected, where) -> wrong.add(where));

  private YMap yaml(String s) {
    YamlLoader.Loaded l =
        YamlLoader.parse(Path.of("t.yaml"), "t.yaml", s.getBytes(StandardCharsets.UTF_8), diags);
    return (YMap) l.root();
  }

  private YNode title(String s) {
    return yaml(s).get("title");
  }

  @Test
  void aMappingOfLanguageTagsIsATextPerLanguage() {
    assertThat(TranslatedText.isTranslations(title("title: {en: A, es: B, zh-Hans: C}\n"), STRING))
        .isTrue();
    assertThat(TranslatedText.isTranslations(title("title: {en: A}\n"), ScalarType.of(Scalar.TEXT)))
        .isTrue();
    assertThat(TranslatedText.isTranslations(title("title: {en: A, Spanish: B}\n"), STRING))
        .as("a key that is no tag")
        .isFalse();
    assertThat(TranslatedText.isTranslations(title("title: {en: A}\n"), ScalarType.of(Scalar.DATE)))
        .as("only texts")
        .isFalse();
    assertThat(TranslatedText.isTranslations(title("title: {}\n"), STRING)).isFalse();
    assertThat(TranslatedText.isTranslations(title("title: A\n"), STRING)).isFalse();
  }

  @Test
  void theDocumentsLanguageIsItsHeaderFieldElseEnglish() {
    assertThat(TranslatedText.documentLanguage(yaml("language: zh-hans\n"))).isEqualTo("zh-Hans");
    assertThat(TranslatedText.documentLanguage(yaml("language: es\n"))).isEqualTo("es");
    assertThat(TranslatedText.documentLanguage(yaml("language: Spanish\n")))
        .as("not a tag")
        .isEqualTo("en");
    assertThat(TranslatedText.documentLanguage(yaml("title: A\n"))).isEqualTo("en");
  }

  @Test
  void theOwnLanguageIsTheValueAndTheOthersItsTranslations() {
    Node n = text.bind((YMap) title("title:\n  es: Hola\n  en: Hello\n"), STRING, "title", "en");
    assertThat(diags.all()).isEmpty();
    Node.Val v = (Node.Val) n;
    assertThat(v.value()).isEqualTo("Hello");
    assertThat(v.span().line()).isEqualTo(3);
    assertThat(v.translations()).containsOnlyKeys("es");
    assertThat(v.translations().get("es").value()).isEqualTo("Hola");
    assertThat(v.translations().get("es").span().line()).isEqualTo(2);
  }

  @Test
  void withoutTheOwnLanguageNothingIsKept() {
    assertThat(text.bind((YMap) title("title: {es: Hola, vi: Xin chao}\n"), STRING, "title", "en"))
        .isNull();
    assertThat(diags.all())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.ruleId()).isEqualTo("schema.translation-default");
              assertThat(d.message())
                  .isEqualTo("\"title\" is given in es, vi but not in en, the document's language");
            });
  }

  @Test
  void anEmptyANestedOrABadEntrySpoilsTheWhole() {
    assertThat(text.bind((YMap) title("title:\n  en: Hello\n  es:\n"), STRING, "title", "en"))
        .isNull();
    assertThat(diags.all())
        .singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("\"title\" has no text after \"es:\""));
    assertThat(
            text.bind((YMap) title("title:\n  en: Hello\n  es: [a, b]\n"), STRING, "title", "en"))
        .isNull();
    assertThat(wrong).containsExactly("title.es");
    assertThat(text.bind((YMap) title("title:\n  en: Hello\n  es: bad\n"), STRING, "title", "en"))
        .as("the reader refused it")
        .isNull();
  }
}
