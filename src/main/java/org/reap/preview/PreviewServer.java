package org.reap.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.reap.Pipeline;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.diagnostic.Severity;
import org.reap.load.RepositoryLoader;
import org.reap.render.Renderer;
import org.reap.render.RenderException;
import org.reap.render.TemplateEngine;

/**
 * {@code reap preview}: a web server on this computer only (127.0.0.1) that shows the documents of
 * a plans folder as HTML, keeps them current while their files are edited, and shows the mistakes
 * in place of the documents while there are any.
 *
 * <ul>
 *   <li>Builds ({@link SiteBuilder}) go into a private temporary folder, never into the user's
 *       {@code out/}; it is deleted when the server stops.</li>
 *   <li>{@link TreeWatcher} reports saves in the plans and templates folders; each starts a build,
 *       and every open page whose content changed reloads by itself (server-sent events from
 *       {@link EventHub}).</li>
 *   <li>A document's PDF is made when its link is followed, and kept while its inputs are the same
 *       (the bytes are those {@code reap render} writes for the same as-of date).</li>
 *   <li>Addresses are only the ones the server made: the list, {@code NAME.html}, {@code NAME.pdf}
 *       for a document that exists, and {@code /_reap/...}; nothing is read from disk by address,
 *       and anything with {@code ..}, an escaped character or a backslash is refused. Requests must
 *       name 127.0.0.1 or localhost as their host (so a web page cannot reach the server through a
 *       DNS name of its own), and only GET and HEAD are answered.</li>
 * </ul>
 */
public final class PreviewServer implements AutoCloseable {
  /**
   * How the preview runs. {@code templates} is the templates folder given on the command line
   * (null: templates/ inside or beside the plans folder, as for reap render, when there is one). {@code quiet} is how long the files must be left
   * alone before a build starts; {@code scanFiles} compares files instead of using the system's
   * change notifications. {@code version} is reap's own version, named in every page.
   */
  public record Config(Pipeline.Options check, Path templates, LocalDate asOf, Instant pdfDate, int port, Duration quiet, boolean scanFiles, String version) {
    public Config(Pipeline.Options check, Path templates, LocalDate asOf, Instant pdfDate, int port, Duration quiet, boolean scanFiles) {
      this(check, templates, asOf, pdfDate, port, quiet, scanFiles, Renderer.Options.DEV);
    }

    Path templatesFor(Path repoRoot) {
      return templates != null ? templates : TemplateEngine.defaultFolder(repoRoot);
    }
  }

