package org.reap.preview;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.reap.Pipeline;
import org.reap.render.Renderer;
import org.reap.render.TemplateEngine;

/**
 * {@code reap preview}: a web server on this computer only (127.0.0.1) that shows the documents of
 * a plans folder as HTML, keeps them current while their files are edited, and shows the mistakes
 * in place of the documents while there are any.
 *
 * <ul>
 *   <li>Builds ({@link SiteBuilder}) go into a private temporary folder, never into the user's
 *       {@code out/}; it is deleted when the server stops.
 *   <li>{@link TreeWatcher} reports saves in the plans and templates folders; each starts a build,
 *       and every open page whose content changed reloads by itself (server-sent events from {@link
 *       EventHub}).
 *   <li>A document's PDF is made when its link is followed, and kept while its inputs are the same
 *       (the bytes are those {@code reap render} writes for the same as-of date).
 *   <li>Addresses are only the ones the server made: the list, {@code NAME.html}, {@code NAME.pdf}
 *       for a document that exists, and {@code /_reap/...}; nothing is read from disk by address,
 *       and anything with {@code ..}, an escaped character or a backslash is refused. Requests must
 *       name 127.0.0.1 or localhost as their host (so a web page cannot reach the server through a
 *       DNS name of its own), and only GET and HEAD are answered.
 * </ul>
 *
 * <p>This class starts and stops the parts and wires them: {@link BuildLoop} (builds after each
 * change, publishes snapshots, logs), {@link PreviewRoutes} (the addresses and their answers),
 * {@link PdfCache} (the PDFs made on demand), {@link EventHub} (the open pages' event streams).
 */
public final class PreviewServer implements AutoCloseable {
  /**
   * How the preview runs. {@code templates} is the templates folder given on the command line
   * (null: templates/ inside or beside the plans folder, as for reap render, when there is one).
   * {@code quiet} is how long the files must be left alone before a build starts; {@code scanFiles}
   * compares files instead of using the system's change notifications. {@code version} is reap's
   * own version, named in every page.
   */
  public record Config(
      Pipeline.Options check,
      Path templates,
      LocalDate asOf,
      Instant pdfDate,
      int port,
      Duration quiet,
      boolean scanFiles,
      String version) {
    public Config(
        Pipeline.Options check,
        Path templates,
        LocalDate asOf,
        Instant pdfDate,
        int port,
        Duration quiet,
        boolean scanFiles) {
      this(check, templates, asOf, pdfDate, port, quiet, scanFiles, Renderer.Options.DEV);
    }

    Path templatesFor(Path repoRoot) {
      return templates != null ? templates : TemplateEngine.defaultFolder(repoRoot);
    }
  }

  private final Path work;
  private final HttpServer http;
  private final ExecutorService handlers;
  private final ScheduledExecutorService pinger;
  private final EventHub hub = new EventHub();
  private final TreeWatcher watcher;
  private final BuildLoop buildLoop;
  private final Thread builderThread;
  private final PreviewRoutes routes;
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private volatile boolean closed;

  /**
   * Seconds a client may take to send a request's line and headers before the JDK's server closes
   * the connection ({@code sun.net.httpserver.maxReqTime}; read once, when the first server of the
   * process is made: in reap, by this class). A value given on the command line (-D) is kept; the
   * tests give 2 seconds.
   */
  public static final int REQUEST_READ_SECONDS = 10;

  static {
    requestReadTimeout();
  }

