package org.reap.render;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generated documents that push reap's stylesheet where real plans will go: words longer than a
 * cell, long URLs, tables with many columns, wide figures. Each uses the same page skeleton as the
 * templates (running header, footer, page numbers) and reap's own lib/style.css.
 */
final class StressDocuments {
  private StressDocuments() {}

  static Map<String, String> all(String css) {
    Map<String, String> docs = new LinkedHashMap<>();
    docs.put("long-words", page(css, false, longWords()));
    docs.put("long-urls", page(css, false, longUrls()));
    docs.put("many-columns", page(css, false, manyColumns(14)));
    docs.put("many-columns-landscape", page(css, true, manyColumns(20)));
    docs.put("wide-numbers", page(css, false, wideNumbers()));
    return docs;
  }

  private static String page(String css, boolean landscape, String body) {
    return """
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
        <head><title>Stress</title><style type="text/css">%s</style>%s</head>
        <body><div class="running-header">City of Example — Stress document with a running header</div>
        <div class="running-footer">Stress document — generated</div>
        <div class="running-pager">Page <span class="page-number"></span> of <span class="page-count"></span></div>
        <main><h1>Stress document</h1>%s</main></body></html>
        """
        .formatted(
            css,
            landscape
                ? "<style type=\"text/css\">@page { size: letter landscape; margin: 0.6in 0.6in 0.75in 0.6in; }</style>"
                : "",
            body);
  }

  private static final String LONG_WORD =
      "Antidisestablishmentarianismfloccinaucinihilipilificationsupercalifragilistic";

  private static String longWords() {
    StringBuilder b = new StringBuilder();
    b.append("<h2>Words longer than their cell</h2><p>A paragraph with ")
        .append(LONG_WORD)
        .append(" in it, and more words after it.</p>");
    b.append(
        "<table><thead><tr><th scope=\"col\" style=\"width: 8%\">Step</th><th scope=\"col\" style=\"width: 8%\">Stage</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
    for (int i = 0; i < 6; i++) {
      b.append("<tr><td>Operationalize")
          .append(i)
          .append("</td><td>Institutionalization</td><td>")
          .append(LONG_WORD)
          .append(i)
          .append(" continues here</td></tr>");
    }
    b.append("</tbody></table>");
    b.append("<table class=\"matrix\"><thead><tr>");
    for (String h :
        new String[] {
          "Conditions", "Normalize", "Organize", "Operationalize", "Institutionalize", "Evaluate"
        }) {
      b.append("<th scope=\"col\">").append(h).append("</th>");
    }
    b.append("</tr></thead><tbody><tr>");
    for (int i = 0; i < 6; i++) {
      b.append("<td><ul><li>Counterintuitively")
          .append(i)
          .append(" interdepartmental accountability</li></ul></td>");
    }
    b.append("</tr></tbody></table>");
    b.append("<ul><li>").append(LONG_WORD).append(LONG_WORD).append("</li></ul>");
    return b.toString();
  }

  private static String longUrls() {
    String url =
        "https://www.example.gov/departments/office-of-racial-equity/reports/2024/annual-progress-report-on-the-racial-equity-action-plan-with-appendices.pdf?download=1&amp;version=final-final-2";
    StringBuilder b = new StringBuilder();
    b.append("<h2>Long addresses</h2><p>The report is at <a href=\"")
        .append(url)
        .append("\">")
        .append(url)
        .append("</a> for everyone.</p>");
    b.append("<table class=\"fields\"><tbody><tr><th scope=\"row\">Source</th><td><a href=\"")
        .append(url)
        .append("\">")
        .append(url)
        .append("</a></td></tr></tbody></table>");
    b.append(
        "<table><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Address</th><th scope=\"col\">Note</th></tr></thead><tbody>");
    for (int i = 0; i < 4; i++) {
      b.append("<tr><td>Report ")
          .append(i)
          .append("</td><td>")
          .append(url)
          .append("&amp;page=")
          .append(i)
          .append("</td><td>see the appendix</td></tr>");
    }
    b.append("</tbody></table><ol><li><a href=\"")
        .append(url)
        .append("\">")
        .append(url)
        .append("</a></li></ol>");
    return b.toString();
  }

  private static String manyColumns(int n) {
    StringBuilder b = new StringBuilder("<h2>Many columns</h2><table><thead><tr>");
    for (int c = 0; c < n; c++) {
      b.append("<th scope=\"col\">Hours per month ").append(c).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (int r = 0; r < 5; r++) {
      b.append("<tr>");
      for (int c = 0; c < n; c++) {
        b.append(c == 0 ? "<th scope=\"row\">" : "<td>")
            .append("Listening session(s) ")
            .append(r)
            .append('x')
            .append(c)
            .append(" plus prep time")
            .append(c == 0 ? "</th>" : "</td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static String wideNumbers() {
    StringBuilder b =
        new StringBuilder("<h2>Wide figures</h2><table><thead><tr><th scope=\"col\">Fund</th>");
    for (int c = 0; c < 8; c++) {
      b.append("<th scope=\"col\" class=\"num\">FY").append(2020 + c).append("</th>");
    }
    b.append("</tr></thead><tbody>");
    for (int r = 0; r < 6; r++) {
      b.append("<tr><th scope=\"row\">General fund ").append(r).append("</th>");
      for (int c = 0; c < 8; c++) {
        b.append("<td class=\"num\">$")
            .append(
                String.format(java.util.Locale.ROOT, "%,d.%02d", 1_234_567_890L * (r + 1) + c, c))
            .append("</td>");
      }
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }
}
