package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;
import org.reap.testing.TestFiles;

/**
 * reap preview as a command: its mistakes in-process, and a real run in a child JVM stopped by a
 * signal.
 */
class PreviewCommandTest {
  @TempDir Path dir;

  @Test
  void listedInHelp() {
    Run root = Run.in(dir, "--help");
    assertThat(root.out()).contains("preview");
    Run help = Run.in(dir, "preview", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out())
        .contains("--port=PORT", "--open", "--as-of", "--templates=DIR", "Ctrl-C")
        .doesNotContain("--scan-files");
  }

  @Test
  void refusesABadPortAndAMissingFolder() throws IOException {
    Run port = Run.in(dir, "preview", "--port", "70000");
    assertThat(port.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(port.err())
        .contains("--port must be a number from 0 to 65535")
        .doesNotContain("Exception");

    Run missing = Run.in(dir, "preview");
    assertThat(missing.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(missing.err())
        .isEqualTo(
            "reap: there is no file or folder plans here; run reap preview in the folder that holds plans/, or name the folder: reap preview FOLDER\n");

    Files.createDirectories(dir.resolve("plans"));
    Run templates = Run.in(dir, "preview", "--templates", "nowhere", "--as-of", "2025-05-01");
    assertThat(templates.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(templates.err()).contains("--templates nowhere: there is no such folder");
  }

  @Test
  void saysWhenThePortIsTaken() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run r =
          Run.in(
              dir,
              "preview",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--as-of",
              "2025-05-01");
      assertThat(r.exit()).isEqualTo(ExitCodes.OUTPUT);
      assertThat(r.err())
          .isEqualTo(
              "reap: port "
                  + taken.getLocalPort()
                  + " is in use by another program; choose another with --port, or leave --port out to use any free port\n");
    }
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      // the port is taken before anything else is set up: no private folder is left behind
      assertThat(
              s.filter(p -> p.getFileName().toString().startsWith("reap-preview-"))
                  .filter(p -> isNewerThanTest(p))
                  .toList())
          .isEmpty();
    }
  }

  private boolean isNewerThanTest(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis() >= Files.getLastModifiedTime(dir).toMillis();
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The command in its own JVM, as a person runs it: it prints the address, serves the documents,
   * and a signal (SIGTERM here; Ctrl-C's SIGINT runs the same shutdown hook) stops it, removing its
   * private folder.
   */
  @Test
  void runsUntilStoppedAndCleansUp() throws Exception {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("repo/plans"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                "org.reap.cli.Main",
                "preview",
                "--as-of",
                "2025-05-01")
            .directory(dir.resolve("repo").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertThat(first)
          .matches(
              "reap preview: http://127\\.0\\.0\\.1:\\d+/  \\(open it in a web browser; Ctrl-C stops the preview\\)");
      URI url = URI.create(first.split(" ")[2]);
      assertThat(out.readLine()).matches("reap preview: ready: 8 documents \\(\\d+\\.\\d s\\)");
      HttpResponse<String> index =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(index.statusCode()).isEqualTo(200);
      assertThat(index.body()).contains("Riverton 2025 Timeline");
      try (Stream<Path> s = Files.list(tmp)) {
        assertThat(s.map(x -> x.getFileName().toString()).toList())
            .anyMatch(n -> n.startsWith("reap-preview-"));
      }
      assertThat(dir.resolve("repo/out")).doesNotExist();

      p.destroy();
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
      assertThat(Files.readString(dir.resolve("err.txt"))).isEqualTo("reap: preview stopped\n");
      try (Stream<Path> s = Files.list(tmp)) {
        assertThat(s.map(x -> x.getFileName().toString()).toList())
            .noneMatch(n -> n.startsWith("reap-preview-"));
      }
    } finally {
      p.destroyForcibly();
    }
  }
}
