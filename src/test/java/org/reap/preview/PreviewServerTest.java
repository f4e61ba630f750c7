package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reap.Pipeline;
import org.reap.cli.Run;
import org.reap.render.Renderer;
import org.reap.testing.TestFiles;

/**
 * The preview server in-process, on a free port, over a copy of docs/examples: what it serves, what
 * it refuses, how it follows edits (a change, a mistake, the fix), and its event streams.
 */
class PreviewServerTest {
  static final LocalDate AS_OF = LocalDate.parse("2025-05-01");
  static final String TIMELINE = "riverton-2025-timeline";
  static final String MEMO = "riverton-eq-2025-05-13-item-2";
  static final String RETREAT = "    owner: Equity Core Team\n    status: in-progress\n";
  static final String RETREAT_DONE =
      "    owner: Equity Core Team\n    status: done\n    completed: 2025-03-17\n    notes: Held at the Riverton Public Library.\n";
  static final Duration BUILD = Duration.ofSeconds(30);

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A server that nothing edits, shared by the read-only tests. */
  static Path shared;

  static PreviewServer server;
  static StringWriter sharedLog = new StringWriter();

  @BeforeAll
  static void startShared(@TempDir Path tmp) throws Exception {
    shared = tmp;
    TestFiles.copyTree(Path.of("docs/examples"), tmp.resolve("plans"));
    server = start(tmp, false, sharedLog);
  }

  @AfterAll
  static void stopShared() {
    if (server != null) {
      server.close();
    }
  }

  static PreviewServer start(Path dir, boolean scan, StringWriter log) throws Exception {
    Pipeline.Options check =
        new Pipeline.Options(List.of(Path.of("plans")), dir, false, Map.of(), Set.of());
    PreviewServer.Config config =
        new PreviewServer.Config(
            check, null, AS_OF, Renderer.pdfDate(AS_OF), 0, Duration.ofMillis(150), scan);
    PreviewServer s = PreviewServer.start(config, new PrintWriter(log, true));
    assertThat(s.awaitBuilds(1, BUILD)).as("first build; log:\n" + log).isTrue();
    return s;
  }

  record Page(int status, String body, java.net.http.HttpHeaders headers, byte[] bytes) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  static Page get(PreviewServer s, String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(s.url().resolve(path)).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Page(
        r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers(), r.body());
  }