  /** Sets the request-read timeout unless one was given. */
  public static void requestReadTimeout() {
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_READ_SECONDS));
    }
  }

  private PreviewServer(
      Config config, PrintWriter log, Path work, HttpServer http, TreeWatcher watcher) {
    this.work = work;
    this.http = http;
    this.watcher = watcher;
    this.routes =
        new PreviewRoutes(
            hub,
            new PdfCache(log),
            PreviewRoutes.describe(config.check()),
            () -> http.getAddress().getPort(),
            log);
    // one virtual thread per exchange: a connection that sends a byte and waits (or an open event
    // stream) parks a
    // virtual thread, not one of a few platform threads, so it cannot starve the other requests
    this.handlers =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("reap-preview-http-", 1).factory());
    this.pinger = Executors.newSingleThreadScheduledExecutor(daemon("reap-preview-ping"));
    this.buildLoop = new BuildLoop(config, work, hub, watcher, log);
    this.builderThread = daemon("reap-preview-build").newThread(buildLoop);
  }

  /**
   * Starts the server on 127.0.0.1 ({@code config.port()}, 0 for a free one) and the first build;
   * pages show "preparing" until it has finished. Log lines (one per build) go to {@code log}.
   *
   * @throws java.net.BindException when the port is taken
   * @throws IOException when the temporary folder or the watcher cannot be set up
   */
  public static PreviewServer start(Config config, PrintWriter log) throws IOException {
    HttpServer http =
        HttpServer.create(
            new InetSocketAddress(
                InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), config.port()),
            0);
    Path work = null;
    TreeWatcher watcher = null;
    try {
      work = Files.createTempDirectory("reap-preview-");
      watcher = new TreeWatcher(watchedTrees(config), config.quiet(), config.scanFiles());
      PreviewServer server = new PreviewServer(config, log, work, http, watcher);
      http.createContext("/", server.routes);
      http.setExecutor(server.handlers);
      http.start();
      server.pinger.scheduleAtFixedRate(server.hub::ping, 15, 15, TimeUnit.SECONDS);
      server.builderThread.start();
      return server;
    } catch (IOException | RuntimeException e) {
      http.stop(0);
      if (watcher != null) {
        watcher.close();
      }
      deleteTree(work);
      throw e;
    }
  }

  /**
   * The plans folders (a file's folder for a file given) and the templates folders that may matter.
   */
  static List<Path> watchedTrees(Config config) {
    Set<Path> trees = new LinkedHashSet<>();
    Path base = config.check().base().toAbsolutePath().normalize();
    for (Path p : config.check().paths()) {
      Path abs = base.resolve(p).normalize();
      Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
      if (dir == null) {
        continue;
      }
      trees.add(dir);
      if (config.templates() == null) {
        trees.add(dir.resolveSibling("templates")); // templates/ inside the folder is in the tree
      }
    }
    if (config.templates() != null) {
      trees.add(base.resolve(config.templates()).normalize());
    }
    return List.copyOf(trees);
  }

  /** The address to open, such as http://127.0.0.1:8000/. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
  }

  /** The private folder the HTML is rendered into (deleted by {@link #close}). */
  public Path workFolder() {
    return work;
  }

  /** How many builds have finished (the first one included). */
  public int builds() {
    return buildLoop.builds();
  }

  /** Whether file changes are found by comparing files every quarter second (see TreeWatcher). */
  public boolean scanningFiles() {
    return watcher.scanning();
  }

  /** Waits until {@code n} builds have finished; false on timeout. */
  public boolean awaitBuilds(int n, Duration timeout) throws InterruptedException {
    return buildLoop.awaitBuilds(n, timeout);
  }

  /** Blocks until {@link #close} has been called (by Ctrl-C's shutdown hook, for the command). */
  public void awaitClosed() throws InterruptedException {
    closedLatch.await();
  }

  /** Stops the watcher, ends the event streams, stops the server and deletes the private folder. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    buildLoop.stop();
    watcher.close();
    builderThread.interrupt();
    hub.closeAll();
    pinger.shutdownNow();
    http.stop(0);
    handlers.shutdownNow();
    try {
      builderThread.join(10_000);
      handlers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(work);
    closedLatch.countDown();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  static void deleteTree(Path p) {
    if (p == null || !Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    } catch (IOException | RuntimeException e) {
      // a temporary folder left behind is harmless; the system cleans its temp folder
    }
  }

  /** For tests: the current snapshot. */
  Snapshot snapshot() {
    return hub.current();
  }

  /** For tests: how many event streams are open. */
  int streams() {
    return hub.size();
  }
}
