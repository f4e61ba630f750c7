package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reap.Pipeline;
import org.reap.model.Document;
import org.reap.model.Node.Val;
import org.reap.model.Repository;
import org.reap.model.Translations;
import org.reap.render.Renderer;
import org.reap.render.Text;
import org.reap.render.pdf.TaggedPdf;

/**
 * Two structure checks over every document of plans/ and docs/examples/ (issue "What a
 * screen-reader user gets"):
 *
 * <ul>
 *   <li>No Figure's alt text is only its caption or title: with the chart's title, its as-of label
 *       and the heading above it taken out, the alt text still gives a finding in numbers (in the
 *       XHTML and in the PDF's Figure elements).
 *   <li>A translated copy marks every run of fallback text with its language: no text that has no
 *       translation into the copy's language is read in that language, in the HTML (lang) or in the
 *       PDF (/Lang on the structure element); and such runs are there, marked, in both.
 * </ul>
 */
class FiguresAndLanguagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LANG = "es";

  static Stream<Path> repos() {
    return Stream.of(RenderedPdfs.PLANS, RenderedPdfs.EXAMPLES);
  }

  private static Renderer renderer(Path repo, List<String> languages) {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    LocalDate asOf = RenderedPdfs.asOf(repo);
    return new Renderer(
        c.repository(),
        new Renderer.Options(
            asOf,
            Renderer.pdfDate(asOf),
            EnumSet.of(Renderer.Format.PDF, Renderer.Format.HTML),
            null,
            Set.of(),
            null,
            languages));
  }

  private static Repository repository(Path repo) {
    return Pipeline.check(Pipeline.Options.of(repo)).repository();
  }

  // ---- figures -------------------------------------------------------------------------------

  /** The words left in an alt text once its chart's title, as-of label and heading are removed. */
  static String beyondTitle(String alt, List<String> titles) {
    String rest = " " + alt.toLowerCase(Locale.ROOT) + " ";
    List<String> sorted = new ArrayList<>(titles);
    sorted.sort((a, b) -> b.length() - a.length());
    for (String t : sorted) {
      if (t != null && !t.isBlank()) {
        rest = rest.replace(t.toLowerCase(Locale.ROOT).strip(), " ");
      }
    }
    return rest.replaceAll("[\\p{Punct}\\s—–]+", " ").strip();
  }

  /** Describes more than its title: a number is left, and at least four words. */
  static boolean describes(String alt, List<String> titles) {
    String rest = beyondTitle(alt, titles);
    return rest.matches(".*\\d.*") && rest.split(" ").length >= 4;
  }

  @TestFactory
  Stream<DynamicTest> noFiguresAltTextIsOnlyItsCaptionOrTitle() {
    return repos()
        .flatMap(
            repo -> {
              Renderer r = renderer(repo, List.of());
              Map<String, byte[]> pdfs = RenderedPdfs.of(repo);
              return r.jobs().stream()
                  .map(
                      job ->
                          DynamicTest.dynamicTest(
                              repo + "/" + job.name(),
                              () -> {
                                org.jsoup.nodes.Document html =
                                    Jsoup.parse(r.xhtml(job), "", Parser.xmlParser());
                                List<String> titles = new ArrayList<>();
                                List<String> problems = new ArrayList<>();
                                for (Element chart : html.select(".reap-chart")) {
                                  JsonNode spec = JSON.readTree(chart.attr("data-chart"));
                                  List<String> own = new ArrayList<>();
                                  own.add(spec.path("title").asText(""));
                                  own.add(spec.path("asOfLabel").asText(""));
                                  Element heading = null;
                                  for (Element e = chart;
                                      e != null && heading == null;
                                      e =
                                          e.previousElementSibling() != null
                                              ? e.previousElementSibling()
                                              : e.parent()) {
                                    if (e != chart && e.tagName().matches("h[1-6]|caption")) {
                                      heading = e;
                                    }
                                  }
                                  if (heading != null) {
                                    own.add(heading.text());
                                  }
                                  titles.addAll(own);
                                  if (!describes(chart.attr("aria-label"), own)) {
                                    problems.add(
                                        "HTML chart \""
                                            + chart.attr("aria-label")
                                            + "\" says no more than its title "
                                            + own);
                                  }
                                }
                                TaggedPdf.Elem root = TaggedPdf.structure(pdfs.get(job.name()));
                                List<TaggedPdf.Elem> pdfFigures = root.all("Figure");
                                for (TaggedPdf.Elem f : pdfFigures) {
                                  String alt = f.attributes().getOrDefault("Alt", "");
                                  if (!alt.isEmpty() && !describes(alt, titles)) {
                                    problems.add(
                                        "PDF Figure alt \""
                                            + alt
                                            + "\" says no more than a title "
                                            + titles);
                                  }
                                }
                                assertThat(problems).isEmpty();
                              }));
            });
  }

  // ---- fallback text in translated copies ----------------------------------------------------

  /**
   * The texts of a repository that have no translation into {@code lang} and are not part of any
   * text that has one (so they are English wherever they are printed), one per line of source.
   */
  static Set<String> fallbacks(Repository repo, String lang) {
    Set<String> translated = new HashSet<>();
    Set<String> out = new HashSet<>();
    for (Document d : repo.documents()) {
      for (Translations.Text t : Translations.texts(d)) {
        Val v = t.value();
        if (v.translations().containsKey(lang)) {
          translated.add(Text.plain(String.valueOf(v.translations().get(lang).value())));
        }
      }
    }
    for (Document d : repo.documents()) {
      for (Translations.Text t : Translations.missing(d, lang)) {
        for (String line : Text.plain(String.valueOf(t.value().value())).split("\n")) {
          String s = line.replaceAll("\\s+", " ").strip();
          if (s.codePoints().filter(Character::isLetter).count() >= 4
              && translated.stream().noneMatch(x -> x.contains(s))) {
            out.add(s);
          }
        }
      }
    }
    return out;
  }

  static boolean containsWords(String text, String f) {
    for (int i = text.indexOf(f); i >= 0; i = text.indexOf(f, i + 1)) {
      int end = i + f.length();
      boolean start = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      boolean stop = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (start && stop) {
        return true;
      }
    }
    return false;
  }

  /** Text nodes of the HTML body with the language they are read in. */
  static void texts(Node n, String lang, BiConsumer<String, String> each) {
    String own =
        n instanceof Element e
            ? (e.hasAttr("lang")
                ? e.attr("lang")
                : e.hasAttr("xml:lang") ? e.attr("xml:lang") : null)
            : null;
    String l = own != null ? own : lang;
    if (n instanceof TextNode t) {
      each.accept(t.text().replaceAll("\\s+", " ").strip(), l);
    }
    for (Node k : n.childNodes()) {
      texts(k, l, each);
    }
  }

  /** Marked content of the PDF's structure tree with the language it is read in. */
  static void texts(TaggedPdf.Elem e, String lang, BiConsumer<String, String> each) {
    String l = e.attributes().getOrDefault("Lang", lang);
    for (String c : e.content()) {
      each.accept(c.replaceAll("\\s+", " ").strip(), l);
    }
    for (TaggedPdf.Elem k : e.kids()) {
      texts(k, l, each);
    }
  }

  @TestFactory
  Stream<DynamicTest> aTranslatedCopyMarksEveryRunOfFallbackTextWithItsLanguage() {
    return repos()
        .flatMap(
            repo -> {
              Renderer r = renderer(repo, List.of(LANG));
              Set<String> fallbacks = fallbacks(repository(repo), LANG);
              List<Renderer.Job> copies =
                  r.jobs().stream().filter(Renderer.Job::isTranslation).toList();
              assertThat(copies).as(repo + " has translated copies").isNotEmpty();
              return copies.stream()
                  .map(
                      job ->
                          DynamicTest.dynamicTest(
                              repo + "/" + job.name(),
                              () -> {
                                String own = Translations.defaultLanguage(job.source());
                                List<String> problems = new ArrayList<>();
                                int[] marked = new int[2];
                                org.jsoup.nodes.Document html =
                                    Jsoup.parse(r.xhtml(job), "", Parser.xmlParser());
                                Element body = html.selectFirst("body");
                                texts(
                                    body,
                                    html.selectFirst("html").attr("lang"),
                                    (text, lang) -> {
                                      if (lang.equals(own)) {
                                        marked[0]++;
                                        return;
                                      }
                                      fallbacks.stream()
                                          .filter(f -> containsWords(text, f))
                                          .findFirst()
                                          .ifPresent(
                                              f ->
                                                  problems.add(
                                                      "HTML reads \""
                                                          + f
                                                          + "\" as "
                                                          + lang
                                                          + " in \""
                                                          + text
                                                          + "\""));
                                    });
                                TaggedPdf.Elem root = TaggedPdf.structure(r.pdf(job));
                                texts(
                                    root,
                                    job.language(),
                                    (text, lang) -> {
                                      if (lang.equals(own)) {
                                        marked[1]++;
                                        return;
                                      }
                                      fallbacks.stream()
                                          .filter(f -> containsWords(text, f))
                                          .findFirst()
                                          .ifPresent(
                                              f ->
                                                  problems.add(
                                                      "PDF reads \""
                                                          + f
                                                          + "\" as "
                                                          + lang
                                                          + " in \""
                                                          + text
                                                          + "\""));
                                    });
                                assertThat(problems).isEmpty();
                                boolean printsFallback =
                                    fallbacks.stream().anyMatch(f -> containsWords(body.text(), f));
                                if (printsFallback) {
                                  assertThat(marked[0])
                                      .as("runs marked lang=\"" + own + "\" in the HTML")
                                      .isPositive();
                                  assertThat(marked[1])
                                      .as("runs with /Lang (" + own + ") in the PDF")
                                      .isPositive();
                                }
                              }));
            });
  }
}