  /** Output file names (as OutputDir allows them), with .html or .pdf. */
  private static final Pattern DOCUMENT = Pattern.compile("/([a-z0-9][a-z0-9._-]{0,199})\\.(html|pdf)");
  private static final Pattern PAGE = Pattern.compile("[a-z0-9_][a-z0-9._-]{0,199}");
  private static final Pattern TAG = Pattern.compile("[a-z0-9]{1,64}");
  private static final int PDF_CACHE = 16;
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  private final Config config;
  private final PrintWriter log;
  private final Path work;
  private final HttpServer http;
  private final ExecutorService handlers;
  private final ScheduledExecutorService pinger;
  private final EventHub hub = new EventHub();
  private final TreeWatcher watcher;
  private final Thread builderThread;
  private final String source;
  private final SecureRandom random = new SecureRandom();
  private final CountDownLatch closedLatch = new CountDownLatch(1);
  private final AtomicInteger builds = new AtomicInteger();
  private final Object pdfLock = new Object();
  private final Map<String, Map.Entry<String, byte[]>> pdfs = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<String, byte[]>> eldest) {
      return size() > PDF_CACHE;
    }
  };
  private volatile boolean closed;

  /**
   * Seconds a client may take to send a request's line and headers before the JDK's server closes
   * the connection ({@code sun.net.httpserver.maxReqTime}; read once, when the first server of the
   * process is made: in reap, by this class). A value given on the command line (-D) is kept;
   * the tests give 2 seconds.
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

  private PreviewServer(Config config, PrintWriter log, Path work, HttpServer http, TreeWatcher watcher) {
    this.config = config;
    this.log = log;
    this.work = work;
    this.http = http;
    this.watcher = watcher;
    this.source = describe(config.check());
    // one virtual thread per exchange: a connection that sends a byte and waits (or an open event stream) parks a
    // virtual thread, not one of a few platform threads, so it cannot starve the other requests
    this.handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("reap-preview-http-", 1).factory());
    this.pinger = Executors.newSingleThreadScheduledExecutor(daemon("reap-preview-ping"));
    this.builderThread = daemon("reap-preview-build").newThread(this::buildLoop);
  }

  /**
   * Starts the server on 127.0.0.1 ({@code config.port()}, 0 for a free one) and the first build;
   * pages show "preparing" until it has finished. Log lines (one per build) go to {@code log}.
   *
   * @throws java.net.BindException when the port is taken
   * @throws IOException when the temporary folder or the watcher cannot be set up
   */
  public static PreviewServer start(Config config, PrintWriter log) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1}), config.port()), 0);
    Path work = null;
    TreeWatcher watcher = null;
    try {
      work = Files.createTempDirectory("reap-preview-");
      watcher = new TreeWatcher(watchedTrees(config), config.quiet(), config.scanFiles());
      PreviewServer server = new PreviewServer(config, log, work, http, watcher);
      http.createContext("/", server::handle);
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

  /** The plans folders (a file's folder for a file given) and the templates folders that may matter. */
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
    return builds.get();
  }

  /** Whether file changes are found by comparing files every quarter second (see TreeWatcher). */
  public boolean scanningFiles() {
    return watcher.scanning();
  }

  /** Waits until {@code n} builds have finished; false on timeout. */
  public boolean awaitBuilds(int n, Duration timeout) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (builds.get() < n) {
      if (System.nanoTime() >= until) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
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

  // ---- building ------------------------------------------------------------------------------

  private void buildLoop() {
    SiteBuilder builder = new SiteBuilder(config, work);
    boolean first = true;
    Set<Path> changed = Set.of();
    while (!closed) {
      SiteBuilder.Build b = builder.build();
      if (closed) {
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

  private void report(boolean first, Set<Path> changed, Snapshot before, SiteBuilder.Build b) {
    StringBuilder sb = new StringBuilder();
    String took = String.format(Locale.ROOT, "(%.1f s)", b.millis() / 1000.0);
    if (first) {
      sb.append("reap preview: ");
    } else {
      sb.append(LocalTime.now().format(CLOCK)).append(' ').append(describeChanges(changed)).append(": ");
    }
    switch (b.snapshot()) {
      case Snapshot.Ready r -> {
        if (first) {
          sb.append("ready: ").append(Pages.plural(r.pages().size(), "document"));
        } else if (before instanceof Snapshot.Broken) {
          sb.append("fixed; ").append(b.updated().isEmpty() ? "the documents are shown again" : "updated " + String.join(", ", b.updated()));
        } else {
          sb.append(b.updated().isEmpty() ? "no document changed" : "updated " + String.join(", ", b.updated()));
        }
        if (!r.warnings().isEmpty()) {
          sb.append(", ").append(Pages.plural(r.warnings().size(), "warning"));
        }
        sb.append(' ').append(took);
        log.println(org.reap.diagnostic.TerminalText.safe(sb.toString()));
      }
      case Snapshot.Broken k -> {
        sb.append(Pages.plural(k.errors(), "error")).append(": the preview shows ").append(k.errors() == 1 ? "it" : "them").append(" until fixed ").append(took);
        log.println(sb);
        for (Diagnostic d : k.diagnostics()) {
          if (d.severity() == Severity.ERROR) {
            log.print(DiagnosticPrinter.text(d));
          }
        }
        for (Problems.RenderProblem p : k.problems()) {
          log.println(org.reap.diagnostic.TerminalText.safe((p.file() == null ? "" : p.file() + ": ") + "error[render]: " + p.document() + ": " + p.message()));
        }
      }
      case Snapshot.Preparing p -> log.println(sb.append("preparing"));
    }
    log.flush();
  }

  private String describeChanges(Set<Path> changed) {
    Path base = config.check().base().toAbsolutePath().normalize();
    List<String> files = new ArrayList<>();
    for (Path p : changed) {
      // files that are there, and removed files reap reads (not an editor's or a tool's temporaries)
      String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
      boolean known = n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".ftlx") || n.endsWith(".ftl") || n.endsWith(".css");
      if (Files.isRegularFile(p) || (!Files.exists(p) && known)) {
        files.add(RepositoryLoader.display(base, p) + (Files.exists(p) ? "" : " (removed)"));
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

  static String describe(Pipeline.Options check) {
    List<String> shown = new ArrayList<>();
    Path base = check.base().toAbsolutePath().normalize();
    for (Path p : check.paths()) {
      Path abs = base.resolve(p).normalize();
      String s = RepositoryLoader.display(base, abs);
      shown.add(s.isEmpty() ? "." : Files.isDirectory(abs) && !s.endsWith("/") ? s + "/" : s);
    }
    return String.join(", ", shown);
  }

  // ---- serving -------------------------------------------------------------------------------

  private void handle(HttpExchange ex) {
    boolean streaming = false;
    try {
      streaming = route(ex);
    } catch (IOException e) {
      // the browser went away
    } catch (RuntimeException e) {
      log.println("reap preview: internal error while answering " + ex.getRequestURI().getRawPath() + ": " + e);
      log.flush();
      try {
        text(ex, 500, "reap preview: internal error (a bug in reap): " + e);
      } catch (IOException | RuntimeException ignored) {
        // nothing more to say
      }
    } finally {
      if (!streaming) {
        ex.close();
      }
    }
  }

  /** Answers one request; true when it became an event stream (left open). */
  private boolean route(HttpExchange ex) throws IOException {
    if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
      text(ex, 403, "reap preview answers this computer only.");
      return false;
    }
    if (!hostAllowed(ex.getRequestHeaders().getFirst("Host"))) {
      text(ex, 403, "reap preview answers only http://127.0.0.1:" + port() + "/ and http://localhost:" + port() + "/.");
      return false;
    }
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      text(ex, 405, "reap preview only shows pages (GET and HEAD).");
      return false;
    }
    String path = ex.getRequestURI().getRawPath();
    if (path == null || path.contains("..") || path.contains("%") || path.contains("\\") || path.contains("//")) {
      text(ex, 400, "That is not an address reap preview serves.");
      return false;
    }
    Snapshot s = hub.current();
    switch (path) {
      case "/", "/index.html" -> {
        servePage(ex, s, Pages.INDEX);
        return false;
      }
      case Pages.PROBLEMS_PATH -> {
        servePage(ex, s, Pages.PROBLEMS);
        return false;
      }
      case Pages.EVENTS_PATH -> {
        return events(ex);
      }
      case "/favicon.ico" -> {
        ex.sendResponseHeaders(204, -1);
        return false;
      }
      default -> {
        Matcher m = DOCUMENT.matcher(path);
        if (!m.matches()) {
          servePage(ex, s, null);
        } else if (m.group(2).equals("pdf")) {
          servePdf(ex, s, m.group(1));
        } else {
          servePage(ex, s, m.group(1));
        }
        return false;
      }
    }
  }

  private int port() {
    return http.getAddress().getPort();
  }

  private boolean hostAllowed(String host) {
    if (host == null) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1:" + port()) || h.equals("localhost:" + port());
  }

  private boolean events(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("GET")) {
      text(ex, 405, "events are GET only");
      return false;
    }
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    String page = q.get("page");
    String etag = q.get("etag");
    if (page == null || etag == null || !PAGE.matcher(page).matches() || !TAG.matcher(etag).matches()) {
      text(ex, 400, "events need ?page=NAME&etag=TAG");
      return false;
    }
    headers(ex, "text/event-stream; charset=utf-8", null);
    hub.open(ex, page, etag);
    return true;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        out.putIfAbsent(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return out;
  }

  /** A page: {@code page} is a document's name, {@link Pages#INDEX}, {@link Pages#PROBLEMS}, or null for an unknown address. */
  private void servePage(HttpExchange ex, Snapshot s, String page) throws IOException {
    String key = page == null ? "missing" : page;
    String etag = s.etag(key);
    String nonce = HexFormat.of().formatHex(nonceBytes());
    String script = Pages.script(key, etag, nonce);
    String html;
    int status = 200;
    switch (s) {
      case Snapshot.Preparing p -> html = Pages.page("Preparing the preview", Pages.bar(new Pages.Bar(source, null, Pages.INDEX.equals(page), 0, "preparing…")), Pages.preparingMain(source), script);
      case Snapshot.Broken b -> html = Pages.page(Pages.plural(b.errors(), "problem") + " to fix – reap preview",
          Pages.bar(new Pages.Bar(source, null, Pages.INDEX.equals(page), 0, "shows the documents again when the " + (b.errors() == 1 ? "problem is" : "problems are") + " fixed")),
          Pages.brokenMain(b, source), script);
      case Snapshot.Ready r -> {
        String state = "shows " + source + " as saved; updates by itself";
        if (Pages.INDEX.equals(page)) {
          html = Pages.inject(new String(r.index(), StandardCharsets.UTF_8), Pages.bar(new Pages.Bar(source, null, true, r.warnings().size(), state)), script);
        } else if (Pages.PROBLEMS.equals(page)) {
          html = Pages.page(Pages.plural(r.warnings().size(), "warning") + " – reap preview", Pages.bar(new Pages.Bar(source, null, false, 0, state)), Pages.warningsMain(r.warnings(), source), script);
        } else if (page != null && r.pages().containsKey(page)) {
          html = Pages.inject(new String(r.pages().get(page), StandardCharsets.UTF_8), Pages.bar(new Pages.Bar(source, page + ".pdf", false, r.warnings().size(), state)), script);
        } else {
          status = 404;
          String shown = page != null ? page : ex.getRequestURI().getRawPath();
          html = Pages.page("Not found – reap preview", Pages.bar(new Pages.Bar(source, null, false, r.warnings().size(), state)), Pages.notFoundMain(shown), script);
        }
      }
    }
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    headers(ex, "text/html; charset=utf-8", nonce);
    send(ex, status, body);
  }

  private byte[] nonceBytes() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    return b;
  }

  private void servePdf(HttpExchange ex, Snapshot s, String name) throws IOException {
    if (!(s instanceof Snapshot.Ready r) || !r.jobs().containsKey(name)) {
      // while preparing or broken the problems are shown instead; the page reloads as the document's
      servePage(ex, s, name);
      return;
    }
    byte[] pdf;
    try {
      pdf = pdf(r, name);
    } catch (RenderException e) {
      Snapshot.Broken failed = new Snapshot.Broken(List.of(), List.of(new Problems.RenderProblem(name + ".pdf", r.jobs().get(name).source().file().displayPath(), e.userMessage(), e.hint())));
      String nonce = HexFormat.of().formatHex(nonceBytes());
      String html = Pages.page("The PDF could not be made – reap preview", Pages.bar(new Pages.Bar(source, null, false, 0, "")), Pages.brokenMain(failed, source), Pages.script(name, r.etag(name), nonce));
      headers(ex, "text/html; charset=utf-8", nonce);
      send(ex, 500, html.getBytes(StandardCharsets.UTF_8));
      return;
    }
    headers(ex, "application/pdf", null);
    ex.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
    send(ex, 200, pdf);
  }

  /** The PDF of a document, rendered when first asked for and kept while its inputs are the same. */
  private byte[] pdf(Snapshot.Ready r, String name) throws RenderException {
    String key = r.keys().get(name);
    synchronized (pdfLock) {
      Map.Entry<String, byte[]> cached = pdfs.get(name);
      if (cached != null && cached.getKey().equals(key)) {
        return cached.getValue();
      }
      long start = System.nanoTime();
      byte[] bytes = r.renderer().pdf(r.jobs().get(name));
      pdfs.put(name, Map.entry(key, bytes));
      log.println(LocalTime.now().format(CLOCK) + " made " + name + ".pdf " + String.format(Locale.ROOT, "(%.1f s)", (System.nanoTime() - start) / 1e9));
      log.flush();
      return bytes;
    }
  }

  private static void headers(HttpExchange ex, String type, String nonce) {
    var h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("Cache-Control", "no-store");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "no-referrer");
    h.set("X-Frame-Options", "DENY");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    if (type.startsWith("text/html")) {
      // the documents need their inline styles and SVG; the only script is the preview's own
      h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; script-src 'nonce-" + nonce
          + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    if (ex.getRequestMethod().equals("HEAD")) {
      ex.sendResponseHeaders(status, -1);
      return;
    }
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  private static void text(HttpExchange ex, int status, String message) throws IOException {
    headers(ex, "text/plain; charset=utf-8", null);
    send(ex, status, (message + "\n").getBytes(StandardCharsets.UTF_8));
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
