package org.reap.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.reap.diagnostic.Diagnostics;
import org.reap.source.SourceFile;
import org.reap.source.Span;

/**
 * Finds the YAML files of a repository folder (or the files named) and reads each into a node tree
 * with positions. A file that cannot be read is reported and left out; the rest are still read.
 * Binding the trees to their kinds is the next stage (org.reap.bind).
 */
public final class RepositoryLoader {
  private RepositoryLoader() {}

  /**
   * What was read: the repository root, the files that could be read (in path order), and how many
   * YAML files were found in all.
   */
  /**
   * What load read: the repository's root, its YAML files with their node trees, how many files
   * were found, the folder whose settings file applies (null when only files were named) and the
   * folder paths are shown from.
   */
  public record Sources(
      Path root, List<YamlLoader.Loaded> files, int found, Path settingsRoot, Path cwd) {
    public Sources {
      files = List.copyOf(files);
    }
  }

  /** Folders never searched for documents. */
  private static final List<String> SKIP = List.of("out", "templates", "node_modules", "target");

  /**
   * Loads {@code paths} (folders or files). The repository root is the first folder given, or the
   * folder of the first file.
   */
  public static Sources load(List<Path> paths, Diagnostics diags) {
    return load(paths, Path.of(""), diags);
  }

  /** As {@link #load(List, Diagnostics)}, showing paths relative to {@code base}. */
  public static Sources load(List<Path> paths, Path base, Diagnostics diags) {
    Path cwd = base.toAbsolutePath().normalize();
    Path root = null;
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      Path abs = cwd.resolve(p).normalize();
      SourceFile shown = new SourceFile(abs, display(cwd, abs), "");
      if (!Files.exists(abs)) {
        diags.error(
            "file.not-found",
            Span.ofFile(shown),
            "there is no file or folder here",
            "check the spelling of the path; reap validate with no path reads plans/");
        continue;
      }
      if (Files.isDirectory(abs)) {
        if (root == null) {
          root = abs;
        }
        for (Path f : yamlFiles(abs, cwd, diags)) {
          if (!files.contains(f)) {
            files.add(f);
          }
        }
      } else {
        if (root == null) {
          root = abs.getParent();
        }
        if (!files.contains(abs)) {
          files.add(abs);
        }
      }
    }
    List<YamlLoader.Loaded> read = new ArrayList<>();
    // the settings file is read by the bind stage (bind.SettingsLoader), not as a document
    if (root != null) {
      Path settingsFile = root.resolve(org.reap.schema.Settings.FILE).normalize();
      files.remove(settingsFile);
    }
    Path realRoot = realPath(root);
    for (Path f : files) {
      String shown = display(cwd, f);
      if (realRoot != null && Files.isSymbolicLink(f)) {
        Path real = realPath(f);
        if (real == null || !real.startsWith(realRoot)) {
          diags.error(
              "file.outside-repository",
              Span.ofFile(new SourceFile(f, shown, "")),
              "this is a link to a file outside the repository",
              "copy the file into the repository instead of linking to it");
          continue;
        }
      }
      YamlLoader.Loaded loaded = YamlLoader.load(f, shown, diags);
      if (loaded != null) {
        read.add(loaded);
      }
    }
    return new Sources(root == null ? cwd : root, read, files.size(), root, cwd);
  }

  private static Path realPath(Path p) {
    try {
      return p == null ? null : p.toRealPath();
    } catch (IOException e) {
      return null;
    }
  }

  public static String display(Path cwd, Path abs) {
    try {
      if (abs.startsWith(cwd)) {
        return cwd.relativize(abs).toString().replace('\\', '/');
      }
    } catch (IllegalArgumentException e) {
      // different roots: show the absolute path
    }
    return abs.toString().replace('\\', '/');
  }

  private static List<Path> yamlFiles(Path dir, Path cwd, Diagnostics diags) {
    try (Stream<Path> s = Files.walk(dir, 12)) {
      return s.filter(p -> !p.equals(dir))
          .filter(p -> !skipped(dir.relativize(p)))
          .filter(p -> !inNestedRepository(dir, p))
          .filter(
              p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".yaml") || n.endsWith(".yml")) && !Files.isDirectory(p);
              })
          .sorted()
          .toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      diags.error(
          "file.unreadable",
          Span.ofFile(new SourceFile(dir, display(cwd, dir), "")),
          "the folder cannot be read (" + e.getMessage() + ")",
          "check that you have permission to read it");
      return List.of();
    }
  }

  /**
   * True when {@code p} is inside a folder below {@code root} that has its own settings file: that
   * folder is a repository of its own (a city's example, say) and is read only when named.
   */
  private static boolean inNestedRepository(Path root, Path p) {
    for (Path d = p.getParent();
        d != null && d.startsWith(root) && !d.equals(root);
        d = d.getParent()) {
      if (Files.isRegularFile(d.resolve(org.reap.schema.Settings.FILE))) {
        return true;
      }
    }
    return false;
  }

  private static boolean skipped(Path rel) {
    for (Path part : rel) {
      String n = part.toString();
      if (n.startsWith(".") || SKIP.contains(n)) {
        return true;
      }
    }
    return false;
  }
}
