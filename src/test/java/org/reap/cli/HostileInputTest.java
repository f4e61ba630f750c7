package org.reap.cli;

import org.reap.testing.TestFiles;
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
    server.createContext("/", exchange -> {
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
    assertThat(r.err()).contains("plans/findings.yaml: error[file.outside-repository]", "nothing was rendered");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void httpStylesheetAndImageInAUserTemplateAreRefusedWithoutARequest() throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/memo.ftlx"), "<#ftl output_format=\"XHTML\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>${doc.title}</title>"
        + "<link rel=\"stylesheet\" href=\"" + base() + "/site.css\"/>"
        + "<style>@import url('" + base() + "/imported.css'); body { font-family: 'DejaVu Sans'; }</style></head>"
        + "<body><p>memo</p><img src=\"" + base() + "/logo.png\" alt=\"logo\"/></body></html>\n");
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("refused stylesheet \"" + base() + "/site.css\"", "refused image \"" + base() + "/logo.png\"",
        "nothing was written").doesNotContain("\tat ");
    assertThat(requests.get()).as("requests the loopback server saw").isZero();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void anHttpImageInMarkdownTextMakesNoRequest() throws IOException {
    Path f = dir.resolve("plans/plan.yaml");
    Files.writeString(f, Files.readString(f).replace("work with owners and dates**.",
        "work with owners and dates**. ![tracker](" + base() + "/pixel.png) <img src=\"" + base() + "/raw.png\"/>"));
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", "riverton-reap-2025");
    // an image in text is printed as its description (it used to make the PDF fail after validation passed)
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    assertThat(requests.get()).as("requests the loopback server saw").isZero();
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(Files.readString(dir.resolve("out/riverton-reap-2025.html")));
    assertThat(html.select("[src], [href]")).as("no live reference to the server in the HTML either")
        .noneMatch(e -> e.attr("src").contains("127.0.0.1") || e.attr("href").contains("127.0.0.1"));
    assertThat(html.select("img")).isEmpty();
    assertThat(html.text()).contains("tracker", "<img src=\"" + base() + "/raw.png\"/>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../../escaped", "/tmp/reap-escaped", "sub/dir", "..", ".hidden", "UPPER", "a b", "x\\\\y",
      "con.pdf", "index", "riverton-reap-2025-progress"})
  void anIdThatWouldEscapeOutIsRefusedAtValidation(String id) throws IOException {
    Path f = dir.resolve("plans/findings.yaml");
    String yaml = Files.readString(f);
    String oldId = yaml.lines().filter(l -> l.startsWith("id: ")).findFirst().orElseThrow().substring(4).strip();
    for (Path p : List.of(dir.resolve("plans").toFile().listFiles()).stream().map(java.io.File::toPath).filter(Files::isRegularFile).toList()) {
      Files.writeString(p, Files.readString(p).replace(oldId, "\"" + id.replace("\\", "\\\\") + "\""));
    }
    Map<String, Long> before = tree(dir);
    Run r = Run.in(dir, "render", "--as-of", "2025-05-01");
    if (id.equals("index") || id.endsWith("-progress")) {
      // plain names, but another output's: the findings would silently lose their files (found by this test)
      assertThat(r.err()).contains("error[id.duplicate]", id.equals("index") ? "out/index.html" : "is the name of the progress report of the plan document");
    }
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("plans/findings.yaml:", "nothing was rendered");
    assertThat(tree(dir)).as("nothing written anywhere").isEqualTo(before);
    assertThat(Path.of("/tmp/reap-escaped.pdf")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"../plans/plan.yaml", "/../../secret.ftl", "lib/../../secret.ftl", "linked-secret.ftl"})
  void anIncludeThatLeavesTemplatesIsRefused(String target) throws IOException {
    Files.writeString(dir.resolve("secret.ftl"), "SECRET-CONTENT");
    Files.createDirectories(dir.resolve("templates"));
    Files.createSymbolicLink(dir.resolve("templates/linked-secret.ftl"), dir.resolve("secret.ftl"));
    Files.writeString(dir.resolve("templates/memo.ftlx"), "<#ftl output_format=\"XHTML\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><title>${doc.title}</title></head>"
        + "<body><p><#include \"" + target + "\"></p></body></html>\n");
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
    Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(),
        out.toString()).redirectErrorStream(true).start();
    try {
      String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertThat(line).startsWith("LOCKED ");
      Files.writeString(dir.resolve("plans/agenda-item.yaml"),
          Files.readString(dir.resolve("plans/agenda-item.yaml")).replace("Riverton", "Rivertown"));
      Run second = Run.in(dir, "render", "--as-of", "2025-05-01", "--only", ITEM);
      assertThat(second.exit()).as(second.all()).isEqualTo(ExitCodes.OUTPUT);
      assertThat(second.err()).contains("another reap render is writing to", "(started by process " + holder.pid() + ")");
      Map<String, Long> after = tree(out);
      after.remove(".reap.lock");
      before.remove(".reap.lock");
      assertThat(after).isEqualTo(before);
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
