package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.reap.Pipeline;
import org.reap.render.Renderer;

/**
 * The accessible structure of reap's HTML outputs, checked without a browser: the parts of WCAG 2.1
 * that the markup alone decides (language, title, one h1 and no skipped heading levels, landmarks,
 * table headers with scope, text alternatives of charts and images, link names, list structure,
 * unique ids). The full check, colour contrast included, is axe-core in headless Chromium ({@code
 * tools/a11y/axe-check.mjs}, run by {@code .ci/run}); this test keeps the basics from regressing in
 * every {@code mvn test}.
 */
class HtmlStructureTest {
  private static final Pattern LANG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  private static final Set<String> SCOPES = Set.of("row", "col", "rowgroup", "colgroup");

  @TestFactory
  Stream<DynamicTest> everyHtmlOutputOfTheExamples() {
    return outputs(Path.of("docs/examples"), LocalDate.of(2025, 5, 1));
  }

  @TestFactory
  Stream<DynamicTest> everyHtmlOutputOfTheSamplePlans() {
    return outputs(Path.of("plans"), LocalDate.of(2024, 10, 29));
  }

  private static Stream<DynamicTest> outputs(Path repo, LocalDate asOf) {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    Renderer.Result result =
        new Renderer(
                c.repository(),
                new Renderer.Options(
                    asOf, Renderer.pdfDate(asOf), EnumSet.of(Renderer.Format.HTML), null, Set.of()))
            .render();
    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).isNotEmpty();
    return result.files().stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.fileName(),
                    () ->
                        assertThat(problems(new String(f.bytes(), StandardCharsets.UTF_8)))
                            .as(repo + "/" + f.fileName())
                            .isEmpty()));
  }

  @Test
  void theCheckFindsWhatItLooksFor() {
    String bad =
        "<!DOCTYPE html><html><head></head><body><div class=\"banner\">outside</div><main>"
            + "<h2>first</h2><h1>one</h1><h1>two</h1><h4>skipped</h4><h2> </h2>"
            + "<table><tr><th>no scope</th><td>x</td></tr></table>"
            + "<table role=\"presentation\"><tr><th scope=\"col\">a header</th></tr></table><table><tr><td>plain</td></tr></table>"
            + "<svg viewBox=\"0 0 1 1\"><text>chart</text></svg><img src=\"a.png\">"
            + "<a href=\"x.pdf\"> </a><ul><p>not an item</p></ul><p id=\"d\">a</p><p id=\"d\">b</p>"
            + "<span aria-hidden=\"true\"><a href=\"y\">hidden link</a></span><span class=\"sr-only\"></span>"
            + "</main></body></html>";
    assertThat(problems(bad))
        .containsExactlyInAnyOrder(
            "html has no valid lang attribute: ''",
            "the document has no title",
            "content outside main (not print-only page furniture): div.banner",
            "2 h1 elements, not exactly one",
            "the first heading is h2, not h1",
            "heading level skipped: h4 after h1 ('skipped')",
            "empty heading: h2",
            "th without a valid scope: 'no scope'",
            "a layout table (role=presentation) has header markup",
            "a data table has no th",
            "svg without role=img",
            "svg without an accessible name (aria-label or aria-labelledby)",
            "svg without a title",
            "img without alt: a.png",
            "link without a name: x.pdf",
            "list ul has a p child",
            "duplicate id: d",
            "a focusable element inside aria-hidden: y",
            "empty screen-reader text (sr-only)");
  }

  @Test
  void theStylesheetHidesThePageFurnitureOnScreen() throws Exception {
    String css =
        java.nio.file.Files.readString(Path.of("templates/lib/style.css"), StandardCharsets.UTF_8);
    String screen = css.substring(css.indexOf("@media screen"));
    assertThat(screen)
        .containsPattern(
            "\\.running-header, \\.running-footer, \\.running-pager \\{ display: none; \\}");
    assertThat(screen)
        .as("a readable column on screen")
        .containsPattern("body \\{ max-width: [0-9.]+rem;");
  }

  /** What is wrong with the structure of one HTML document; empty when nothing is. */
  static List<String> problems(String html) {
    Document doc = Jsoup.parse(html);
    List<String> p = new ArrayList<>();

    String lang = doc.selectFirst("html").attr("lang");
    if (!LANG.matcher(lang).matches()) {
      p.add("html has no valid lang attribute: '" + lang + "'");
    }
    if (doc.title().isBlank()) {
      p.add("the document has no title");
    }

    // landmarks: everything in main but the PDF's running header, footer and page numbers
    List<Element> mains = doc.select("main");
    if (mains.size() != 1) {
      p.add(mains.size() + " main elements, not exactly one");
    }
    for (Element child : doc.body().children()) {
      if (!child.tagName().equals("main") && !child.className().startsWith("running-")) {
        p.add(
            "content outside main (not print-only page furniture): "
                + child.tagName()
                + (child.className().isEmpty() ? "" : "." + child.className()));
      }
    }
    for (Node n : doc.body().childNodes()) {
      if (n instanceof TextNode t && !t.isBlank()) {
        p.add("text outside main: '" + t.text().strip() + "'");
      }
    }

    // headings: one h1, then no level skipped
    List<Element> h1 = doc.select("h1");
    if (h1.size() != 1) {
      p.add(h1.size() + " h1 elements, not exactly one");
    }
    int previous = 0;
    for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
      int level = h.tagName().charAt(1) - '0';
      if (previous == 0 && level != 1) {
        p.add("the first heading is " + h.tagName() + ", not h1");
      } else if (previous > 0 && level > previous + 1) {
        p.add(
            "heading level skipped: "
                + h.tagName()
                + " after h"
                + previous
                + " ('"
                + h.text()
                + "')");
      }
      if (h.text().isBlank()) {
        p.add("empty heading: " + h.tagName());
      }
      previous = level;
    }

    // tables: data tables have header cells with scope; layout tables have no header markup
    for (Element th : doc.select("th")) {
      if (!SCOPES.contains(th.attr("scope"))) {
        p.add("th without a valid scope: '" + th.text() + "'");
      }
    }
    for (Element table : doc.select("table")) {
      String role = table.attr("role");
      if (role.equals("presentation") || role.equals("none")) {
        if (!table.select("th, caption, thead, [scope], [headers]").isEmpty()) {
          p.add("a layout table (role=" + role + ") has header markup");
        }
      } else if (table.select("th").isEmpty()) {
        p.add("a data table has no th");
      }
    }

    // charts and images: a text alternative each
    for (Element svg : doc.select("svg")) {
      if (!svg.attr("role").equals("img")) {
        p.add("svg without role=img");
      }
      if (svg.attr("aria-label").isBlank() && svg.attr("aria-labelledby").isBlank()) {
        p.add("svg without an accessible name (aria-label or aria-labelledby)");
      }
      Element title = svg.children().isEmpty() ? null : svg.child(0);
      if (title == null || !title.tagName().equals("title") || title.text().isBlank()) {
        p.add("svg without a title");
      }
    }
    for (Element e : doc.select("[role=img]")) {
      if (!e.tagName().equals("svg")
          && e.attr("aria-label").isBlank()
          && e.attr("aria-labelledby").isBlank()) {
        p.add(e.tagName() + " with role=img without an accessible name");
      }
    }
    for (Element img : doc.select("img")) {
      if (!img.hasAttr("alt")) {
        p.add("img without alt: " + img.attr("src"));
      }
    }

    // links have names; lists hold list items
    for (Element a : doc.select("a[href]")) {
      if (a.text().isBlank()
          && a.attr("aria-label").isBlank()
          && a.select("img[alt]:not([alt=''])").isEmpty()) {
        p.add("link without a name: " + a.attr("href"));
      }
    }
    for (Element list : doc.select("ul, ol")) {
      for (Element child : list.children()) {
        if (!Set.of("li", "script", "template").contains(child.tagName())) {
          p.add("list " + list.tagName() + " has a " + child.tagName() + " child");
        }
      }
    }
    for (Element li : doc.select("li")) {
      if (!Set.of("ul", "ol", "menu").contains(li.parent().tagName())) {
        p.add("li outside a list, in " + li.parent().tagName());
      }
    }

    // ids unique; nothing focusable hidden from assistive technology; screen-reader text not empty
    Set<String> ids = new HashSet<>();
    for (Element e : doc.select("[id]")) {
      if (!ids.add(e.id())) {
        p.add("duplicate id: " + e.id());
      }
    }
    for (Element e :
        doc.select(
            "[aria-hidden=true] a[href], [aria-hidden=true] button, [aria-hidden=true] input")) {
      p.add("a focusable element inside aria-hidden: " + e.attr("href"));
    }
    for (Element e : doc.select(".sr-only")) {
      if (e.text().isBlank()) {
        p.add("empty screen-reader text (sr-only)");
      }
    }
    return p;
  }
}
