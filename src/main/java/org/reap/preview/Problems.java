package org.reap.preview;

import java.util.List;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.diagnostic.Severity;
import org.reap.source.SourceFile;
import org.reap.source.Span;

/**
 * The preview's list of problems: each finding with its place, the lines around it, and the hint.
 */
final class Problems {
  private Problems() {}

  /** A document (or the index) that could not be rendered. */
  record RenderProblem(String document, String file, String message, String hint) {}

  /** Lines shown before and after the line a finding points at. */
  static final int BEFORE = 2;

  static final int AFTER = 1;

  /**
   * The findings as reap validate prints them: what the page's tag and the console log are made
   * from.
   */
  static String text(List<Diagnostic> diagnostics, List<RenderProblem> problems) {
    StringBuilder sb = new StringBuilder();
    diagnostics.forEach(d -> sb.append(DiagnosticPrinter.text(d)));
    problems.forEach(
        p ->
            sb.append(p.file())
                .append(": error[render]: ")
                .append(p.document())
                .append(": ")
                .append(p.message())
                .append('\n')
                .append(p.hint() == null ? "" : "    hint: " + p.hint() + "\n"));
    return sb.toString();
  }

  /** One {@code <section>} per finding, errors first, in file and line order within each. */
  static String html(List<Diagnostic> diagnostics, List<RenderProblem> problems) {
    StringBuilder sb = new StringBuilder();
    int n = 0;
    for (RenderProblem p : problems) {
      n++;
      sb.append("<section class=\"problem error\" aria-labelledby=\"problem-")
          .append(n)
          .append("\">\n");
      sb.append("<h2 id=\"problem-")
          .append(n)
          .append("\"><span class=\"badge\">Error</span> ")
          .append(Pages.esc(p.document()))
          .append(" could not be made")
          .append(p.file() == null ? "" : " (from " + Pages.esc(p.file()) + ")")
          .append("</h2>\n");
      sb.append("<p class=\"message\">").append(Pages.esc(p.message())).append("</p>\n");
      hint(sb, p.hint());
      sb.append("</section>\n");
    }
    for (Severity s : List.of(Severity.ERROR, Severity.WARNING)) {
      for (Diagnostic d : diagnostics) {
        if (d.severity() != s) {
          continue;
        }
        n++;
        Span span = d.span();
        String cls = s == Severity.ERROR ? "error" : "warning";
        sb.append("<section class=\"problem ")
            .append(cls)
            .append("\" aria-labelledby=\"problem-")
            .append(n)
            .append("\">\n");
        sb.append("<h2 id=\"problem-")
            .append(n)
            .append("\"><span class=\"badge\">")
            .append(s == Severity.ERROR ? "Error" : "Warning")
            .append("</span> ")
            .append(Pages.esc(span.file().displayPath()));
        if (span.hasPosition()) {
          sb.append(", line ").append(span.line()).append(", column ").append(span.column());
        }
        sb.append("</h2>\n");
        sb.append("<p class=\"message\">").append(Pages.esc(d.message())).append("</p>\n");
        if (span.hasPosition()) {
          excerpt(sb, span);
        }
        hint(sb, d.hint());
        sb.append("<p class=\"where\"><code>")
            .append(Pages.esc(span.location()))
            .append("</code> · ")
            .append(s.label())
            .append(" <code>")
            .append(Pages.esc(d.ruleId()))
            .append("</code></p>\n");
        sb.append("</section>\n");
      }
    }
    return sb.toString();
  }

  private static void hint(StringBuilder sb, String hint) {
    if (hint != null && !hint.isBlank()) {
      sb.append("<p class=\"hint\"><strong>What to do:</strong> ")
          .append(Pages.esc(hint))
          .append("</p>\n");
    }
  }

  /** The offending line with the part the finding is about marked, and a line or two around it. */
  private static void excerpt(StringBuilder sb, Span span) {
    SourceFile f = span.file();
    int from = Math.max(1, span.line() - BEFORE);
    int to = Math.min(span.line() + AFTER, Math.max(span.line(), lineCount(f)));
    sb.append("<pre class=\"source\" aria-label=\"")
        .append(Pages.esc(f.displayPath()))
        .append(", lines ")
        .append(from)
        .append(" to ")
        .append(to)
        .append("\">");
    for (int i = from; i <= to; i++) {
      int[] cps = f.line(i).codePoints().toArray();
      boolean at = i == span.line();
      sb.append("<span class=\"line")
          .append(at ? " at" : "")
          .append("\"><span class=\"ln\" aria-hidden=\"true\">")
          .append(i)
          .append("</span>");
      if (at) {
        int start = Math.max(0, Math.min(span.column() - 1, cps.length));
        int end =
            span.endLine() == span.line() ? Math.max(start + 1, span.endColumn() - 1) : cps.length;
        end = Math.min(end, cps.length);
        sb.append(code(cps, 0, start));
        if (end > start) {
          sb.append("<mark>").append(code(cps, start, end)).append("</mark>");
        } else {
          sb.append("<mark class=\"empty\">&#160;</mark>");
        }
        sb.append(code(cps, end, cps.length));
      } else {
        sb.append(code(cps, 0, cps.length));
      }
      // block-level lines with no newline between them: a newline would add an empty line
      sb.append("</span>");
    }
    sb.append("</pre>\n");
  }

  private static int lineCount(SourceFile f) {
    String t = f.text();
    if (t.isEmpty()) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == t.length() || t.charAt(i + 1) != '\n'))) {
        n++;
      }
    }
    return t.endsWith("\n") || t.endsWith("\r") ? n - 1 : n;
  }

  /**
   * Source text for HTML: escaped, a tab shown as an arrow (YAML forbids them), controls as '?'.
   */
  private static String code(int[] cps, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      int cp = cps[i];
      if (cp == '\t') {
        sb.append("<span class=\"tab\" title=\"a tab character\">→</span>");
      } else if (Character.isISOControl(cp)) {
        sb.append('?');
      } else {
        sb.append(Pages.esc(new String(Character.toChars(cp))));
      }
    }
    return sb.toString();
  }
}
