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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.Pipeline;
import org.reap.render.RenderException;
import org.reap.render.Renderer;

/**
 * Fuzz target: arbitrary text in every free-text field of a small valid repository (a plan, its
 * milestones and an agenda item, copied from docs/examples), rendered to PDF and HTML. The input's
 * bytes are read as UTF-8 and split at NUL bytes; piece i goes into text field i (cycling), so a
 * saved input is readable: markup characters, right-to-left text, emoji, combining marks, very long
 * words. Every document either renders or is reported as a {@link RenderException}; nothing else
 * may escape, and every PDF starts with %PDF.
 *
 * <p>Inputs whose text the validator refuses (e.g. a field that must not be empty) are skipped:
 * validation is the other target's business.
 */
class RenderFuzzTest {
  static final Path FIXTURE = Path.of("docs/examples");
  static final List<String> FILES = List.of("plan.yaml", "milestones.yaml", "agenda-item.yaml", "equity-analysis.yaml",
      "findings.yaml", "indicators.yaml", "outcome-matrix.yaml");
  /** Keys whose value is free text shown in the documents. */
  static final Pattern TEXT_FIELD = Pattern.compile(
      "^(\\s*(?:- )?(?:title|text|description|heading|jurisdiction|body|mission|vision|statement|subtitle|notes?"
          + "|owner|place|location|address|organization|publisher|purpose|recommendation|role|name"
          + "|prepared_by|timeline_note|partnership_label|group|lead)): (?![|>\\[]).+$");
  static final LocalDate AS_OF = LocalDate.of(2025, 5, 1);
  private static final Path ROOT = FuzzSupport.scratch("reap-fuzz-render-");
  private static final Map<String, String> ORIGINALS = originals();

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

  /** A YAML double-quoted scalar holding exactly {@code s}. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0xfeff || (c >= 0xd800 && c <= 0xdfff)
              || c == 0xfffe || c == 0xffff) {
            b.append(String.format("\\u%04x", c));
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
    List<String> out = new ArrayList<>(List.of(s.split("\u0000", -1)));
    return out;
  }

  /** Writes the fixture with the fuzz text in its text fields; returns how many fields were replaced. */
  static int write(Path plans, List<String> texts) throws IOException {
    Files.createDirectories(plans);
    int field = 0;
    for (Map.Entry<String, String> e : ORIGINALS.entrySet()) {
      StringBuilder sb = new StringBuilder();
      for (String line : e.getValue().split("\n", -1)) {
        Matcher m = TEXT_FIELD.matcher(line);
        if (m.matches()) {
          line = m.group(1) + ": " + quote(texts.get(field++ % texts.size()));
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
    Renderer r = new Renderer(c.repository(), new Renderer.Options(AS_OF, Renderer.pdfDate(AS_OF),
        EnumSet.allOf(Renderer.Format.class), null, Set.of()));
    Renderer.Result result = r.render();
    for (Renderer.Problem p : result.problems()) {
      assertThat(p.error().userMessage()).isNotBlank();
    }
    for (Renderer.Rendered f : result.files()) {
      if (f.fileName().endsWith(".pdf")) {
        assertThat(new String(f.bytes(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
      } else {
        assertThat(new String(f.bytes(), StandardCharsets.UTF_8)).startsWith("<!DOCTYPE html>");
      }
    }
    if (System.getenv("REAP_FUZZ_DEBUG") != null) {
      System.err.println("rendered " + result.files().size() + " files, " + result.problems().size() + " problems"
          + result.problems().stream().map(p -> "\n  " + p.error().userMessage()).toList());
    }
    if (result.ok()) {
      r.index(r.jobs());
    }
  }
}
