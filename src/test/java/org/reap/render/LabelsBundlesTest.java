package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped label bundle has exactly the keys English has, with the same {n} placeholders. */
class LabelsBundlesTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

  static Properties load(String suffix) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        Labels.class.getResourceAsStream("/reap/labels/labels" + suffix + ".properties")) {
      assertThat(in).as("bundle labels" + suffix).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static Set<String> placeholders(String s) {
    Set<String> out = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(s);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyBundleHasEveryKey() throws IOException {
    Properties en = load("");
    return Labels.SHIPPED.stream()
        .filter(tag -> !tag.equals("en"))
        .map(
            tag ->
                DynamicTest.dynamicTest(
                    tag,
                    () -> {
                      Properties p = load("_" + Labels.bundleSuffix(tag));
                      Set<String> missing = new TreeSet<>(en.stringPropertyNames());
                      missing.removeAll(p.stringPropertyNames());
                      Set<String> extra = new TreeSet<>(p.stringPropertyNames());
                      extra.removeAll(en.stringPropertyNames());
                      assertThat(missing)
                          .as("keys English has but labels_" + tag + " lacks")
                          .isEmpty();
                      assertThat(extra)
                          .as("keys in labels_" + tag + " that English does not have")
                          .isEmpty();
                      Labels labels = new Labels(Locale.forLanguageTag(tag));
                      for (String key : en.stringPropertyNames()) {
                        String v = p.getProperty(key);
                        assertThat(v).as(tag + " " + key).isNotBlank();
                        assertThat(Normalizer.isNormalized(v, Normalizer.Form.NFC))
                            .as(tag + " " + key + " is NFC")
                            .isTrue();
                        Set<String> want = placeholders(en.getProperty(key));
                        assertThat(placeholders(v))
                            .as(tag + " " + key + " placeholders")
                            .isEqualTo(want);
                        if (!want.isEmpty()) {
                          Object[] args = want.stream().map(n -> "ARG" + n).toArray();
                          Object[] full =
                              new Object
                                  [want.stream().mapToInt(Integer::parseInt).max().orElse(0) + 1];
                          for (int i = 0; i < full.length; i++) {
                            full[i] = "ARG" + i;
                          }
                          String out = labels.get(key, full);
                          assertThat(out)
                              .as(tag + " " + key + " formatted (an apostrophe must be written '')")
                              .doesNotContain("{");
                          for (Object a : args) {
                            assertThat(out).as(tag + " " + key + " formatted").contains((String) a);
                          }
                        }
                      }
                      assertThat(labels.get("translation.banner"))
                          .isEqualTo(p.getProperty("translation.banner"));
                    }));
  }

  @Test
  void chineseTagsFindTheChineseBundle() {
    assertThat(new Labels(Locale.forLanguageTag("zh-Hans")).get("date.tbd")).isEqualTo("待定");
    assertThat(new Labels(Locale.forLanguageTag("zh")).get("date.tbd")).isEqualTo("待定");
    assertThat(new Labels(Locale.forLanguageTag("es")).get("memo.recommendation"))
        .isEqualTo("Recomendación");
    assertThat(new Labels(Locale.forLanguageTag("hmn")).get("page.x-of-y", 1, 2))
        .isEqualTo("Nplooj 1 ntawm 2");
  }

  @Test
  void datesFollowTheLanguage() {
    java.time.LocalDate d = java.time.LocalDate.of(2025, 5, 13);
    assertThat(Dates.longDate(d, Locale.forLanguageTag("es"))).isEqualTo("13 de mayo de 2025");
    assertThat(Dates.longDate(d, Locale.forLanguageTag("zh-Hans"))).isEqualTo("2025年5月13日");
    assertThat(Dates.longDate(d, Locale.forLanguageTag("vi"))).isEqualTo("13 tháng 5, 2025");
    assertThat(Dates.longDate(d, Locale.forLanguageTag("ru")).replaceAll("\\h", " "))
        .isEqualTo("13 мая 2025 г.");
    assertThat(Dates.longDate(d, Locale.forLanguageTag("hmn"))).isEqualTo("13 Tsib Hlis 2025");
    assertThat(Dates.monthYear(d, Locale.forLanguageTag("hmn"))).isEqualTo("Tsib Hlis 2025");
    assertThat(Dates.longDate(d, Locale.US)).isEqualTo("May 13, 2025");
  }
}
