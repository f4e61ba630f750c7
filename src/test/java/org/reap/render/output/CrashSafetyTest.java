package org.reap.render.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;
import org.reap.testing.TestFiles;

/**
 * Crash safety: a child JVM ({@code java -cp <test class path> org.reap.cli.Main render}) is killed
 * with SIGKILL ({@link Process#destroyForcibly()}) at several moments of a render into out/: soon
 * after start, when its first temp file appears, half way through staging, and when the first file
 * has been moved into place. After each kill every file in out/ must be byte for byte either the
 * old complete render or the new complete render (two reference renders), never a mix inside a file
 * nor a truncated one; and the next run must remove the temp files the killed one left.
 */
class CrashSafetyTest {
  static final String AS_OF = "2025-05-01";
  static Path work;
  static Map<String, byte[]> oldFiles;
  static Map<String, byte[]> newFiles;

  @BeforeAll
  static void references(@TempDir Path tmp) throws IOException {
    work = tmp;
    TestFiles.copyTree(Path.of("docs/examples"), tmp.resolve("old"));
    TestFiles.copyTree(Path.of("docs/examples"), tmp.resolve("new"));
    // The new version differs in every document: another jurisdiction name, and a changed plan
    // title.
    try (Stream<Path> s = Files.list(tmp.resolve("new"))) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String y = Files.readString(f, StandardCharsets.UTF_8).replace("Riverton", "Rivertown");
        Files.writeString(f, y, StandardCharsets.UTF_8);
      }
    }
    oldFiles = render(tmp.resolve("old"), tmp.resolve("ref-old"));
    newFiles = render(tmp.resolve("new"), tmp.resolve("ref-new"));
    assertThat(oldFiles.keySet()).isEqualTo(newFiles.keySet()).contains("index.html");
    int differ = 0;
    for (String name : oldFiles.keySet()) {
      if (!Arrays.equals(oldFiles.get(name), newFiles.get(name))) {
        differ++;
      }
    }
    assertThat(differ).as("old and new renders must differ to tell them apart").isGreaterThan(10);
  }

  /**
   * Renders in-process from {@code work}, so that paths shown in index.html are the child's too.
   */
  static Map<String, byte[]> render(Path plans, Path out) throws IOException {
    Run r =
        Run.in(
            plans.getParent(),
            "render",
            plans.getFileName().toString(),
            "--out",
            out.toString(),
            "--as-of",
            AS_OF,
            "--force");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.OK);
    return contents(out);
  }

  /** Every regular file in out/ but the lock file and temp files. */
  static Map<String, byte[]> contents(Path out) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(out)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (!n.equals(OutputDir.OWN_DIR) && !n.endsWith(OutputDir.TEMP_SUFFIX)) {
          m.put(n, Files.readAllBytes(p));
        }
      }
    }
    return m;
  }

  static List<String> temps(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(OutputDir.TEMP_SUFFIX))
          .toList();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (Files.exists(p)) {
      try (Stream<Path> s = Files.walk(p)) {
        for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(x);
        }
      }
    }
  }

  /** A moment to kill the child at: a condition on out/ polled every millisecond, or a delay. */
  record Moment(String name, long delayMillis, Predicate<Path> when) {}

  static boolean anyReplaced(Path out) {
    try {
      for (Map.Entry<String, byte[]> e : contents(out).entrySet()) {
        if (Arrays.equals(e.getValue(), newFiles.get(e.getKey()))
            && !Arrays.equals(e.getValue(), oldFiles.get(e.getKey()))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  static Predicate<Path> tempsAtLeast(int n) {
    return out -> {
      try {
        return temps(out).size() >= n;
      } catch (IOException e) {
        return false;
      }
    };
  }

  @Test
  void killedRendersLeaveOldOrNewFilesAndTheNextRunCleansUp() throws Exception {
    List<Moment> moments =
        List.of(
            new Moment("300 ms after start", 300, null),
            new Moment("first temp file written", 0, tempsAtLeast(1)),
            new Moment("half the files staged", 0, tempsAtLeast(oldFiles.size() / 2)),
            new Moment("first file moved into place", 0, CrashSafetyTest::anyReplaced));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> report = new ArrayList<>();
    for (Moment m : moments) {
      Path out = work.resolve("out-" + m.name().replace(' ', '-'));
      TestFiles.copyTree(work.resolve("ref-old"), out);
      Process child =
          new ProcessBuilder(
                  java,
                  "-Djava.awt.headless=true",
                  "-Duser.timezone=America/Los_Angeles",
                  "-cp",
                  System.getProperty("java.class.path"),
                  "org.reap.cli.Main",
                  "render",
                  "new",
                  "--out",
                  out.toString(),
                  "--as-of",
                  AS_OF,
                  "--force",
                  "--quiet")
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("child-" + out.getFileName() + ".log").toFile())
              .start();
      boolean hit = false;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      if (m.when() == null) {
        hit = !child.waitFor(m.delayMillis(), TimeUnit.MILLISECONDS);
      } else {
        while (child.isAlive() && System.nanoTime() < deadline) {
          if (m.when().test(out)) {
            hit = true;
            break;
          }
          Thread.sleep(1);
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      List<String> leftTemps = temps(out);
      Map<String, byte[]> after = contents(out);
      int stillOld = 0;
      int nowNew = 0;
      for (Map.Entry<String, byte[]> e : after.entrySet()) {
        String n = e.getKey();
        byte[] b = e.getValue();
        boolean isOld = Arrays.equals(b, oldFiles.get(n));
        boolean isNew = Arrays.equals(b, newFiles.get(n));
        assertThat(isOld || isNew)
            .as(
                "%s: %s is neither the old nor the new complete file (%d bytes)",
                m.name(), n, b.length)
            .isTrue();
        stillOld += isOld && !isNew ? 1 : 0;
        nowNew += isNew && !isOld ? 1 : 0;
      }
      assertThat(after.keySet()).as(m.name()).isEqualTo(oldFiles.keySet());
      report.add(
          m.name()
              + (hit ? "" : " (not reached: the child finished first)")
              + ": "
              + stillOld
              + " old, "
              + nowNew
              + " new, "
              + leftTemps.size()
              + " temps left");
      // The next run removes what the killed one left and brings out/ to the new version.
      Run next =
          Run.in(work, "render", "new", "--out", out.toString(), "--as-of", AS_OF, "--quiet");
      assertThat(next.exit()).as(next.all()).isEqualTo(ExitCodes.OK);
      assertThat(temps(out)).as(m.name() + ": temps after the next run").isEmpty();
      Map<String, byte[]> healed = contents(out);
      for (String n : newFiles.keySet()) {
        assertThat(healed.get(n))
            .as(m.name() + ": " + n + " after the next run")
            .isEqualTo(newFiles.get(n));
      }
      deleteTree(out);
    }
    System.out.println("CrashSafetyTest: " + String.join("; ", report));
    assertThat(report)
        .as("at least the temp-file moment must be reached before the child finishes")
        .anyMatch(s -> s.startsWith("first temp file written") && !s.contains("not reached"));
  }
}
