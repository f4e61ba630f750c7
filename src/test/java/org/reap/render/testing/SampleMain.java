package org.reap.render.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.reap.render.pdf.PdfEngine;

/**
 * Writes sample.pdf for looking at by eye: {@code java ... SampleMain OUT_DIR [extraParagraphs]}.
 */
public final class SampleMain {
  private SampleMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int extra = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    Files.createDirectories(out);
    long t0 = System.nanoTime();
    byte[] pdf = new PdfEngine(Path.of(".")).render(Samples.memo(extra), Samples.META);
    long t1 = System.nanoTime();
    Files.write(out.resolve("sample.pdf"), pdf);
    System.err.printf("first render %.0f ms, %d bytes%n", (t1 - t0) / 1e6, pdf.length);
  }
}
