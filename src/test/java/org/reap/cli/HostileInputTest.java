package org.reap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reap.render.output.LockHolderMain;
import org.reap.testing.TestFiles;

/**
 * Hostile input at the command line, end to end: each test would fail if the protection it names
 * were removed. Listed in docs/security.md.
 */
class HostileInputTest {
  static final String ITEM = "riverton-eq-2025-05-13-item-2";
  @TempDir Path dir;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void setUp() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "p { color: red }".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every file under {@code root} (relative path to size), following no links. */
  static Map<String, Long> tree(Path root) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          m.put(root.relativize(p).toString(), Files.size(p));
        }
      }
    }
    return m;
  }

  @Test
  void aLinkedFolderInPlansPointingOutsideIsNotRead() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(outside.resolve("secret.yaml"), "reap: 1\nkind: [broken\n");
    Files.createSymbolicLink(dir.resolve("plans/linked"), outside);
    Files.createSymbolicLink(dir.resolve("plans/linked-dir.yaml"), outside);
    Run r = Run.in(dir, "validate", "plans");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.all()).doesNotContain("secret", "elsewhere");
  }

  @Test
  void aLinkedFileInPlansPointingOutsideIsRefusedAndNotRendered() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.copy(dir.resolve("plans/findings.yaml"), outside.resolve("findings.yaml"));
    Files.delete(dir.resolve("plans/findings.yaml"));
    Files.createSymbolicLink(dir.resolve("plans/findings.yaml"), outside.resolve("findings.yaml"));
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains("plans/findings.yaml: error[file.outside-repository]", "nothing was rendered");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void httpStylesheetAndImageInAUserTemplateAreRefusedWithoutARequest() throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("templates/memo.ftlx"),
        "<#ftl output_format=\"XHTML\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>${doc.title}</title>"
            + "<link rel=\"stylesheet\" href=\""
            + base()
            + "/site.css\"/>"
            + "<style>@import url('"
            + base()
            + "/imported.css'); body { font-family: 'DejaVu Sans'; }</style></head>"
            + "<body><p>memo</p><img src=\""
            + base()
            + "/logo.png\" alt=\"logo\"/></body></html>\n");
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .contains(
            "refused stylesheet \"" + base() + "/site.css\"",
            "refused image \"" + base() + "/logo.png\"",
            "nothing was written")
        .doesNotContain("\tat ");
    assertThat(requests.get()).as("requests the loopback server saw").isZero();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anHttpImageInMarkdownTextMakesNoRequest() throws IOException {
    Path f = dir.resolve("plans/plan.yaml");
    Files.writeString(
        f,
        Files.readString(f)
            .replace(
                "work with owners and dates**.",
                "work with owners and dates**. ![tracker]("
                    + base()
                    + "/pixel.png) <img src=\""
                    + base()
                    + "/raw.png\"/>"));
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", "riverton-reap-2025");
    // an image in text is printed as its description (it used to make the PDF fail after validation
    // passed)
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(requests.get()).as("requests the loopback server saw").isZero();
    org.jsoup.nodes.Document html =
        org.jsoup.Jsoup.parse(Files.readString(dir.resolve("out/riverton-reap-2025.html")));
    assertThat(html.select("[src], [href]"))
        .as("no live reference to the server in the HTML either")
        .noneMatch(
            e -> e.attr("src").contains("127.0.0.1") || e.attr("href").contains("127.0.0.1"));
    assertThat(html.select("img")).isEmpty();
    assertThat(html.text()).contains("tracker", "<img src=\"" + base() + "/raw.png\"/>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../escaped",
        "/tmp/reap-escaped",
        "sub/dir",
        "..",
        ".hidden",
        "UPPER",
        "a b",
        "x\\\\y",
        "con.pdf",
        "index",
        "riverton-reap-2025-progress"
      })
  void anIdThatWouldEscapeOutIsRefusedAtValidation(String id) throws IOException {
    Path f = dir.resolve("plans/findings.yaml");
    String yaml = Files.readString(f);
    String oldId =
        yaml.lines()
            .filter(l -> l.startsWith("id: "))
            .findFirst()
            .orElseThrow()
            .substring(4)
            .strip();
    for (Path p :
        List.of(dir.resolve("plans").toFile().listFiles()).stream()
            .map(java.io.File::toPath)
            .filter(Files::isRegularFile)
            .toList()) {
      Files.writeString(
          p, Files.readString(p).replace(oldId, "\"" + id.replace("\\", "\\\\") + "\""));
    }
    Map<String, Long> before = tree(dir);
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01");
    if (id.equals("index") || id.endsWith("-progress")) {
      // plain names, but another output's: the findings would silently lose their files (found by
      // this test)
      assertThat(r.err())
          .contains(
              "error[id.duplicate]",
              id.equals("index")
                  ? "out/index.html"
                  : "is the name of the progress report of the plan document");
    }
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("plans/findings.yaml:", "nothing was rendered");
    assertThat(tree(dir)).as("nothing written anywhere").isEqualTo(before);
    assertThat(Path.of("/tmp/reap-escaped.pdf")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../plans/plan.yaml",
        "/../../secret.ftl",
        "lib/../../secret.ftl",
        "linked-secret.ftl"
      })
  void anIncludeThatLeavesTemplatesIsRefused(String target) throws IOException {
    Files.writeString(dir.resolve("secret.ftl"), "SECRET-CONTENT");
    Files.createDirectories(dir.resolve("templates"));
    Files.createSymbolicLink(dir.resolve("templates/linked-secret.ftl"), dir.resolve("secret.ftl"));
    Files.writeString(
        dir.resolve("templates/memo.ftlx"),
        "<#ftl output_format=\"XHTML\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>${doc.title}</title></head>"
            + "<body><p><#include \""
            + target
            + "\"></p></body></html>\n");
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("templates/memo.ftlx:").doesNotContain("SECRET-CONTENT", "\tat ");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aFileNamedOutIsAnOutputErrorAndStaysAsItWas() throws IOException {
    Files.writeString(dir.resolve("out"), "not a folder\n");
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(r.err()).contains("is a file, not a folder").doesNotContain("\tat ");
    assertThat(Files.readString(dir.resolve("out"))).isEqualTo("not a folder\n");
  }

  @Test
  void anOutFolderInsideAFileIsAnOutputError() throws IOException {
    Files.writeString(dir.resolve("blocker"), "x");
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM, "--out", "blocker/out");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(r.err()).contains("Cannot create the output folder").doesNotContain("\tat ");
  }

  @Test
  void aSecondConcurrentRenderIsTurnedAwayAndChangesNothing() throws Exception {
    Run first = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
    assertThat(first.exit()).as(first.all()).isZero();
    Path out = dir.resolve("out");
    Map<String, Long> before = tree(out);
    String java = ProcessHandle.current().info().command().orElse("java");
    Process holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    try {
      String line =
          new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
              .readLine();
      assertThat(line).startsWith("LOCKED ");
      Files.writeString(
          dir.resolve("plans/agenda-item.yaml"),
          Files.readString(dir.resolve("plans/agenda-item.yaml")).replace("Riverton", "Rivertown"));
      Run second = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
      assertThat(second.exit()).as(second.all()).isEqualTo(ExitCodes.OUTPUT);
      assertThat(second.err())
          .contains(
              "another reap render is writing to", "(started by process " + holder.pid() + ")");
      // the lock is taken before the plans are read: even broken plans get the same answer, at once
      Files.writeString(dir.resolve("plans/broken.yaml"), "reap: 1\nkind: [broken\n");
      Run third = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
      assertThat(third.exit()).as(third.all()).isEqualTo(ExitCodes.OUTPUT);
      assertThat(third.err())
          .contains("(started by process " + holder.pid() + ")")
          .doesNotContain("broken.yaml");
      Files.delete(dir.resolve("plans/broken.yaml"));
      Map<String, Long> after = tree(out);
      after.remove(".reap/lock");
      before.remove(".reap/lock");
      assertThat(after).isEqualTo(before);
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void activeContentInAnAttachedPdfIsRemovedFromThePacketAndNamed() throws IOException {
    Files.createDirectories(dir.resolve("plans/files"));
    byte[] hostile =
        org.reap.render.packet.HostilePdfs.with(
            java.util.EnumSet.allOf(org.reap.render.packet.HostilePdfs.Feature.class));
    assertThat(org.reap.render.packet.HostilePdfs.activeContent(hostile)).hasSizeGreaterThan(15);
    Files.write(dir.resolve("plans/files/ordinance.pdf"), hostile);
    Path memo = dir.resolve("plans/agenda-item.yaml");
    Files.writeString(
        memo,
        Files.readString(memo)
            .replace(
                "    title: Draft ordinance\n    status: pending\n",
                "    title: Draft ordinance\n    file: files/ordinance.pdf\n"));
    Run r = Run.in(dir, "packet", ITEM, "--as-of", "2025-05-01");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(r.err())
        .contains(
            "plans/agenda-item.yaml:52:11: warning[packet.active-content]: Attachment 4 (\"Draft ordinance\") (files/ordinance.pdf): removed from the packet",
            "8 JavaScript actions",
            "1 Launch action",
            "1 SubmitForm action",
            "1 XFA form",
            "embedded")
        .doesNotContain("\tat ");
    byte[] packet = Files.readAllBytes(dir.resolve("out/" + ITEM + "-packet.pdf"));
    assertThat(org.reap.render.packet.HostilePdfs.activeContent(packet)).isEmpty();
  }

  static void mkfifo(Path p) throws Exception {
    Process mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
    assertThat(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0).as("mkfifo " + p).isTrue();
  }

  @Test
  void aFifoNamedLikeAPlanIsRefusedNotWaitedOn() throws Exception {
    Files.delete(dir.resolve("plans/plan.yaml"));
    mkfifo(dir.resolve("plans/plan.yaml"));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60),
        () -> {
          Run v = Run.in(dir, "validate");
          assertThat(v.exit()).as(v.all()).isEqualTo(ExitCodes.INVALID);
          assertThat(v.all())
              .contains(
                  "plans/plan.yaml: error[file.not-a-file]: this is a named pipe (FIFO), not a regular file");
          Run r = Run.in(dir, "render", "--as-of", "2025-05-01");
          assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
          assertThat(r.err())
              .contains("plans/plan.yaml: error[file.not-a-file]", "nothing was rendered");
        });
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aFifoAsAnAttachmentIsRefusedByValidateAndPacket() throws Exception {
    Files.createDirectories(dir.resolve("plans/files"));
    mkfifo(dir.resolve("plans/files/ordinance.pdf"));
    Path memo = dir.resolve("plans/agenda-item.yaml");
    Files.writeString(
        memo,
        Files.readString(memo)
            .replace(
                "    title: Draft ordinance\n    status: pending\n",
                "    title: Draft ordinance\n    file: files/ordinance.pdf\n"));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60),
        () -> {
          Run v = Run.in(dir, "validate");
          assertThat(v.exit()).as(v.all()).isEqualTo(ExitCodes.INVALID);
          assertThat(v.all())
              .containsPattern(
                  "plans/agenda-item.yaml:\\d+:\\d+: error\\[attachment\\.[a-z-]+\\]: the attachment file \"files/ordinance.pdf\" is a named pipe \\(FIFO\\), not a regular file");
          Run p = Run.in(dir, "packet", ITEM, "--as-of", "2025-05-01");
          assertThat(p.exit()).as(p.all()).isEqualTo(ExitCodes.INVALID);
          assertThat(p.err()).contains("named pipe (FIFO)", "no packet was made");
        });
  }

  @Test
  void aFifoInTemplatesIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    mkfifo(dir.resolve("templates/memo.ftlx"));
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(60),
        () -> {
          Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
          assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
          assertThat(r.err())
              .contains("templates/memo.ftlx is a named pipe (FIFO), not a regular file")
              .doesNotContain("\tat ");
        });
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void templateBuiltInsBehindCommentsDoNotRun() throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("templates/memo.ftlx"),
        "<#ftl output_format=\"XHTML\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>${doc.title}</title></head>"
            + "<body><p>EVALRESULT=${\"6*7\"?<#-- c -->eval}</p><#assign t=\"INTERPRETED=${6*7}\"?<#---->interpret><@t/></body></html>\n");
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err())
        .containsPattern(
            "templates/memo.ftlx:2:\\d+: the built-in \\?(eval|interpret) is not allowed")
        .doesNotContain("42");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void dataAndOtherSchemeLinksInTextAreNotKeptInHtmlOrPdf() throws Exception {
    Path f = dir.resolve("plans/plan.yaml");
    Files.writeString(
        f,
        Files.readString(f)
            .replace(
                "work with owners and dates**.",
                "work with owners and dates**. [open](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [run](vbscript:msgbox) [site](https://example.org/ok)"));
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", "riverton-reap-2025");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    String html = Files.readString(dir.resolve("out/riverton-reap-2025.html"));
    assertThat(html)
        .contains("https://example.org/ok")
        .doesNotContainIgnoringCase("data:text")
        .doesNotContainIgnoringCase("vbscript");
    byte[] pdf = Files.readAllBytes(dir.resolve("out/riverton-reap-2025.pdf"));
    org.openpdf.text.pdf.PdfReader reader = new org.openpdf.text.pdf.PdfReader(pdf);
    List<String> uris = new java.util.ArrayList<>();
    for (int i = 1; i < reader.getXrefSize(); i++) {
      if (reader.getPdfObject(i) instanceof org.openpdf.text.pdf.PdfDictionary d
          && d.get(org.openpdf.text.pdf.PdfName.A) != null
          && org.openpdf.text.pdf.PdfReader.getPdfObject(d.get(org.openpdf.text.pdf.PdfName.A))
              instanceof org.openpdf.text.pdf.PdfDictionary a
          && a.get(org.openpdf.text.pdf.PdfName.URI) != null) {
        uris.add(
            org.openpdf.text.pdf.PdfReader.getPdfObject(a.get(org.openpdf.text.pdf.PdfName.URI))
                .toString());
      }
    }
    reader.close();
    assertThat(uris)
        .contains("https://example.org/ok")
        .noneMatch(
            u ->
                u.toLowerCase(java.util.Locale.ROOT).matches("(data|vbscript|javascript|file):.*"));
  }

  static final String ESCAPES =
      "evil\u001b]0;pwned\u0007\u001b[31m\n::error file=x::faked\u009b\u202e";

  @Test
  void controlCharactersInFileNamesAreEscapedInTextAndCiAnnotations() throws IOException {
    Path bad = dir.resolve("plans/" + ESCAPES + ".yaml");
    Files.writeString(bad, "reap: 1\nkind: [broken\n");
    for (String format : new String[] {"text", "github"}) {
      Run r = Run.in(dir, "validate", "--format", format);
      assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
      assertThat(r.all())
          .as(format)
          .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e")
          .contains("evil\\x1b]0;pwned\\x07\\x1b[31m\\n", "faked\\x9b\\u202e");
      assertThat(r.all().lines())
          .as("no line of its own starts a CI command")
          .noneMatch(l -> l.startsWith("::error file=x"));
    }
  }

  @Test
  void reapsOwnWriterEscapesWhatItPrintsButItsColours() {
    java.io.StringWriter sink = new java.io.StringWriter();
    org.reap.diagnostic.TerminalText.Out out = new org.reap.diagnostic.TerminalText.Out(sink);
    out.println("wrote out/" + ESCAPES);
    out.trusted("\u001b[1;31m");
    out.flush();
    assertThat(sink.toString())
        .startsWith("wrote out/evil\\x1b]0;pwned\\x07\\x1b[31m\n::error")
        .endsWith("\u001b[1;31m")
        .doesNotContain("\u0007", "\u202e");
  }
}
