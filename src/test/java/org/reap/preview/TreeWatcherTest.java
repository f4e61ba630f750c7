package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The watcher in both of its modes: the system's notifications (inotify here) and comparing files
 * (what macOS gets, since the JDK only polls there every 10 s).
 */
class TreeWatcherTest {
  @TempDir Path dir;

  private final ExecutorService pool =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "tree-watcher-test");
            t.setDaemon(true);
            return t;
          });

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private Future<Set<Path>> next(TreeWatcher w) {
    return pool.submit(w::next);
  }

  private static Set<Path> get(Future<Set<Path>> f) throws Exception {
    return f.get(15, TimeUnit.SECONDS);
  }

  private TreeWatcher watcher(boolean scan) throws Exception {
    Files.createDirectories(dir.resolve("plans/a"));
    Files.writeString(dir.resolve("plans/a/x.yaml"), "reap: 1\n");
    TreeWatcher w =
        new TreeWatcher(
            List.of(dir.resolve("plans"), dir.resolve("templates")), Duration.ofMillis(150), scan);
    assertThat(w.scanning()).isEqualTo(scan);
    return w;
  }

  @ParameterizedTest(name = "scan files: {0}")
  @ValueSource(booleans = {false, true})
  void reportsSavesInTheTreeAndIgnoresScratchFiles(boolean scan) throws Exception {
    try (TreeWatcher w = watcher(scan)) {
      Path x = dir.resolve("plans/a/x.yaml");
      Future<Set<Path>> f = next(w);
      Files.writeString(x, "reap: 1\nkind: plan\n");
      assertThat(get(f)).containsExactly(x);

      // hidden files, out/, editors' backups and swap files are not changes; a YAML file beside
      // them is
      Files.createDirectories(dir.resolve("plans/out"));
      f = next(w);
      Files.writeString(dir.resolve("plans/.x.yaml.swp"), "scratch");
      Files.writeString(dir.resolve("plans/x.yaml~"), "backup");
      Files.writeString(dir.resolve("plans/out/index.html"), "<p>rendered</p>");
      Files.writeString(dir.resolve("plans/4913"), "");
      Path b = dir.resolve("plans/b.yaml");
      Files.writeString(b, "reap: 1\n");
      Set<Path> changed = get(f);
      assertThat(changed).contains(b);
      assertThat(changed)
          .noneMatch(
              p ->
                  p.toString().contains("swp")
                      || p.toString().endsWith("~")
                      || p.startsWith(dir.resolve("plans/out"))
                      || p.endsWith("4913"));
    }
  }

  @ParameterizedTest(name = "scan files: {0}")
  @ValueSource(booleans = {false, true})
  void watchesFoldersAndTreesThatAppearLater(boolean scan) throws Exception {
    try (TreeWatcher w = watcher(scan)) {
      Path z = dir.resolve("plans/new/sub/z.yaml");
      Future<Set<Path>> f = next(w);
      Files.createDirectories(z.getParent());
      Files.writeString(z, "reap: 1\n");
      assertThat(get(f)).contains(z);
      // the new folders are watched from now on
      f = next(w);
      Files.writeString(z, "reap: 1\nkind: plan\n");
      assertThat(get(f)).contains(z);

      // templates/ did not exist when the watcher started
      Path css = dir.resolve("templates/lib/style.css");
      f = next(w);
      Files.createDirectories(css.getParent());
      Files.writeString(css, "h1 { color: #000000; }\n");
      assertThat(get(f)).contains(dir.resolve("templates"));
      f = next(w);
      Files.writeString(css, "h1 { color: #111111; }\n");
      assertThat(get(f)).contains(css);

      // a file outside the trees is not a change
      f = next(w);
      Files.writeString(dir.resolve("README.md"), "not watched\n");
      Thread.sleep(600);
      assertThat(f.isDone()).isFalse();
      Files.delete(z);
      assertThat(get(f)).contains(z).doesNotContain(dir.resolve("README.md"));
    }
  }

  @ParameterizedTest(name = "scan files: {0}")
  @ValueSource(booleans = {false, true})
  void waitsForTheFilesToSettleAndStopsWhenClosed(boolean scan) throws Exception {
    TreeWatcher w = watcher(scan);
    Future<Set<Path>> f = next(w);
    // five saves 60 ms apart (less than the quiet period): one report with all of them
    for (int i = 0; i < 5; i++) {
      Files.writeString(dir.resolve("plans/f" + i + ".yaml"), "reap: 1\n");
      Thread.sleep(60);
    }
    Set<Path> changed = get(f);
    assertThat(changed).hasSizeGreaterThanOrEqualTo(4).contains(dir.resolve("plans/f0.yaml"));

    f = next(w);
    Thread.sleep(100);
    long t0 = System.nanoTime();
    w.close();
    assertThat(get(f)).isNull();
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"x.yaml~", ".#x.yaml", "#x.yaml#", "x.yaml.swp", "x.swx", "4913", "x.tmp"})
  void scratchNames(String name) {
    assertThat(TreeWatcher.scratch(name) || name.startsWith(".")).isTrue();
  }
}
