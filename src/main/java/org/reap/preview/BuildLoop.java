package org.reap.preview;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.diagnostic.Severity;
import org.reap.load.RepositoryLoader;

/**
 * The preview's build loop, on a thread of its own: a build ({@link SiteBuilder}) at the start and
 * after each batch of saves {@link TreeWatcher} reports; each build's snapshot goes to the {@link
 * EventHub} (open pages whose content changed reload) and one line about it to the log. Ends when
 * {@link #stop} was called, the watcher is closed or the thread is interrupted.
 */
final class BuildLoop implements Runnable {
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final PreviewServer.Config config;
  private final Path work;
  private final EventHub hub;
  private final TreeWatcher watcher;
  private final PrintWriter log;
  private final AtomicInteger builds = new AtomicInteger();
  private volatile boolean stopped;

  /**
   * Builds {@code config}'s documents into {@code work}, after each change {@code watcher} reports.
   */
  BuildLoop(
      PreviewServer.Config config, Path work, EventHub hub, TreeWatcher watcher, PrintWriter log) {
    this.config = config;
    this.work = work;
    this.hub = hub;
    this.watcher = watcher;
    this.log = log;
  }

  @Override
  public void run() {
    SiteBuilder builder = new SiteBuilder(config, work);
    boolean first = true;
    Set<Path> changed = Set.of();
    while (!stopped) {
      SiteBuilder.Build b = builder.build();
      if (stopped) {
        return;
      }
      Snapshot before = hub.current();
      hub.publish(b.snapshot());
      builds.incrementAndGet();
      report(first, changed, before, b);
      first = false;
      try {
        changed = watcher.next();
      } catch (InterruptedException e) {
        return;
      }
      if (changed == null) {
        return;
      }
    }
  }

  /** Asks the loop to end; a build under way is finished but not published. */
  void stop() {
    stopped = true;
  }

  /** How many builds have finished (the first one included). */
  int builds() {
    return builds.get();
  }

  /** Waits until {@code n} builds have finished; false on timeout. */
  boolean awaitBuilds(int n, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (builds.get() < n) {
      if (System.nanoTime() >= until) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private void report(boolean first, Set<Path> changed, Snapshot before, SiteBuilder.Build b) {
    StringBuilder sb = new StringBuilder();
    String took = String.format(Locale.ROOT, "(%.1f s)", b.millis() / 1000.0);
    if (first) {
      sb.append("reap preview: ");
    } else {
      sb.append(LocalTime.now().format(CLOCK))
          .append(' ')
          .append(describeChanges(config.check().base(), changed))
          .append(": ");
    }
    switch (b.snapshot()) {
      case Snapshot.Ready r -> {
        if (first) {
          sb.append("ready: ").append(Pages.plural(r.pages().size(), "document"));
        } else if (before instanceof Snapshot.Broken) {
          sb.append("fixed; ")
              .append(
                  b.updated().isEmpty()
                      ? "the documents are shown again"
                      : "updated " + String.join(", ", b.updated()));
        } else {
          sb.append(
              b.updated().isEmpty()
                  ? "no document changed"
                  : "updated " + String.join(", ", b.updated()));
        }
        if (!r.warnings().isEmpty()) {
          sb.append(", ").append(Pages.plural(r.warnings().size(), "warning"));
        }
        sb.append(' ').append(took);
        log.println(org.reap.diagnostic.TerminalText.safe(sb.toString()));
      }
      case Snapshot.Broken k -> {
        sb.append(Pages.plural(k.errors(), "error"))
            .append(": the preview shows ")
            .append(k.errors() == 1 ? "it" : "them")
            .append(" until fixed ")
            .append(took);
        log.println(sb);
        for (Diagnostic d : k.diagnostics()) {
          if (d.severity() == Severity.ERROR) {
            log.print(DiagnosticPrinter.text(d));
          }
        }
        for (Problems.RenderProblem p : k.problems()) {
          log.println(
              org.reap.diagnostic.TerminalText.safe(
                  (p.file() == null ? "" : p.file() + ": ")
                      + "error[render]: "
                      + p.document()
                      + ": "
                      + p.message()));
        }
      }
      case Snapshot.Preparing p -> log.println(sb.append("preparing"));
    }
    log.flush();
  }

  /**
   * What a batch of saves changed, as the log says it: the files that are there, and removed files
   * reap reads (not an editor's or a tool's temporaries), shown from {@code base}; at most three.
   */
  static String describeChanges(Path base, Set<Path> changed) {
    Path b = base.toAbsolutePath().normalize();
    List<String> files = new ArrayList<>();
    for (Path p : changed) {
      String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
      boolean known =
          n.endsWith(".yaml")
              || n.endsWith(".yml")
              || n.endsWith(".ftlx")
              || n.endsWith(".ftl")
              || n.endsWith(".css");
      if (Files.isRegularFile(p) || (!Files.exists(p) && known)) {
        files.add(RepositoryLoader.display(b, p) + (Files.exists(p) ? "" : " (removed)"));
      }
    }
    if (files.isEmpty()) {
      return "files changed";
    }
    if (files.size() > 3) {
      return files.get(0) + " and " + (files.size() - 1) + " more changed";
    }
    return String.join(", ", files) + " changed";
  }
}
