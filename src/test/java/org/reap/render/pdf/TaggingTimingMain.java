package org.reap.render.pdf;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.reap.Pipeline;
import org.reap.render.Renderer;

/**
 * What tagging costs, warm, per document: renders every document of a repository with and without
 * tagging, interleaved, and prints the medians. {@code java -cp ...
 * org.reap.render.pdf.TaggingTimingMain [repo] [runs]} (defaults: plans, 7); {@code -Dcpu=true}
 * times the thread's CPU instead of the wall clock, {@code -Dmin=true} prints minimums instead of
 * medians, {@code -Donly=NAME} times one document.
 */
public final class TaggingTimingMain {
  private TaggingTimingMain() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : "plans");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    LocalDate asOf = LocalDate.of(2024, 10, 29);
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    Renderer r =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                asOf, Renderer.pdfDate(asOf), EnumSet.of(Renderer.Format.PDF), null, Set.of()));
    PdfEngine engine = new PdfEngine(repo);
    List<String> names = new ArrayList<>();
    List<String> xhtmls = new ArrayList<>();
    List<PdfMeta> metas = new ArrayList<>();
    for (Renderer.Job job : r.jobs()) {
      if (System.getProperty("only") != null && !job.name().equals(System.getProperty("only"))) {
        continue;
      }
      names.add(job.name());
      xhtmls.add(r.xhtml(job));
      metas.add(
          new PdfMeta(
              job.title(), job.language(), null, null, null, "reap", Renderer.pdfDate(asOf)));
    }
    // warm-up: five full rounds of both
    for (int w = 0; w < 5; w++) {
      for (int i = 0; i < names.size(); i++) {
        engine.render(xhtmls.get(i), metas.get(i), true);
        engine.render(xhtmls.get(i), metas.get(i), false);
      }
    }
    double totalTagged = 0;
    double totalPlain = 0;
    System.out.printf(
        "%-46s %6s %10s %10s %8s%n", "document", "pages", "plain ms", "tagged ms", "change");
    for (int i = 0; i < names.size(); i++) {
      double[] tagged = new double[runs];
      double[] plain = new double[runs];
      int pages = 0;
      for (int k = 0; k < runs; k++) {
        long t0 = now();
        byte[] p = engine.render(xhtmls.get(i), metas.get(i), false);
        long t1 = now();
        engine.render(xhtmls.get(i), metas.get(i), true);
        long t2 = now();
        plain[k] = (t1 - t0) / 1e6;
        tagged[k] = (t2 - t1) / 1e6;
        pages = org.reap.render.testing.PdfInspect.pages(p);
      }
      double mp = MIN ? min(plain) : median(plain);
      double mt = MIN ? min(tagged) : median(tagged);
      totalPlain += mp;
      totalTagged += mt;
      System.out.printf(
          "%-46s %6d %10.1f %10.1f %+7.1f%%%n", names.get(i), pages, mp, mt, 100 * (mt - mp) / mp);
    }
    System.out.printf(
        "%-46s %6s %10.1f %10.1f %+7.1f%%%n",
        "sum of medians",
        "",
        totalPlain,
        totalTagged,
        100 * (totalTagged - totalPlain) / totalPlain);
  }

  /** -Dcpu=true: this thread's CPU time instead of wall time (not disturbed by other processes). */
  private static final boolean CPU = Boolean.getBoolean("cpu");

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private static long now() {
    return CPU ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }

  /** -Dmin=true: minimum instead of median (steadier on a busy machine). */
  private static final boolean MIN = Boolean.getBoolean("min");

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(0);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
