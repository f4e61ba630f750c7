package org.reap.render.testing;

import java.time.Instant;
import org.reap.render.pdf.PdfMeta;

/** Sample XHTML documents for tests and for looking at the output by eye. */
public final class Samples {
  public static final PdfMeta META =
      new PdfMeta(
          "Racial Equity Action Plan 2024",
          "en",
          "Office of Equity",
          "Committee memo",
          "equity, plan",
          "reap 0.1.0",
          Instant.parse("2024-10-29T17:00:00Z"));

  public static final String LINE_CHART =
      """
            {"type":"line","title":"Share of contracts to minority-owned firms","xLabel":"Fiscal year",\
            "yLabel":"Percent of contract dollars","categories":["2019","2020","2021","2022","2023"],\
            "series":[{"name":"All departments","values":[4.1,5.0,6.2,null,9.8]},\
            {"name":"Public Works","values":[2.0,2.4,3.9,5.5,7.1]}],"target":12.5,"targetLabel":"Target 2026"}""";

  public static final String BAR_CHART =
      """
            {"type":"bar","title":"Listening sessions held","xLabel":"Quarter","yLabel":"Sessions",\
            "categories":["Q1","Q2","Q3","Q4"],"series":[{"name":"In person","values":[3,5,4,6]},\
            {"name":"Online","values":[2,2,3,1]}]}""";

  public static final String GANTT_CHART =
      """
            {"type":"gantt","title":"Racial equity work plan","asOf":"2024-10-29","asOfLabel":"As of Oct 29, 2024",\
            "tasks":[\
            {"group":"1) Staff training","name":"Train department leads","start":"2024-02-01","end":"2024-04-30","status":"done"},\
            {"group":"1) Staff training","name":"Train all staff","start":"2024-05-01","end":"2024-12-15","status":"in-progress"},\
            {"group":"2) Racial Equity Resolution","name":"Design & hold listening sessions","start":"2024-04-01","end":"2024-06-30","status":"done"},\
            {"group":"2) Racial Equity Resolution","name":"Draft the resolution with community partners","start":"2024-07-01","end":"2024-10-15","status":"late"},\
            {"group":"2) Racial Equity Resolution","name":"Council vote","start":"2024-11-01","end":"2024-11-30","status":"planned"},\
            {"group":"3) Data","name":"Publish disaggregated dashboard","start":"2024-06-01","end":"2025-01-31","status":"at-risk"}]}""";

  private Samples() {}

  public static String css() {
    return """
                @page { size: letter; margin: 0.9in 0.8in 0.9in 0.8in;
                  @top-left { content: "City of Example \\2014  Racial Equity Action Plan"; font-family: 'DejaVu Sans';
                              font-size: 8pt; color: #555555; }
                  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans';
                                  font-size: 8pt; color: #333333; }
                }
                body { font-family: 'DejaVu Sans'; font-size: 10pt; line-height: 1.4; color: #111111; }
                h1 { font-size: 18pt; margin: 0 0 8pt 0; }
                h2 { font-size: 13pt; margin: 16pt 0 6pt 0; page-break-after: avoid; }
                table { border-collapse: collapse; width: 100%; margin: 8pt 0; }
                th, td { border: 0.75pt solid #888888; padding: 3pt 5pt; text-align: left; vertical-align: top; }
                th { background: #EEEEEE; }
                code { font-family: 'DejaVu Sans Mono'; font-size: 9pt; }
                .reap-chart { width: 100%; height: 230pt; margin: 8pt 0; page-break-inside: avoid; }
                .reap-chart.gantt { height: auto; }
                """;
  }

  /** A document: a table, a line chart, a gantt chart, and {@code extraParagraphs} of filler. */
  public static String memo(int extraParagraphs) {
    StringBuilder filler = new StringBuilder();
    for (int i = 1; i <= extraParagraphs; i++) {
      filler
          .append("<p>Paragraph ")
          .append(i)
          .append(". The city will measure progress every quarter and ")
          .append(
              "report to the committee. Residents helped set the targets in listening sessions ")
          .append(
              "held in every district, in English, Spanish, Vietnamese (Tiếng Việt) and Somali.</p>\n");
    }
    return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
                <head><title>Racial Equity Action Plan 2024</title>
                <style>{{CSS}}</style></head>
                <body>
                <h1>Racial Equity Action Plan 2024</h1>
                <p>This memo summarises progress on the plan&#160;&#8212; with a table, two charts and notes.
                Config lives in <code>plan.yaml</code>.</p>
                <h2>Goals</h2>
                <table>
                <thead><tr><th>Goal</th><th>Owner</th><th>Status</th></tr></thead>
                <tbody>
                <tr><td>Increase contracting with minority-owned firms</td><td>Finance</td><td>On track &#10003;</td></tr>
                <tr><td>Pass a racial equity resolution</td><td>Council</td><td>Late</td></tr>
                <tr><td>Publish disaggregated data</td><td>IT</td><td>At risk</td></tr>
                </tbody>
                </table>
                <h2>Contracting</h2>
                <div class="reap-chart" role="img" aria-label="Line chart: share of contract dollars to minority-owned firms rose from 4.1% in 2019 to 9.8% in 2023; the 2026 target is 12.5%." data-chart="{{LINE}}"></div>
                <h2>Work plan</h2>
                <div class="reap-chart gantt" role="img" aria-label="Timeline of six tasks; two are done, one is late." data-chart="{{GANTT}}"></div>
                <h2>Notes</h2>
                {{FILLER}}
                </body>
                </html>
                """
        .replace("{{CSS}}", css())
        .replace("{{LINE}}", attr(LINE_CHART))
        .replace("{{GANTT}}", attr(GANTT_CHART))
        .replace("{{FILLER}}", filler);
  }

  /** Escapes a string for a double-quoted XML attribute. */
  public static String attr(String s) {
    return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  /** A minimal document around a body fragment. */
  public static String page(String body) {
    return """
                <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
                <head><title>Test</title><style>
                @page { size: letter; margin: 1in;
                  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'DejaVu Sans'; } }
                body { font-family: 'DejaVu Sans'; font-size: 11pt; }
                .reap-chart { width: 400pt; height: 240pt; }
                </style></head>
                <body>{{BODY}}</body></html>
                """
        .replace("{{BODY}}", body);
  }
}