  /**
   * A request written by hand, for what HttpClient will not send (a path with .., another Host).
   */
  static String raw(PreviewServer s, String requestLine, String host) throws IOException {
    try (Socket sock = new Socket("127.0.0.1", s.url().getPort())) {
      sock.setSoTimeout(10_000);
      OutputStream out = sock.getOutputStream();
      out.write(
          (requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(sock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String host(PreviewServer s) {
    return "127.0.0.1:" + s.url().getPort();
  }

  /** Waits until the page contains {@code text} (builds run on their own thread after a save). */
  static Page await(PreviewServer s, String path, String text) throws Exception {
    long until = System.nanoTime() + BUILD.toNanos();
    Page p = get(s, path);
    while (!p.body().contains(text) && System.nanoTime() < until) {
      Thread.sleep(25);
      p = get(s, path);
    }
    assertThat(p.body()).as("waited for the page to show it").contains(text);
    return p;
  }

  static void edit(Path file, String from, String to) throws IOException {
    String s = Files.readString(file);
    assertThat(s).contains(from);
    Files.writeString(file, s.replace(from, to));
  }

  // ---- serving ---------------------------------------------------------------------------------

  @Test
  void servesTheListAndEveryDocumentWithTheBarAndScript() throws Exception {
    assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
    Page index = get(server, "/");
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(index.header("Cache-Control")).isEqualTo("no-store");
    assertThat(index.body())
        .contains(
            "Riverton 2025 Timeline",
            "Permit Fee Waiver for Small Home Repairs",
            "href=\"" + TIMELINE + ".html\"",
            "href=\"" + MEMO + ".pdf\"");
    assertThat(index.body())
        .contains(
            "<nav class=\"reap-preview-bar\" aria-label=\"Preview\">",
            "/_reap/events?page=index&etag=");
    String nonce32 = "nonce=\"[0-9a-f]{32}\"";
    assertThat(get(server, "/index.html").body().replaceAll(nonce32, ""))
        .isEqualTo(index.body().replaceAll(nonce32, ""));

    Page timeline = get(server, "/" + TIMELINE + ".html");
    assertThat(timeline.status()).isEqualTo(200);
    assertThat(timeline.body())
        .contains(
            "Core team retreat",
            "<a href=\"/" + TIMELINE + ".pdf\" target=\"_blank\" rel=\"noopener\">Open the PDF</a>",
            "<a href=\"/\">All documents</a>");
    // the only script is the preview's, allowed by its nonce
    Matcher nonce = Pattern.compile("<script nonce=\"([0-9a-f]{32})\">").matcher(timeline.body());
    assertThat(nonce.find()).isTrue();
    assertThat(timeline.header("Content-Security-Policy"))
        .contains(
            "script-src 'nonce-" + nonce.group(1) + "'",
            "default-src 'none'",
            "frame-ancestors 'none'");
    assertThat(timeline.body().split("<script", -1)).hasSize(2);
    // the head is the document's own: the bar comes right after <body>
    assertThat(timeline.body())
        .containsPattern("<body[^>]*><style>[^<]*</style><nav class=\"reap-preview-bar\"");

    Page head = send(server, "HEAD", "/" + TIMELINE + ".html");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.bytes()).isEmpty();
  }

  static Page send(PreviewServer s, String method, String path)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        HTTP.send(
            HttpRequest.newBuilder(s.url().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return new Page(
        r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.headers(), r.body());
  }

  @Test
  void rendersIntoAPrivateFolderExactlyWhatRenderWrites() throws Exception {
    Path work = server.workFolder();
    assertThat(work.startsWith(shared)).as("private folder outside the repository").isFalse();
    assertThat(shared.resolve("out")).doesNotExist();
    Path out = shared.resolve("render-out");
    Run r =
        Run.in(
            shared,
            "render",
            "plans",
            "--as-of",
            AS_OF.toString(),
            "--format",
            "html",
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    for (String name : List.of(TIMELINE, MEMO, "riverton-reap-2025-progress")) {
      byte[] rendered = Files.readAllBytes(out.resolve(name + ".html"));
      assertThat(Files.readAllBytes(work.resolve(name + ".html"))).as(name).isEqualTo(rendered);
      assertThat(new String(rendered, StandardCharsets.UTF_8))
          .doesNotContain("<script", "reap-preview");
      // what is served is that file with the bar and the script added, nothing else
      String served = get(server, "/" + name + ".html").body();
      String stripped =
          served
              .replaceFirst("<style>[^<]*</style><nav class=\"reap-preview-bar\".*?</nav>", "")
              .replaceFirst("<script nonce=\"[0-9a-f]{32}\">.*?</script>", "");
      assertThat(stripped).isEqualTo(new String(rendered, StandardCharsets.UTF_8));
    }
  }

  @Test
  void makesThePdfOnDemandWithTheBytesRenderWrites() throws Exception {
    Page pdf = get(server, "/" + MEMO + ".pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(pdf.header("Content-Disposition"))
        .isEqualTo("inline; filename=\"" + MEMO + ".pdf\"");
    Path out = shared.resolve("pdf-out");
    Run r =
        Run.in(
            shared,
            "render",
            "plans",
            "--as-of",
            AS_OF.toString(),
            "--format",
            "pdf",
            "--only",
            MEMO,
            "--out",
            out.toString());
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(pdf.bytes()).isEqualTo(Files.readAllBytes(out.resolve(MEMO + ".pdf")));
    assertThat(sharedLog.toString()).contains("made " + MEMO + ".pdf");
    // asked again: the same bytes, not made again
    int made = count(sharedLog.toString(), "made " + MEMO + ".pdf");
    assertThat(get(server, "/" + MEMO + ".pdf").bytes()).isEqualTo(pdf.bytes());
    assertThat(count(sharedLog.toString(), "made " + MEMO + ".pdf")).isEqualTo(made);
  }

  static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void refusesPathsOutsideWhatItServes() throws Exception {
    String h = host(server);
    for (String path :
        List.of(
            "/../plans/milestones.yaml",
            "/%2e%2e/plans/milestones.yaml",
            "/..%2fplans%2fmilestones.yaml",
            "/" + TIMELINE + "%2ehtml",
            "/..\\plans\\milestones.yaml",
            "/a/../../etc/passwd")) {
      String answer = raw(server, "GET " + path + " HTTP/1.1", h);
      // refused by the server's own check, or (a backslash) by the JDK's request parser before it
      assertThat(answer)
          .as(path)
          .startsWith("HTTP/1.1 400 ")
          .doesNotContain("kind: milestones", "root:");
    }
    for (String path :
        List.of(
            "/plans/milestones.yaml",
            "/milestones.yaml",
            "/" + TIMELINE + ".yaml",
            "/reap-manifest.tsv",
            "/.reap/manifest.tsv",
            "/.reap/lock",
            "/RIVERTON-2025-TIMELINE.html",
            "/nothing.html",
            "/nothing.pdf")) {
      Page p = get(server, path);
      assertThat(p.status()).as(path).isEqualTo(404);
      assertThat(p.body())
          .as(path)
          .contains("There is no document called")
          .doesNotContain("kind: milestones", "reap render manifest");
    }
    // the JDK reads //etc/passwd as a host name "etc" and the path /passwd: no such document
    assertThat(raw(server, "GET //etc/passwd HTTP/1.1", h))
        .startsWith("HTTP/1.1 404 ")
        .contains("There is no document called /passwd")
        .doesNotContain("root:");
    assertThat(get(server, "/favicon.ico").status()).isEqualTo(204);
  }

  @Test
  void answersOnlyLoopbackNamesAndReadingMethods() throws Exception {
    int port = server.url().getPort();
    assertThat(raw(server, "GET / HTTP/1.1", "localhost:" + port)).startsWith("HTTP/1.1 200 ");
    // another name for this computer (DNS rebinding from a web page) is refused
    assertThat(raw(server, "GET / HTTP/1.1", "attacker.example:" + port))
        .startsWith("HTTP/1.1 403 ");
    assertThat(raw(server, "GET / HTTP/1.1", "127.0.0.1:" + (port == 1 ? 2 : port - 1)))
        .startsWith("HTTP/1.1 403 ");
    Page post = send(server, "POST", "/");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
    assertThat(send(server, "DELETE", "/" + TIMELINE + ".html").status()).isEqualTo(405);
    // bound to the loopback interface only
    assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
    assertThat(new java.net.InetSocketAddress("127.0.0.1", port).getAddress().isLoopbackAddress())
        .isTrue();
  }

  // ---- following edits -------------------------------------------------------------------------

  @ParameterizedTest(name = "scan files: {0}")
  @ValueSource(booleans = {false, true})
  void followsAnEditAMistakeAndItsFix(boolean scan, @TempDir Path dir) throws Exception {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    StringWriter log = new StringWriter();
    try (PreviewServer s = start(dir, scan, log)) {
      assertThat(s.scanningFiles()).isEqualTo(scan);
      String path = "/" + TIMELINE + ".html";
      assertThat(get(s, path).body())
          .contains("Core team retreat")
          .doesNotContain("completed <span class=\"nowrap\">3/17/2025</span>");
      Path milestones = dir.resolve("plans/milestones.yaml");

      // 1. a change shows up
      long t0 = System.nanoTime();
      edit(milestones, RETREAT, RETREAT_DONE);
      Page changed = await(s, path, "completed <span class=\"nowrap\">3/17/2025</span>");
      long changedMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(changed.body()).contains("completed <span class=\"nowrap\">3/17/2025</span>");
      assertThat(log.toString()).contains("plans/milestones.yaml changed: updated " + TIMELINE);

      // 2. a mistake replaces every page by the diagnostics, with file, line, column, hint and
      // source line
      edit(
          milestones,
          "    status: done\n    completed: 2025-03-17\n    notes: Held",
          "    status: finished\n    completed: 2025-03-17\n    notes: Held");
      int line = lineOf(Files.readString(milestones), "    status: finished");
      Page broken = await(s, path, "milestones.yaml, line " + line);
      assertThat(broken.body())
          .contains(
              "plans/milestones.yaml, line " + line + ", column 13",
              "<code>plans/milestones.yaml:" + line + ":13</code>",
              "&quot;status&quot; cannot be &quot;finished&quot;",
              "did you mean &quot;done&quot;?",
              "status: <mark>finished</mark>",
              "<span class=\"ln\" aria-hidden=\"true\">" + line + "</span>",
              "1 problem to fix in plans/");
      assertThat(broken.body()).doesNotContain("Core team retreat</td>");
      for (String other :
          List.of(
              "/",
              "/" + MEMO + ".html",
              "/" + MEMO + ".pdf",
              "/" + Pages.PROBLEMS_PATH.substring(1))) {
        Page p = get(s, other);
        assertThat(p.header("Content-Type")).as(other).startsWith("text/html");
        assertThat(p.body()).as(other).contains("plans/milestones.yaml:" + line + ":13");
      }
      assertThat(log.toString())
          .contains(
              "1 error: the preview shows it until fixed",
              "plans/milestones.yaml:" + line + ":13: error[schema.bad-value]");

      // 3. the fix brings the document back
      edit(milestones, "status: finished", "status: done");
      Page fixed = await(s, path, "completed <span class=\"nowrap\">3/17/2025</span>");
      assertThat(fixed.body()).doesNotContain("problem to fix");
      assertThat(log.toString()).contains("fixed; ");
      System.out.printf("preview (scan files: %s): an edit showed after %d ms%n", scan, changedMs);
    }
  }

  static int lineOf(String text, String line) {
    List<String> lines = text.lines().toList();
    return lines.indexOf(line) + 1;
  }

  @Test
  void reRendersOnlyWhatAChangeTouchesAndShowsWarnings(@TempDir Path dir) throws Exception {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    StringWriter log = new StringWriter();
    try (PreviewServer s = start(dir, false, log)) {
      byte[] memoBefore = Files.readAllBytes(s.workFolder().resolve(MEMO + ".html"));
      edit(
          dir.resolve("plans/findings.yaml"),
          "title: What We Heard",
          "title: What We Heard in Riverton");
      assertThat(s.awaitBuilds(2, BUILD)).isTrue();
      await(s, "/riverton-what-we-heard.html", "What We Heard in Riverton");
      String line =
          log.toString()
              .lines()
              .filter(l -> l.contains("plans/findings.yaml changed"))
              .findFirst()
              .orElseThrow();
      assertThat(line)
          .contains("updated riverton-what-we-heard")
          .doesNotContain(TIMELINE)
          .doesNotContain("riverton-indicators");
      // the private folder's manifest has reap render's whole-run entry: a save that changes no
      // byte skips every template
      assertThat(Files.readString(s.workFolder().resolve(".reap/manifest.tsv")))
          .containsPattern("(?m)^\\*\t[0-9a-f]{64}\tindex.html=");
      int builds = s.builds();
      Path findings = dir.resolve("plans/findings.yaml");
      Files.writeString(findings, Files.readString(findings));
      Files.setLastModifiedTime(
          findings, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
      assertThat(s.awaitBuilds(builds + 1, BUILD)).isTrue();
      assertThat(log.toString().lines().reduce((a, b) -> b).orElseThrow())
          .contains("plans/findings.yaml changed: no document changed");

      // a milestone marked done without its completion date: a warning, and the documents still
      // show
      edit(
          dir.resolve("plans/milestones.yaml"),
          RETREAT,
          "    owner: Equity Core Team\n    status: done\n");
      Page timeline = await(s, "/" + TIMELINE + ".html", ">1 warning</a>");
      assertThat(timeline.body()).contains("Core team retreat");
      Page problems = get(s, Pages.PROBLEMS_PATH);
      assertThat(problems.body())
          .contains(
              "1 warning in plans/", "status.done-without-date", "plans/milestones.yaml, line");
      assertThat(Files.readAllBytes(s.workFolder().resolve(MEMO + ".html"))).isNotEmpty();
      assertThat(memoBefore).isNotEmpty();
    }
  }

  @Test
  void templatesAreWatchedToo(@TempDir Path dir) throws Exception {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    StringWriter log = new StringWriter();
    try (PreviewServer s = start(dir, false, log)) {
      // templates/ appears beside plans/ after the preview started: it is picked up
      Files.createDirectories(dir.resolve("templates/lib"));
      String css =
          new String(
              getClass().getResourceAsStream("/reap/templates/lib/style.css").readAllBytes(),
              StandardCharsets.UTF_8);
      Path style = dir.resolve("templates/lib/style.css");
      Files.writeString(style, css + "\n.preview-test-marker { color: #000000; }\n");
      await(s, "/" + MEMO + ".html", ".preview-test-marker");
      // a broken template shows as a problem for each document that uses it
      Files.writeString(
          dir.resolve("templates/findings.ftlx"),
          "<#ftl output_format=\"XHTML\">\n<html><body><p>${nothing.here}</p></body></html>\n");
      Page broken = await(s, "/riverton-what-we-heard.html", "could not be made");
      assertThat(broken.body())
          .contains("riverton-what-we-heard could not be made (from plans/findings.yaml)");
      Files.delete(dir.resolve("templates/findings.ftlx"));
      await(s, "/riverton-what-we-heard.html", "What We Heard");
    }
  }

  // ---- events ----------------------------------------------------------------------------------

  @Test
  void tellsAnOpenPageToReloadOnlyWhenItChanged(@TempDir Path dir) throws Exception {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    StringWriter log = new StringWriter();
    try (PreviewServer s = start(dir, false, log)) {
      String etag = s.snapshot().etag(TIMELINE);
      String indicatorsTag = s.snapshot().etag("riverton-indicators");
      Stream timeline = Stream.open(s, TIMELINE, etag);
      Stream indicators = Stream.open(s, "riverton-indicators", indicatorsTag);
      assertThat(timeline.next()).isEqualTo("retry: 1000");
      Stream stale = Stream.open(s, TIMELINE, "0123abcd");
      // a page served before the last build is told at once
      assertThat(stale.lines(Duration.ofSeconds(5))).contains("event: reload", "data: " + TIMELINE);

      // a change that does not touch the timeline: no event for it
      int builds = s.builds();
      edit(
          dir.resolve("plans/findings.yaml"),
          "title: What We Heard",
          "title: What We Heard in Riverton");
      assertThat(s.awaitBuilds(builds + 1, BUILD)).isTrue();
      assertThat(timeline.lines(Duration.ofMillis(500))).doesNotContain("event: reload");
      assertThat(timeline.ended()).isFalse();

      // a change to it: reload, then the stream ends
      edit(dir.resolve("plans/milestones.yaml"), RETREAT, RETREAT_DONE);
      assertThat(timeline.lines(BUILD)).contains("event: reload", "data: " + TIMELINE);
      assertThat(timeline.ended()).isTrue();
      assertThat(s.snapshot().etag(TIMELINE)).isNotEqualTo(etag);
      // the plan's indicators page does not show milestones
      assertThat(s.snapshot().etag("riverton-indicators")).isEqualTo(indicatorsTag);
      assertThat(indicators.lines(Duration.ofMillis(300))).doesNotContain("event: reload");

      // a mistake changes every page
      edit(
          dir.resolve("plans/milestones.yaml"),
          "status: done\n    completed: 2025-03-17\n    notes",
          "status: finished\n    completed: 2025-03-17\n    notes");
      assertThat(indicators.lines(BUILD)).contains("event: reload");
      assertThat(get(s, "/_reap/events?page=../x&etag=1").status()).isEqualTo(400);
      assertThat(get(s, "/_reap/events").status()).isEqualTo(400);
    }
    // stopping ends the streams and removes the private folder
  }

  @Test
  void aFifoNamedLikeAPlanIsShownAsAnErrorNotLeftPreparing(@TempDir Path dir) throws Exception {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    Files.delete(dir.resolve("plans/plan.yaml"));
    Process mk = new ProcessBuilder("mkfifo", dir.resolve("plans/plan.yaml").toString()).start();
    assertThat(mk.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) && mk.exitValue() == 0)
        .isTrue();
    StringWriter log = new StringWriter();
    try (PreviewServer s =
        start(dir, false, log)) { // start() waits for the first build: it used to never end
      Page index = get(s, "/");
      assertThat(index.body()).contains("named pipe (FIFO)").doesNotContain("Preparing");
      assertThat(log.toString()).contains("plans/plan.yaml: error[file.not-a-file]");
    }
  }

  @Test
  void idleConnectionsDoNotStarveRequestsAndAreClosed() throws Exception {
    List<Socket> idle = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 32; i++) {
        Socket sock = new Socket("127.0.0.1", server.url().getPort());
        sock.getOutputStream().write('G'); // one byte of a request line, then nothing
        sock.getOutputStream().flush();
        idle.add(sock);
      }
      Thread.sleep(200); // let the server hand every one of them to a handler
      long start = System.nanoTime();
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(server.url()).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      long ms = (System.nanoTime() - start) / 1_000_000;
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(ms).as("answered while 32 connections sit idle").isLessThan(2000);
      // the request-read timeout (sun.net.httpserver.maxReqTime, 2 s in the tests) closes them
      Socket first = idle.get(0);
      first.setSoTimeout(15_000);
      long waited = System.nanoTime();
      int read;
      try {
        read = first.getInputStream().read();
      } catch (java.net.SocketException e) {
        read = -1; // reset: closed too
      }
      assertThat(read).as("the server closed the idle connection").isEqualTo(-1);
      assertThat((System.nanoTime() - waited) / 1_000_000).isLessThan(15_000);
    } finally {
      for (Socket sock : idle) {
        sock.close();
      }
    }
  }

  @Test
  void closingStopsTheServerAndRemovesItsFolder(@TempDir Path dir) throws Exception {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    PreviewServer s = start(dir, false, new StringWriter());
    Path work = s.workFolder();
    assertThat(work).isDirectory();
    Stream open = Stream.open(s, Pages.INDEX, s.snapshot().etag(Pages.INDEX));
    long t0 = System.nanoTime();
    s.close();
    assertThat((System.nanoTime() - t0) / 1_000_000).as("ms to stop").isLessThan(5000);
    assertThat(work).doesNotExist();
    assertThat(open.lines(Duration.ofSeconds(5))).doesNotContain("event: reload");
    assertThat(open.ended()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(s, "/"))
        .isInstanceOf(IOException.class);
    s.close(); // twice is fine
  }

  /** One server-sent-event stream, read line by line on its own thread. */
  static final class Stream {
    private static final String END = "\u0000end";
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    static Stream open(PreviewServer s, String page, String etag) throws Exception {
      HttpResponse<InputStream> r =
          HTTP.send(
              HttpRequest.newBuilder(
                      s.url().resolve("/_reap/events?page=" + page + "&etag=" + etag))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValue("text/event-stream; charset=utf-8");
      Stream st = new Stream();
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                  for (String l = in.readLine(); l != null; l = in.readLine()) {
                    st.lines.add(l);
                  }
                } catch (IOException e) {
                  // the stream was cut: that is an end too
                } finally {
                  st.ended = true;
                  st.lines.add(END);
                }
              });
      t.setDaemon(true);
      t.start();
      return st;
    }

    String next() throws InterruptedException {
      return poll(Duration.ofSeconds(10));
    }

    String poll(Duration d) throws InterruptedException {
      String l = lines.poll(d.toMillis(), TimeUnit.MILLISECONDS);
      return l == null || l.equals(END) ? null : l;
    }

    /** The lines until the stream ends (or the time is up). */
    List<String> lines(Duration d) throws InterruptedException {
      List<String> got = new java.util.ArrayList<>();
      long until = System.nanoTime() + d.toNanos();
      while (System.nanoTime() < until) {
        String l =
            lines.poll(Math.max(1, (until - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
        if (l == null || l.equals(END)) {
          break;
        }
        got.add(l);
      }
      return got;
    }

    boolean ended() throws InterruptedException {
      for (int i = 0; i < 100 && !ended; i++) {
        Thread.sleep(20);
      }
      return ended;
    }
  }
}
