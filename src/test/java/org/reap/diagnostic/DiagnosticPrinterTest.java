package org.reap.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reap.source.SourceFile;
import org.reap.source.Span;

/** The three ways findings are printed, character for character. */
class DiagnosticPrinterTest {
  static final SourceFile FILE =
      new SourceFile(
          Path.of("plans/t.yaml"),
          "plans\\t.yaml",
          "reap: 1\n\tstatus: complete\n   \nx: \u0007y\n");

  static Diagnostic at(int line, int col, int endLine, int endCol, String hint) {
    return Diagnostic.error(
        "schema.bad-value",
        new Span(FILE, line, col, endLine, endCol),
        "\"status\" cannot be \"complete\"",
        hint);
  }

  @Test
  void textShowsTheLineWithACaretUnderTheSpan() {
    assertThat(DiagnosticPrinter.text(at(2, 10, 2, 18, "did you mean \"done\"?")))
        .isEqualTo(
            "plans/t.yaml:2:10: error[schema.bad-value]: \"status\" cannot be \"complete\"\n"
                + "     status: complete\n"
                + "             ^~~~~~~~\n"
                + "    hint: did you mean \"done\"?\n");
  }

  @Test
  void aCaretIsOneWideForASpanOverSeveralLinesOrOfNoWidth() {
    assertThat(DiagnosticPrinter.text(at(2, 2, 3, 1, null)))
        .endsWith("     status: complete\n     ^\n");
    assertThat(DiagnosticPrinter.text(at(2, 2, 2, 2, ""))).endsWith("     ^\n");
  }

  @Test
  void theCaretStaysOnTheLineWhateverTheSpanSays() {
    // a column past the end of the line: the caret goes just after it, one wide
    assertThat(DiagnosticPrinter.text(at(1, 40, 1, 60, null)))
        .endsWith("    reap: 1\n           ^\n");
    // a span wider than the rest of the line is cut at its end
    assertThat(DiagnosticPrinter.text(at(1, 7, 1, 60, null)))
        .endsWith("    reap: 1\n          ^\n");
    assertThat(DiagnosticPrinter.text(at(1, 1, 1, 60, null)))
        .endsWith("    reap: 1\n    ^~~~~~~\n");
    assertThat(DiagnosticPrinter.text(at(1, 0, 1, 3, null))).endsWith("    reap: 1\n    ^~~\n");
  }

  @Test
  void controlCharactersAreShownAsQuestionMarksAndBlankLinesAreNotShown() {
    assertThat(DiagnosticPrinter.text(at(4, 4, 4, 5, null))).endsWith("    x: ?y\n       ^\n");
    assertThat(DiagnosticPrinter.text(at(3, 1, 3, 2, null)))
        .isEqualTo(
            "plans/t.yaml:3:1: error[schema.bad-value]: \"status\" cannot be \"complete\"\n");
    assertThat(DiagnosticPrinter.text(Diagnostic.warning("r", Span.ofFile(FILE), "m", "h")))
        .isEqualTo("plans/t.yaml: warning[r]: m\n    hint: h\n");
  }

  @Test
  void colorsMarkOnlyTheLabel() {
    Diagnostic e = at(2, 10, 2, 18, null);
    assertThat(DiagnosticPrinter.colored(e))
        .startsWith("plans/t.yaml:2:10: \u001b[1;31merror[schema.bad-value]\u001b[0m: \"status\"");
    assertThat(DiagnosticPrinter.colored(e.withSeverity(Severity.WARNING)))
        .contains("\u001b[1;33mwarning[schema.bad-value]\u001b[0m");
    StringWriter w = new StringWriter();
    DiagnosticPrinter.print(List.of(e), DiagnosticPrinter.Format.TEXT, new PrintWriter(w), true);
    assertThat(w.toString()).isEqualTo(DiagnosticPrinter.colored(e));
  }

  @Test
  void jsonCountsErrorsAndWarnings() {
    String json =
        DiagnosticPrinter.json(
            List.of(at(2, 10, 2, 18, "h"), Diagnostic.warning("w", Span.ofFile(FILE), "m", null)));
    assertThat(json)
        .isEqualTo(
            """
        {
          "errors" : 1,
          "warnings" : 1,
          "diagnostics" : [ {
            "file" : "plans/t.yaml",
            "line" : 2,
            "column" : 10,
            "endLine" : 2,
            "endColumn" : 18,
            "severity" : "error",
            "rule" : "schema.bad-value",
            "message" : "\\"status\\" cannot be \\"complete\\"",
            "hint" : "h"
          }, {
            "file" : "plans/t.yaml",
            "line" : 0,
            "column" : 0,
            "endLine" : 0,
            "endColumn" : 0,
            "severity" : "warning",
            "rule" : "w",
            "message" : "m"
          } ]
        }""");
  }

