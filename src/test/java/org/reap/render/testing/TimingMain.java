package org.reap.render.testing;

import java.nio.file.Path;
import org.reap.render.html.HtmlWriter;
import org.reap.render.pdf.PdfEngine;

/** Prints render times: {@code java ... TimingMain extraParagraphs runs}. */
public final class TimingMain {
  private TimingMain() {}

  public static void main(String[] args) throws Exception {
    int extra = Integer.parseInt(args[0]);
    int runs = Integer.parseInt(args[1]);
    String xhtml = Samples.memo(extra);
    PdfEngine engine = new PdfEngine(Path.of("."));
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      byte[] pdf = engine.render(xhtml, Samples.META);
      long t1 = System.nanoTime();
      String html = new HtmlWriter().toHtml(xhtml);
      long t2 = System.nanoTime();
      System.out.printf(
          "run %d: pdf %.0f ms (%d pages, %d bytes), html %.0f ms (%d chars)%n",
          i + 1,
          (t1 - t0) / 1e6,
          PdfInspect.pages(pdf),
          pdf.length,
          (t2 - t1) / 1e6,
          html.length());
    }
  }
}
