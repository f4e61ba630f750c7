package org.reap.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.reap.render.RenderException;
import org.reap.render.pdf.PdfEngine;
import org.reap.render.pdf.PdfMeta;

/**
 * The hot path of a long timeline: XHTML to tagged PDF through Flying Saucer, for a table shaped
 * like reap's timeline (month groups; a status, a checkbox icon with screen-reader text). Compares
 * the markup reap used before issue 8 ({@code layout=old}: one tbody, screen-reader text positioned
 * off the page) with what it uses now ({@code layout=new}: one tbody per month, screen-reader text
 * with no box). Run with {@code bash bench/jmh.sh}; the figures go in docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g", "-Djava.awt.headless=true"})
public class LongTableBenchmark {
  @Param({"500", "2000"})
  public int rows;

  @Param({"old", "new"})
  public String layout;

  private String xhtml;
  private PdfEngine engine;
  private PdfMeta meta;

  @Setup
  public void setUp() {
    boolean old = layout.equals("old");
    StringBuilder sb = new StringBuilder(rows * 600);
    sb.append("<html lang=\"en\"><head><title>Timeline</title><style>")
        .append("@page { size: letter landscape; margin: 0.6in; }")
        .append("body { font-family: 'DejaVu Sans'; font-size: 9.5pt; }")
        .append("table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }")
        .append(
            "th, td { border: 0.5pt solid #8c8c8c; padding: 3pt 4pt; vertical-align: top; text-align: left; }")
        .append("th { background-color: #e6edf3; } tr { page-break-inside: avoid; }")
        .append(".small { font-size: 8pt; } .muted { color: #4a4a4a; }")
        .append(
            old
                ? ".sr-only { position: absolute; left: -9999pt; width: 1pt; height: 1pt; overflow: hidden; }"
                : ".sr-only { display: none; }")
        .append("</style></head><body><h1>Timeline</h1><table><thead><tr>")
        .append(
            "<th scope=\"col\">Month</th><th scope=\"col\">Date</th><th scope=\"col\">Milestone</th>")
        .append(
            "<th scope=\"col\">Owner</th><th scope=\"col\">Status</th><th scope=\"col\">Partnership</th>")
        .append("</tr></thead>");
    if (old) {
      sb.append("<tbody>");
    }
    for (int i = 0; i < rows; i++) {
      boolean first = i % 20 == 0;
      String month = "Month " + (i / 20 + 1);
      if (first && !old) {
        if (i > 0) {
          sb.append("</tbody>");
        }
        sb.append("<tbody>");
      }
      sb.append("<tr>");
      sb.append(
          first
              ? "<th scope=\"row\">" + month + "</th>"
              : "<td><span class=\"sr-only\">" + month + "</span></td>");
      sb.append("<td>1/")
          .append(i % 28 + 1)
          .append("/2024</td>")
          .append("<td>Hold a community listening session (")
          .append(i)
          .append(")")
          .append("<div class=\"small muted\">Deliverable: Community engagement summary</div></td>")
          .append("<td>Office of Racial Equity</td>")
          .append(
              "<td><span class=\"status\">✓ Done</span><div class=\"small muted\">completed 2/1/2024</div></td>")
          .append("<td><span aria-hidden=\"true\">☑</span><span class=\"sr-only\">Yes</span></td>")
          .append("</tr>");
    }
    sb.append("</tbody></table></body></html>");
    xhtml = sb.toString();
    engine = new PdfEngine(Path.of("."));
    meta =
        new PdfMeta(
            "Timeline",
            "en",
            null,
            null,
            null,
            "reap bench",
            Instant.parse("2024-10-29T00:00:00Z"));
  }

  @Benchmark
  public byte[] xhtmlToTaggedPdf() throws RenderException {
    return engine.render(xhtml, meta);
  }
}