  @Test
  void githubAnnotationsEscapeWhatWorkflowCommandsParse() {
    SourceFile odd = new SourceFile(Path.of("x"), "plans/a,b:c%.yaml", "k: v\n");
    Diagnostic d =
        Diagnostic.error("r.x", new Span(odd, 1, 4, 1, 5), "50% done\nnext", "use: yes, no");
    assertThat(DiagnosticPrinter.github(d))
        .isEqualTo(
            "::error file=plans/a%2Cb%3Ac%25.yaml,line=1,col=4,endColumn=5,title=reap r.x::50%25 done%0Anext%0AHint: use: yes, no");
    assertThat(
            DiagnosticPrinter.github(
                Diagnostic.warning("r", new Span(odd, 1, 1, 2, 1), "m\r", null)))
        .as("a carriage return (which could rewrite the line on a terminal) is written as \\r")
        .isEqualTo("::warning file=plans/a%2Cb%3Ac%25.yaml,line=1,col=1,title=reap r::m\\r");
    assertThat(DiagnosticPrinter.github(Diagnostic.warning("r", Span.ofFile(odd), "m", null)))
        .isEqualTo("::warning file=plans/a%2Cb%3Ac%25.yaml,title=reap r::m");
  }

  @Test
  void printWritesEveryFormatAndFlushes() {
    List<Diagnostic> ds = List.of(at(2, 10, 2, 18, null), at(1, 1, 1, 2, null));
    for (DiagnosticPrinter.Format f : DiagnosticPrinter.Format.values()) {
      StringWriter sink = new StringWriter();
      // a buffered writer shows nothing until flushed
      PrintWriter out = new PrintWriter(new BufferedWriter(sink, 1 << 16));
      DiagnosticPrinter.print(ds, f, out);
      String s = sink.toString();
      switch (f) {
        case TEXT ->
            assertThat(s)
                .isEqualTo(DiagnosticPrinter.text(ds.get(0)) + DiagnosticPrinter.text(ds.get(1)));
        case JSON -> assertThat(s).isEqualTo(DiagnosticPrinter.json(ds) + System.lineSeparator());
        case GITHUB ->
            assertThat(s)
                .isEqualTo(
                    DiagnosticPrinter.github(ds.get(0))
                        + System.lineSeparator()
                        + DiagnosticPrinter.github(ds.get(1))
                        + System.lineSeparator());
      }
    }
  }

  @Test
  void diagnosticsAreCollectedCountedAndSortedStably() {
    Diagnostics d = new Diagnostics();
    assertThat(d.isEmpty()).isTrue();
    assertThat(d.hasErrors()).isFalse();
    d.warning("b.rule", new Span(FILE, 2, 1, 2, 2), "later", null);
    assertThat(d.isEmpty()).isFalse();
    assertThat(d.hasErrors()).isFalse();
    d.error("z.rule", new Span(FILE, 1, 5, 1, 6), "first line", null);
    d.warning("a.rule", new Span(FILE, 2, 1, 2, 2), "same place, earlier rule", null);
    d.warning("a.rule", new Span(FILE, 2, 1, 2, 2), "a message", null);
    Diagnostics other = new Diagnostics();
    other.add(
        Diagnostic.error(
            "c", Span.ofFile(new SourceFile(Path.of("a"), "a.yaml", "")), "another file", null));
    d.addAll(other);
    assertThat(d.hasErrors()).isTrue();
    assertThat(d.count(Severity.ERROR)).isEqualTo(2);
    assertThat(d.count(Severity.WARNING)).isEqualTo(3);
    assertThat(d.sorted())
        .extracting(Diagnostic::message)
        .containsExactly(
            "another file", "first line", "a message", "same place, earlier rule", "later");
    assertThat(d.all()).extracting(Diagnostic::message).startsWith("later", "first line");
    assertThatThrownBy(() -> d.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Severity.WARNING.label()).isEqualTo("warning");
    assertThat(Diagnostic.warning("r", Span.ofFile(FILE), "m", "h").severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void sortingComparesColumnsWithinALine() {
    Diagnostics d = new Diagnostics();
    d.error("r", new Span(FILE, 1, 9, 1, 10), "col 9", null);
    d.error("r", new Span(FILE, 1, 2, 1, 3), "col 2", null);
    d.error("r", new Span(FILE, 1, 10, 1, 11), "col 10", null);
    assertThat(d.sorted())
        .extracting(Diagnostic::message)
        .containsExactly("col 2", "col 9", "col 10");
  }
}
