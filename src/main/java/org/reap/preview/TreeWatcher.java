package org.reap.preview;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folder trees (the plans, the templates) and reports what changed once the changes have
 * stopped for a moment (debounce): an editor's save is often several events (write, rename,
 * attributes), and a bulk change (git checkout) many.
 *
 * <p>Uses the JDK's {@link WatchService}, registered on every folder of each tree (it is not
 * recursive by itself) and on each tree's parent, so a tree that appears later (a new {@code
 * templates/}) is noticed. Where the JDK only has its polling implementation (macOS, which looks
 * every 10 s) or the system refuses more watches, it instead compares the size and time of every
 * file a few times a second, which keeps a save visible within about a second.
 *
 * <p>Ignored: hidden files and folders, {@code out/}, {@code target/}, {@code node_modules/} and
 * editors' scratch files (names ending in {@code ~}, {@code .swp}, {@code .swx}, {@code .tmp},
 * vim's {@code 4913}), so rendering into {@code out/} or an editor's autosave does not trigger a
 * build.
 */
final class TreeWatcher implements AutoCloseable {
  /** Folders never watched inside a tree (as RepositoryLoader never reads them). */
  private static final Set<String> SKIP = Set.of("out", "target", "node_modules");

  static final Duration SCAN_INTERVAL = Duration.ofMillis(250);

  private final List<Path> trees;
  private final Duration quiet;
  private final Duration maxWait;
  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private final boolean scanning;
  private Map<Path, String> fingerprints;
  private volatile boolean closed;

  /**
   * @param trees folders to watch with everything under them (they need not exist yet)
   * @param quiet how long nothing must change before a change is reported
   * @param scan compare file sizes and times instead of using the JDK's watch service
   */
  TreeWatcher(List<Path> trees, Duration quiet, boolean scan) throws IOException {
    this.trees = trees.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    this.quiet = quiet;
    this.maxWait = quiet.multipliedBy(4).plusMillis(200);
    WatchService ws = null;
    boolean useScan = scan;
    if (!useScan) {
      ws = FileSystems.getDefault().newWatchService();
      // The JDK's fallback (sun.nio.fs.PollingWatchService) looks every 10 seconds: too slow here.
      if (ws.getClass().getName().contains("Polling")) {
        ws.close();
        ws = null;
        useScan = true;
      }
    }
    if (ws != null) {
      try {
        for (Path t : this.trees) {
          watchParent(ws, t);
          registerTree(ws, t);
        }
      } catch (IOException e) {
        // e.g. Linux's limit on inotify watches: fall back to comparing files
        ws.close();
        ws = null;
        keys.clear();
        useScan = true;
      }
    }
    this.service = ws;
    this.scanning = useScan;
    if (scanning) {
      fingerprints = fingerprint();
    }
  }

  /** True when changes are found by comparing files rather than by the system's notifications. */
  boolean scanning() {
    return scanning;
  }

  /**
   * Waits for a change, then until nothing more has changed for the quiet period (at most about
   * four quiet periods in all), and returns the files and folders that changed. Returns null once
   * the watcher is closed.
   */
  Set<Path> next() throws InterruptedException {
    Set<Path> changed = new LinkedHashSet<>();
    while (!closed && changed.isEmpty()) {
      if (!waitFor(changed, -1)) {
        return null;
      }
    }
    long first = System.nanoTime();
    long last = first;
    while (!closed) {
      long now = System.nanoTime();
      long wait = Math.min(quiet.toNanos() - (now - last), maxWait.toNanos() - (now - first));
      if (wait <= 0) {
        break;
      }
      int before = changed.size();
      if (!waitFor(changed, wait)) {
        return null;
      }
      if (changed.size() > before) {
        last = System.nanoTime();
      }
    }
    return closed ? null : changed;
  }

  /** Adds what changed within {@code nanos} (forever when negative); false when closed. */
  private boolean waitFor(Set<Path> changed, long nanos) throws InterruptedException {
    if (scanning) {
      long sleep = nanos < 0 ? SCAN_INTERVAL.toNanos() : Math.min(nanos, SCAN_INTERVAL.toNanos());
      TimeUnit.NANOSECONDS.sleep(sleep);
      if (closed) {
        return false;
      }
      Map<Path, String> now = fingerprint();
      for (Map.Entry<Path, String> e : now.entrySet()) {
        if (!e.getValue().equals(fingerprints.get(e.getKey()))) {
          changed.add(e.getKey());
        }
      }
      for (Path p : fingerprints.keySet()) {
        if (!now.containsKey(p)) {
          changed.add(p);
        }
      }
      fingerprints = now;
      return true;
    }
    WatchKey key;
    try {
      key = nanos < 0 ? service.take() : service.poll(nanos, TimeUnit.NANOSECONDS);
    } catch (ClosedWatchServiceException e) {
      return false;
    }
    while (key != null) {
      collect(key, changed);
      key = service.poll();
    }
    return true;
  }

