package org.reap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.Pipeline;
import org.reap.bind.SchemaBinder;
import org.reap.render.RenderException;
import org.reap.render.Renderer;
import org.reap.render.TemplateEngine;
import org.reap.render.chart.ChartElements;
import org.reap.render.html.HtmlWriter;
import org.reap.render.pdf.SecureXml;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * Fuzz target: arbitrary text in every free-text field of a small valid repository (a plan, its
 * milestones, an agenda item and the other kinds, copied from docs/examples), then everything
 * {@code reap render} does with it. The input's bytes are read as UTF-8 and split at NUL bytes;
 * piece i goes into text field i (cycling), so a saved input is readable: markup characters,
 * right-to-left text, emoji, combining marks, very long words.
 *
 * <p>The rule checked: <b>a repository that {@code reap validate} accepts renders</b>. For every
 * output document, the template must fill (FreeMarker → XHTML), the XHTML must be well-formed and
 * carry no markup the text smuggled in (no script, event handler or javascript: link), every chart
 * specification must be accepted by the chart parser, and the HTML page (charts drawn as SVG) must
 * be made. Any {@link RenderException} here is a finding: a mistake the validator should have
 * reported, or render should cope with. Inputs the validator refuses are skipped (validation is the
 * other target's business).
 *
 * <p>Speed: the PDF layout costs one to two seconds a document, drawing a chart as SVG tens of
 * milliseconds, the rest (validation, template, XML checks, parsing the chart specifications) a few
 * milliseconds a document. So the template engine stays warm across executions; every document gets
 * its XHTML checked; while fuzzing, one document per input (chosen by the input's hash) gets its
 * HTML page, and one input in {@link #PDF_EVERY} also the PDF of that document. In the normal build
 * (regression mode) every saved input gets every HTML page and the chosen document's PDF, so a
 * crash found while fuzzing is always replayed.
 */
class RenderFuzzTest {
  static final Path FIXTURE = Path.of("docs/examples");
  static final List<String> FILES =
      List.of(
          "plan.yaml",
          "milestones.yaml",
          "agenda-item.yaml",
          "equity-analysis.yaml",
          "findings.yaml",
          "indicators.yaml",
          "outcome-matrix.yaml");

  /** Keys whose value is free text shown in the documents. */
  static final Pattern TEXT_FIELD =
      Pattern.compile(
          "^(\\s*(?:- )?(?:title|text|description|heading|jurisdiction|body|mission|vision|statement|subtitle|notes?"
              + "|owner|place|location|address|organization|publisher|purpose|recommendation|role|name"
              + "|prepared_by|timeline_note|partnership_label|group|lead|label|unit)): (?![|>\\[]).+$");

  /**
   * Keys some kind requires. A piece with nothing visible in it gets an "x" in front there: the
   * validator rightly refuses a blank required text (validate case schema-invisible-text), and an
   * input with one empty piece would otherwise never get past validation.
   */
  static final Set<String> REQUIRED_SOMEWHERE =
      Set.of(
          "title",
          "text",
          "name",
          "heading",
          "jurisdiction",
          "description",
          "recommendation",
          "unit");

  static final LocalDate AS_OF = LocalDate.of(2025, 5, 1);

  /** While fuzzing, one input in this many also gets a PDF. */
  static final int PDF_EVERY = 16;

  static final boolean FUZZING =
      System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();
  private static final Path ROOT = FuzzSupport.scratch("reap-fuzz-render-");
  private static final Map<String, String> ORIGINALS = originals();

  /** Warm across executions: parsed templates are reused. */
  private static final TemplateEngine TEMPLATES = new TemplateEngine(null);

  private static final Renderer.Options OPTIONS =
      new Renderer.Options(
          AS_OF, Renderer.pdfDate(AS_OF), EnumSet.allOf(Renderer.Format.class), null, Set.of());
  private static final HtmlWriter HTML = new HtmlWriter();
  private static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of("script", "iframe", "object", "embed", "form", "base", "frame");

  static Map<String, String> originals() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String f : FILES) {
      try {
        m.put(f, Files.readString(FIXTURE.resolve(f), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return m;
  }

  /**
   * A YAML double-quoted scalar holding {@code s}, less the control characters the validator
   * refuses in a value (rule schema.control-character, validate case schema-control-character):
   * kept, they would only make the input invalid. Tab and line breaks stay.
   */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\t', '\n', '\r' -> b.append(String.format("\\u%04x", c));
                default -> {
                  if (c < 0x20
                      || c == 0x7f
                      || (c >= 0x80 && c < 0xa0)
                      || (c >= 0xd800 && c <= 0xdfff)
                      || c == 0xfffe
                      || c == 0xffff) {
                    // dropped: see above
                  } else if (c == 0xfeff) {
                    b.append(
                        "\\ufeff"); // a byte-order mark inside a file is refused; as an escape it
                    // is text
                  } else {
                    b.appendCodePoint(c);
                  }
                }
              }
            });
    return b.append('"').toString();
  }

  static List<String> pieces(byte[] input) {
    String s = new String(input, StandardCharsets.UTF_8);
    return new ArrayList<>(List.of(s.split("\u0000", -1)));
  }

  /**
   * Writes the fixture with the fuzz text in its text fields; returns how many fields were
   * replaced.
   */
  static int write(Path plans, List<String> texts) throws IOException {
    Files.createDirectories(plans);
    int field = 0;
    for (Map.Entry<String, String> e : ORIGINALS.entrySet()) {
      StringBuilder sb = new StringBuilder();
      for (String line : e.getValue().split("\n", -1)) {
        Matcher m = TEXT_FIELD.matcher(line);
        if (m.matches()) {
          String text = texts.get(field++ % texts.size());
          String key = m.group(1).strip().replaceFirst("^- ", "");
          if (REQUIRED_SOMEWHERE.contains(key) && SchemaBinder.invisible(text)) {
            text = "x" + text;
          }
          line = m.group(1) + ": " + quote(text);
        }
        sb.append(line).append('\n');
      }
      Files.writeString(plans.resolve(e.getKey()), sb.toString(), StandardCharsets.UTF_8);
    }
    return field;
  }

  @FuzzTest(maxDuration = "10m")
  void renderAnyText(byte[] input) throws IOException, RenderException {
    Path plans = ROOT.resolve("plans");
    assertThat(write(plans, pieces(input))).isGreaterThan(40);
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(plans));
    if (!c.ok()) {
      if (System.getenv("REAP_FUZZ_DEBUG") != null) {
        System.err.println("skipped, invalid: " + c.diagnostics());
      }
      return;
    }
    Renderer r = new Renderer(c.repository(), OPTIONS, TEMPLATES);
    List<Renderer.Job> jobs = r.jobs();
    assertThat(jobs).hasSizeGreaterThan(7);
    int h = Arrays.hashCode(input) & 0x7fffffff;
    Renderer.Job chosen = jobs.get((h >>> 8) % jobs.size());
    for (Renderer.Job job : jobs) {
      String xhtml = r.xhtml(job);
      Document doc = SecureXml.parse(xhtml, "XHTML of " + job.name());
      checkNoSmuggledMarkup(doc, job.name());
      ChartElements.find(doc); // every chart specification is one the chart step accepts
      if (!FUZZING || job == chosen) {
        // the HTML page draws the charts as SVG (tens of milliseconds a chart): one document an
        // input
        assertThat(HTML.toHtml(xhtml)).startsWith("<!DOCTYPE html>");
      }
    }
    if (!FUZZING || h % PDF_EVERY == 0) {
      byte[] pdf = r.pdf(chosen);
      assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    }
    assertThat(new String(r.index(jobs), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
  }

  /**
   * No element or attribute in the XHTML that could run code or load something: text stays text.
   */
  static void checkNoSmuggledMarkup(Document doc, String name) {
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      assertThat(FORBIDDEN_ELEMENTS)
          .as("element <%s> in %s", e.getLocalName(), name)
          .doesNotContain(e.getLocalName());
      NamedNodeMap attrs = e.getAttributes();
      for (int k = 0; k < attrs.getLength(); k++) {
        Attr a = (Attr) attrs.item(k);
        String an = a.getLocalName() == null ? a.getName() : a.getLocalName();
        assertThat(an.toLowerCase(Locale.ROOT))
            .as("attribute %s on <%s> in %s", an, e.getLocalName(), name)
            .doesNotStartWith("on");
        if (an.equals("href") || an.equals("src")) {
          String v =
              a.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Cntrl}]", "");
          assertThat(v)
              .as("%s=\"%s\" in %s", an, a.getValue(), name)
              .doesNotStartWith("javascript:")
              .doesNotStartWith("vbscript:")
              .doesNotStartWith("data:text");
        }
      }
    }
  }
}
