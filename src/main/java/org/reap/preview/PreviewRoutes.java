package org.reap.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.Pipeline;
import org.reap.load.RepositoryLoader;
import org.reap.render.RenderException;

/**
 * The preview's addresses and answers: the list, {@code NAME.html}, {@code NAME.pdf} (from the
 * {@link PdfCache}) and {@code /_reap/...}, served from the {@link EventHub}'s current snapshot.
 * Nothing is read from disk by address; anything with {@code ..}, an escaped character or a
 * backslash is refused, as is a request from another computer, one that names another host than
 * 127.0.0.1 or localhost, and any method but GET and HEAD.
 */
final class PreviewRoutes implements HttpHandler {
  /** Output file names (as OutputDir allows them), with .html or .pdf. */
  private static final Pattern DOCUMENT =
      Pattern.compile("/([a-z0-9][a-z0-9._-]{0,199})\\.(html|pdf)");

  private static final Pattern PAGE = Pattern.compile("[a-z0-9_][a-z0-9._-]{0,199}");
  private static final Pattern TAG = Pattern.compile("[a-z0-9]{1,64}");

  private final EventHub hub;
  private final PdfCache pdfs;
  private final String source;
  private final IntSupplier port;
  private final PrintWriter log;
  private final SecureRandom random = new SecureRandom();

  /**
   * Answers from {@code hub}'s snapshots; {@code source} names what is previewed (see {@link
   * #describe}), {@code port} is the server's port (for the Host check), {@code log} gets internal
   * errors.
   */
  PreviewRoutes(EventHub hub, PdfCache pdfs, String source, IntSupplier port, PrintWriter log) {
    this.hub = hub;
    this.pdfs = pdfs;
    this.source = source;
    this.port = port;
    this.log = log;
  }

  /**
   * The plans folders and files being previewed, as the pages name them: "plans/", "a.yaml, b/".
   */
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

  @Override
  public void handle(HttpExchange ex) {
    boolean streaming = false;
    try {
      streaming = route(ex);
    } catch (IOException e) {
      // the browser went away
    } catch (RuntimeException e) {
      log.println(
          "reap preview: internal error while answering "
              + ex.getRequestURI().getRawPath()
              + ": "
              + e);
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
      text(
          ex,
          403,
          "reap preview answers only http://127.0.0.1:"
              + port()
              + "/ and http://localhost:"
              + port()
              + "/.");
      return false;
    }
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      ex.getResponseHeaders().set("Allow", "GET, HEAD");
      text(ex, 405, "reap preview only shows pages (GET and HEAD).");
      return false;
    }
    String path = ex.getRequestURI().getRawPath();
    if (path == null
        || path.contains("..")
        || path.contains("%")
        || path.contains("\\")
        || path.contains("//")) {
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
    return port.getAsInt();
  }

  private boolean hostAllowed(String host) {
    return hostAllowed(host, port());
  }

  /** Whether a request's Host header names this server: 127.0.0.1 or localhost, with its port. */
  static boolean hostAllowed(String host, int port) {
    if (host == null) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1:" + port) || h.equals("localhost:" + port);
  }

  private boolean events(HttpExchange ex) throws IOException {
    if (!ex.getRequestMethod().equals("GET")) {
      text(ex, 405, "events are GET only");
      return false;
    }
    Map<String, String> q = query(ex.getRequestURI().getRawQuery());
    String page = q.get("page");
    String etag = q.get("etag");
    if (page == null
        || etag == null
        || !PAGE.matcher(page).matches()
        || !TAG.matcher(etag).matches()) {
      text(ex, 400, "events need ?page=NAME&etag=TAG");
      return false;
    }
    headers(ex, "text/event-stream; charset=utf-8", null);
    hub.open(ex, page, etag);
    return true;
  }

  /** The parameters of a query string, undecoded; the first of a name repeated counts. */
  static Map<String, String> query(String raw) {
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

  /**
   * A page: {@code page} is a document's name, {@link Pages#INDEX}, {@link Pages#PROBLEMS}, or null
   * for an unknown address.
   */
  private void servePage(HttpExchange ex, Snapshot s, String page) throws IOException {
    String key = page == null ? "missing" : page;
    String etag = s.etag(key);
    String nonce = HexFormat.of().formatHex(nonceBytes());
    String script = Pages.script(key, etag, nonce);
    String html;
    int status = 200;
    switch (s) {
      case Snapshot.Preparing p ->
          html =
              Pages.page(
                  "Preparing the preview",
                  Pages.bar(new Pages.Bar(source, null, Pages.INDEX.equals(page), 0, "preparing…")),
                  Pages.preparingMain(source),
                  script);
      case Snapshot.Broken b ->
          html =
              Pages.page(
                  Pages.plural(b.errors(), "problem") + " to fix – reap preview",
                  Pages.bar(
                      new Pages.Bar(
                          source,
                          null,
                          Pages.INDEX.equals(page),
                          0,
                          "shows the documents again when the "
                              + (b.errors() == 1 ? "problem is" : "problems are")
                              + " fixed")),
                  Pages.brokenMain(b, source),
                  script);
      case Snapshot.Ready r -> {
        String state = "shows " + source + " as saved; updates by itself";
        if (Pages.INDEX.equals(page)) {
          html =
              Pages.inject(
                  new String(r.index(), StandardCharsets.UTF_8),
                  Pages.bar(new Pages.Bar(source, null, true, r.warnings().size(), state)),
                  script);
        } else if (Pages.PROBLEMS.equals(page)) {
          html =
              Pages.page(
                  Pages.plural(r.warnings().size(), "warning") + " – reap preview",
                  Pages.bar(new Pages.Bar(source, null, false, 0, state)),
                  Pages.warningsMain(r.warnings(), source),
                  script);
        } else if (page != null && r.pages().containsKey(page)) {
          html =
              Pages.inject(
                  new String(r.pages().get(page), StandardCharsets.UTF_8),
                  Pages.bar(
                      new Pages.Bar(source, page + ".pdf", false, r.warnings().size(), state)),
                  script);
        } else {
          status = 404;
          String shown = page != null ? page : ex.getRequestURI().getRawPath();
          html =
              Pages.page(
                  "Not found – reap preview",
                  Pages.bar(new Pages.Bar(source, null, false, r.warnings().size(), state)),
                  Pages.notFoundMain(shown),
                  script);
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
      // while preparing or broken the problems are shown instead; the page reloads as the
      // document's
      servePage(ex, s, name);
      return;
    }
    byte[] pdf;
    try {
      pdf = pdfs.pdf(r, name);
    } catch (RenderException e) {
      Snapshot.Broken failed =
          new Snapshot.Broken(
              List.of(),
              List.of(
                  new Problems.RenderProblem(
                      name + ".pdf",
                      r.jobs().get(name).source().file().displayPath(),
                      e.userMessage(),
                      e.hint())));
      String nonce = HexFormat.of().formatHex(nonceBytes());
      String html =
          Pages.page(
              "The PDF could not be made – reap preview",
              Pages.bar(new Pages.Bar(source, null, false, 0, "")),
              Pages.brokenMain(failed, source),
              Pages.script(name, r.etag(name), nonce));
      headers(ex, "text/html; charset=utf-8", nonce);
      send(ex, 500, html.getBytes(StandardCharsets.UTF_8));
      return;
    }
    headers(ex, "application/pdf", null);
    ex.getResponseHeaders().set("Content-Disposition", "inline; filename=\"" + name + ".pdf\"");
    send(ex, 200, pdf);
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
      h.set(
          "Content-Security-Policy",
          "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; script-src 'nonce-"
              + nonce
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
}