  private void collect(WatchKey key, Set<Path> changed) {
    Path dir = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == OVERFLOW) {
        // events were lost: report every tree, and watch any folder that appeared meanwhile
        changed.addAll(trees);
        for (Path t : trees) {
          tryRegisterTree(t);
        }
        continue;
      }
      if (dir == null || !(event.context() instanceof Path name)) {
        continue;
      }
      Path child = dir.resolve(name);
      if (!relevant(child)) {
        continue;
      }
      changed.add(child);
      if (event.kind() == ENTRY_CREATE && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        // a new folder (or a tree that appeared): watch it, and report what is already in it
        tryRegisterTree(child);
        try (Stream<Path> s = Files.walk(child, 12)) {
          s.filter(this::relevant).forEach(changed::add);
        } catch (IOException | RuntimeException e) {
          // gone again, or unreadable: the build reports what it cannot read
        }
      }
    }
    if (!key.reset()) {
      keys.remove(key); // the folder was deleted
    }
  }

  private void tryRegisterTree(Path dir) {
    try {
      registerTree(service, dir);
    } catch (IOException e) {
      // the next build reports an unreadable folder; nothing more to do here
    }
  }

  /**
   * Registers every folder of a tree that exists, skipping what the watcher ignores. Each folder is
   * registered before its entries are listed, so a subfolder made meanwhile is either listed here
   * or reported by the folder's own registration.
   */
  private void registerTree(WatchService ws, Path root) throws IOException {
    if (!Files.isDirectory(root) || !relevant(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        Set.of(),
        12,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            if (!relevant(d)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (!watched(d)) {
              keys.put(d.register(ws, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), d);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            return FileVisitResult.CONTINUE; // gone again, or unreadable: the build reports it
          }
        });
  }

  /** The parent of a tree, so that the tree itself being created, replaced or removed is seen. */
  private void watchParent(WatchService ws, Path tree) throws IOException {
    Path parent = tree.getParent();
    if (parent != null && Files.isDirectory(parent) && !watched(parent)) {
      keys.put(parent.register(ws, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY), parent);
    }
  }

  /**
   * Whether a folder has a live registration (a folder deleted and created again needs a new one).
   */
  private boolean watched(Path dir) {
    keys.entrySet().removeIf(e -> !e.getKey().isValid());
    return keys.containsValue(dir);
  }

  /** Inside one of the trees (or one of them), and not something the watcher ignores. */
  boolean relevant(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    for (Path t : trees) {
      if (abs.equals(t)) {
        return true;
      }
      if (abs.startsWith(t)) {
        Path rel = t.relativize(abs);
        for (Path part : rel) {
          String n = part.toString();
          if (n.startsWith(".") || SKIP.contains(n)) {
            return false;
          }
        }
        return !scratch(abs.getFileName().toString());
      }
    }
    return false;
  }

  /** Editors' temporary and backup files. */
  static boolean scratch(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith("~")
        || n.endsWith(".swp")
        || n.endsWith(".swx")
        || n.endsWith(".tmp")
        || n.equals("4913")
        || (n.startsWith("#") && n.endsWith("#"));
  }

  /** Size and modification time of every relevant file and folder, for the scanning mode. */
  private Map<Path, String> fingerprint() {
    Map<Path, String> out = new HashMap<>();
    for (Path t : trees) {
      if (!Files.isDirectory(t)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(t, 12)) {
        s.filter(this::relevant)
            .forEach(
                p -> {
                  try {
                    BasicFileAttributes a =
                        Files.readAttributes(
                            p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    out.put(
                        p,
                        a.isDirectory()
                            ? "dir"
                            : a.size()
                                + ":"
                                + a.lastModifiedTime().toInstant()
                                + ":"
                                + Objects.hashCode(a.fileKey()));
                  } catch (IOException e) {
                    out.put(p, "unreadable");
                  }
                });
      } catch (IOException | RuntimeException e) {
        out.put(t, "unreadable");
      }
    }
    return out;
  }

  @Override
  public void close() {
    closed = true;
    if (service != null) {
      try {
        service.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }
}
