package org.reap.render.packet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.reap.Pipeline;
import org.reap.cli.Main;
import org.reap.render.Renderer;

/**
 * What the packet costs, warm, in one JVM: {@code reap packet} for the sample item (wall clock,
 * median and minimum), and the joining step alone ({@link PacketAssembler#assemble}, which merges
 * the structure trees) over every document of the repository, in thread CPU time. {@code java -cp
 * ... org.reap.render.packet.PacketTimingMain [repo] [runs]} (defaults: plans, 15), run from the
 * project folder.
 */
public final class PacketTimingMain {
  private PacketTimingMain() {}

  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args.length > 0 ? args[0] : "plans");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    boolean plans = repo.equals(Path.of("plans"));
    LocalDate asOf = plans ? LocalDate.of(2024, 10, 29) : LocalDate.of(2025, 5, 1);
    String item = plans ? "score-rec-2024-10-29-item-4" : "riverton-eq-2025-05-13-item-2";
    String[] command = {
      "packet",
      item,
      "--plans",
      repo.toString(),
      "--as-of",
      asOf.toString(),
      "--out",
      System.getProperty("java.io.tmpdir") + "/reap-packet-timing"
    };
    double[] wall = new double[runs];
    for (int i = -3; i < runs; i++) {
      long start = System.nanoTime();
      int code =
          Main.run(
              command,
              new PrintWriter(new StringWriter()),
              new PrintWriter(new StringWriter()),
              Path.of("").toAbsolutePath());
      if (code != 0) {
        throw new IllegalStateException("reap packet exited with " + code);
      }
      if (i >= 0) {
        wall[i] = (System.nanoTime() - start) / 1e9;
      }
    }
    Arrays.sort(wall);
    System.out.printf(
        "reap packet %s: wall median %.3f s, min %.3f s (%d warm runs)%n",
        item, wall[runs / 2], wall[0], runs);

    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repo));
    Renderer r =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                asOf, Renderer.pdfDate(asOf), EnumSet.of(Renderer.Format.PDF), null, Set.of()));
    List<PacketAssembler.Part> parts = new ArrayList<>();
    for (Renderer.Job job : r.jobs()) {
      parts.add(new PacketAssembler.Part(job.name(), r.pdf(job)));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] cpu = new double[runs];
    int pages = 0;
    for (int i = -5; i < runs; i++) {
      long start = mx.getCurrentThreadCpuTime();
      PacketAssembler.Packet packet =
          PacketAssembler.assemble(
              parts, "Timing", "en", Instant.EPOCH, "Page {0} of {1}", true, "reap dev");
      if (i >= 0) {
        cpu[i] = (mx.getCurrentThreadCpuTime() - start) / 1e6;
      }
      pages =
          packet.firstPages().isEmpty()
              ? 0
              : new org.openpdf.text.pdf.PdfReader(packet.pdf()).getNumberOfPages();
    }
    Arrays.sort(cpu);
    System.out.printf(
        "assemble %d documents, %d pages: thread CPU median %.0f ms, min %.0f ms (%d runs)%n",
        parts.size(), pages, cpu[runs / 2], cpu[0], runs);
  }
}
