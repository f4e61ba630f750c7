package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.render.Renderer;
import org.reap.testing.TestFiles;

/**
 * reap preview in a real browser: tools/a11y/preview-e2e.mjs drives Debian's headless Chromium
 * (playwright-core) against a preview of a temporary copy of docs/examples. It edits a milestone
 * and waits for the page to show it, breaks the file and waits for the error with its line number,
 * fixes it and waits for the document, adds a memo and opens its PDF, never reloading by hand; and
 * it saves the screenshots docs/guide.md uses.
 *
 * <p>Needs node 20+, Chromium ({@code REAP_CHROMIUM}, default /usr/bin/chromium) and {@code (cd
 * tools/a11y && npm ci)}. Without them the test is skipped, and says why, unless {@code
 * REAP_BROWSER_TEST=require}: then it fails. .ci/run installs them and sets that.
 *
 * <p>Screenshots go to target/preview-screenshots, or to {@code REAP_SCREENSHOTS} (a folder,
 * relative to the project): {@code REAP_SCREENSHOTS=docs/images} refreshes the guide's.
 */
class PreviewBrowserTest {
  public static final List<String> SCREENSHOTS =
      List.of(
          "preview-index.png",
          "preview-milestone-done.png",
          "preview-error.png",
          "preview-new-memo.png");
  static final Path SCRIPT = Path.of("tools/a11y/preview-e2e.mjs");

  @Test
  void editBreakAndFixInChromium(@TempDir Path dir) throws Exception {
    String missing = missingTools();
    if (missing != null) {
      if ("require".equals(System.getenv("REAP_BROWSER_TEST"))) {
        fail("REAP_BROWSER_TEST=require, but the browser test cannot run: " + missing);
      }
      Assumptions.abort(
          "browser test skipped: "
              + missing
              + " (.ci/run installs what it needs and sets REAP_BROWSER_TEST=require)");
    }
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    String env = System.getenv("REAP_SCREENSHOTS");
    Path shots =
        (env == null || env.isBlank() ? Path.of("target/preview-screenshots") : Path.of(env))
            .toAbsolutePath();
    Files.createDirectories(shots);
    long started = System.currentTimeMillis() - 1000;

    LocalDate asOf = LocalDate.parse("2025-05-01");
    Pipeline.Options check =
        new Pipeline.Options(List.of(Path.of("plans")), dir, false, Map.of(), Set.of());
    StringWriter log = new StringWriter();
    try (PreviewServer server =
        PreviewServer.start(
            new PreviewServer.Config(
                check, null, asOf, Renderer.pdfDate(asOf), 0, Duration.ofMillis(150), false),
            new PrintWriter(log, true))) {
      assertThat(server.awaitBuilds(1, Duration.ofSeconds(60))).as(log.toString()).isTrue();
      List<String> cmd =
          List.of(
              "node",
              SCRIPT.toString(),
              "--url",
              server.url().toString(),
              "--plans",
              dir.resolve("plans").toString(),
              "--shots",
              shots.toString());
      Path output = dir.resolve("node-output.txt");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      boolean finished = p.waitFor(240, TimeUnit.SECONDS);
      if (!finished) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      String out = Files.readString(output, StandardCharsets.UTF_8);
      System.out.println(out);
      assertThat(finished).as("the browser test finished within 240 s:\n" + out).isTrue();
      assertThat(p.exitValue())
          .as("node " + SCRIPT + " said:\n" + out + "\npreview log:\n" + log)
          .isZero();
      assertThat(out).contains("preview-e2e: all checks passed");
    }
    for (String name : SCREENSHOTS) {
      Path png = shots.resolve(name);
      assertThat(png).as(name).isRegularFile();
      assertThat(Files.getLastModifiedTime(png).toMillis())
          .as(name + " is new")
          .isGreaterThanOrEqualTo(started);
      byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
      assertThat(head)
          .as(name + " is a PNG")
          .isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    }
  }

  /** Null when node 20+, Chromium and playwright-core are all there; else what is missing. */
  static String missingTools() {
    List<String> missing = new ArrayList<>();
    String node = run("node", "-p", "process.versions.node.split('.')[0]");
    if (node == null) {
      missing.add("node is not on the PATH");
    } else if (!node.trim().matches("\\d+") || Integer.parseInt(node.trim()) < 20) {
      missing.add("node 20+ is needed (found major version " + node.trim() + ")");
    }
    String chromium = System.getenv().getOrDefault("REAP_CHROMIUM", "/usr/bin/chromium");
    if (!Files.isExecutable(Path.of(chromium))) {
      missing.add(
          "no Chromium at " + chromium + " (apt-get install chromium, or set REAP_CHROMIUM)");
    }
    if (!Files.isDirectory(Path.of("tools/a11y/node_modules/playwright-core"))) {
      missing.add("playwright-core is not installed (cd tools/a11y && npm ci)");
    }
    if (!Files.isRegularFile(SCRIPT)) {
      missing.add(SCRIPT + " is missing");
    }
    return missing.isEmpty() ? null : String.join("; ", missing);
  }

  private static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
