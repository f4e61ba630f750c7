package org.reap.diagnostic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.reap.source.Span;

/** Prints findings as text for people, JSON for tools, or GitHub workflow annotations. */
public final class DiagnosticPrinter {

  public enum Format {
    TEXT,
    JSON,
    GITHUB
  }

  private DiagnosticPrinter() {}

  public static void print(List<Diagnostic> diagnostics, Format format, PrintWriter out) {
    print(diagnostics, format, out, false);
  }

  /**
   * A command's findings in the chosen format: text on the error stream, beside the command's other
   * messages; json and github on the standard output (flushed), where a tool reads them.
   */
  public static void print(
      List<Diagnostic> diagnostics, Format format, PrintWriter out, PrintWriter err) {
    if (format == Format.TEXT) {
      print(diagnostics, format, err);
    } else {
      print(diagnostics, format, out);
      out.flush();
    }
  }

  /** As above; {@code color} adds ANSI colours to the text format (for a terminal). */
  public static void print(
      List<Diagnostic> diagnostics, Format format, PrintWriter out, boolean color) {
    switch (format) {
      case TEXT ->
          diagnostics.forEach(
              d -> {
                if (color) {
                  TerminalText.trusted(
                      out,
                      colored(d)); // the colours are reap's; the text in it is escaped by text()
                } else {
                  out.print(text(d));
                }
              });
      case JSON -> out.println(json(diagnostics));
      case GITHUB -> diagnostics.forEach(d -> out.println(github(d)));
    }
    out.flush();
  }

  /** path:line:col: error[rule]: message, the source line with a caret, and the hint. */
  public static String text(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    Span s = d.span();
    // paths and values come from files: no control character reaches the terminal (TerminalText)
    sb.append(TerminalText.safe(s.location()))
        .append(": ")
        .append(d.severity().label())
        .append('[')
        .append(d.ruleId())
        .append("]: ")
        .append(TerminalText.safe(d.message()))
        .append('\n');
    if (s.hasPosition()) {
      String line = s.file().line(s.line());
      if (!line.isBlank()) {
        String shown = printable(line);
        sb.append("    ").append(shown).append('\n');
        int col = Math.max(1, Math.min(s.column(), shown.length() + 1));
        int width = s.endLine() == s.line() ? Math.max(1, s.endColumn() - s.column()) : 1;
        width = Math.max(1, Math.min(width, shown.length() - col + 1));
        sb.append("    ")
            .append(" ".repeat(col - 1))
            .append('^')
            .append("~".repeat(width - 1))
            .append('\n');
      }
    }
    if (d.hint() != null && !d.hint().isEmpty()) {
      sb.append("    hint: ").append(TerminalText.safe(d.hint())).append('\n');
    }
    return sb.toString();
  }

  static String colored(Diagnostic d) {
    String t = text(d);
    String label = d.severity().label() + "[" + d.ruleId() + "]";
    String c = d.severity() == Severity.ERROR ? "\u001b[1;31m" : "\u001b[1;33m";
    return t.replaceFirst(
        java.util.regex.Pattern.quote(label),
        java.util.regex.Matcher.quoteReplacement(c + label + "\u001b[0m"));
  }

  /** Tabs become one space (so the caret lines up) and control characters become '?'. */
  private static String printable(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    line.codePoints()
        .forEach(
            cp -> {
              if (cp == '\t') {
                sb.append(' ');
              } else if (Character.isISOControl(cp)) {
                sb.append('?');
              } else {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString();
  }

  public static String json(List<Diagnostic> diagnostics) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField(
          "errors", diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count());
      g.writeNumberField(
          "warnings", diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count());
      g.writeArrayFieldStart("diagnostics");
      for (Diagnostic d : diagnostics) {
        g.writeStartObject();
        g.writeStringField("file", d.span().file().displayPath());
        g.writeNumberField("line", d.span().line());
        g.writeNumberField("column", d.span().column());
        g.writeNumberField("endLine", d.span().endLine());
        g.writeNumberField("endColumn", d.span().endColumn());
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("rule", d.ruleId());
        g.writeStringField("message", d.message());
        if (d.hint() != null) {
          g.writeStringField("hint", d.hint());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** ::error file=F,line=L,col=C,title=rule::message (hint) — GitHub Actions workflow commands. */
  public static String github(Diagnostic d) {
    Span s = d.span();
    StringBuilder sb =
        new StringBuilder("::").append(d.severity() == Severity.ERROR ? "error" : "warning");
    sb.append(" file=").append(property(TerminalText.safe(s.file().displayPath())));
    if (s.hasPosition()) {
      sb.append(",line=").append(s.line()).append(",col=").append(s.column());
      if (s.endLine() == s.line()) {
        sb.append(",endColumn=").append(s.endColumn());
      }
    }
    sb.append(",title=").append(property("reap " + d.ruleId()));
    String msg =
        TerminalText.safeLines(d.message())
            + (d.hint() == null ? "" : "\n" + "Hint: " + TerminalText.safeLines(d.hint()));
    sb.append("::").append(data(msg));
    return sb.toString();
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
