package org.reap.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.reap.model.Repository;
import org.reap.render.pdf.PdfMeta;

/**
 * The incremental render's decisions, against the {@link Manifest} of the last run in out/: whether
 * the whole run can be skipped (same run key, every file intact) and whether one document can (same
 * inputs key, its files intact). Writes nothing; the renderer makes the manifest entries.
 */
final class RenderCache {
  private final Repository repo;
  private final Renderer.Options options;

  RenderCache(Repository repo, Renderer.Options options) {
    this.repo = repo;
    this.options = options;
  }

  /**
   * True when nothing a whole run depends on changed since {@code previous} was written: not {@code
   * force}d, a whole run into {@code outDir}, its run key the one recorded, and every recorded file
   * still as it was written. Every document is then skipped without filling in a template.
   */
  boolean unchanged(Manifest previous, Path outDir, boolean force) {
    if (!force && outDir != null && wholeRun()) {
      Manifest.Entry run = previous.get(Manifest.RUN);
      return run != null && run.key().equals(runKey(outDir)) && previous.allIntact(outDir);
    }
    return false;
  }

  /**
   * The inputs key of one document: reap's version, the formats, the PDF metadata and the filled-in
   * XHTML (which holds every value from the plan files and every template).
   */
  String key(PdfMeta meta, String xhtml) {
    return Manifest.sha256(
        String.join(
            "\n", options.generator(), options.formats().toString(), meta.toString(), xhtml));
  }

  /**
   * True when document {@code name} need not be rendered again: not {@code force}d, and its key and
   * files in {@code outDir} are as {@code previous} recorded.
   */
  boolean upToDate(Manifest previous, Path outDir, boolean force, String name, String key) {
    return !force && outDir != null && previous.upToDate(name, key, outDir);
  }

  /**
   * True when this run makes every document (no --only) from the plans as they are now (no
   * --since).
   */
  boolean wholeRun() {
    return options.only().isEmpty() && options.since() == null;
  }

  /**
   * A hash of everything a whole run depends on: reap's build, the options, and every file under
   * the repository's folder and the templates folder (path, size and bytes), leaving out {@code
   * outDir}, version-control folders and reap's own lock and temporary files. Equal keys mean equal
   * outputs, so an unchanged run skips every document without filling in a template. Anything reap
   * reads (plans, templates, stylesheets, images, attached PDFs) is under those folders.
   */
  String runKey(Path outDir) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      java.util.function.Consumer<String> text =
          t -> {
            md.update(t.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
          };
      text.accept("reap run key v1");
      text.accept(options.version());
      text.accept(build());
      text.accept(String.valueOf(options.asOf()));
      text.accept(String.valueOf(options.pdfDate()));
      text.accept(new java.util.TreeSet<>(options.formats()).toString());
      text.accept(String.valueOf(options.languages()));
      Path out = outDir.toAbsolutePath().normalize();
      List<Path> roots = new ArrayList<>(List.of(repo.root().toAbsolutePath().normalize()));
      if (options.templates() != null) {
        Path t = options.templates().toAbsolutePath().normalize();
        if (!t.startsWith(roots.get(0))) {
          roots.add(t);
        }
      }
      for (Path root : roots) {
        text.accept("root " + root);
        if (!java.nio.file.Files.isDirectory(root)) {
          continue;
        }
        List<Path> files;
        try (var walk = java.nio.file.Files.walk(root)) {
          files =
              walk.filter(
                      p ->
                          !p.startsWith(out)
                              && !ignoredInRunKey(root.relativize(p))
                              && java.nio.file.Files.isRegularFile(p))
                  .sorted()
                  .toList();
        }
        for (Path f : files) {
          text.accept(root.relativize(f).toString().replace('\\', '/'));
          byte[] bytes = java.nio.file.Files.readAllBytes(f);
          text.accept(String.valueOf(bytes.length));
          md.update(bytes);
        }
      }
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (java.io.IOException
        | java.io.UncheckedIOException
        | java.security.NoSuchAlgorithmException e) {
      return "unreadable "
          + e; // never equal to a stored key: everything is checked document by document
    }
  }

  private static boolean ignoredInRunKey(Path relative) {
    for (Path part : relative) {
      String n = part.toString();
      if (n.equals(".git")
          || n.equals(".hg")
          || n.equals(".svn")
          || n.equals(".reap")
          || n.equals(".reap.lock")
          || n.endsWith(".reap-tmp")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Which build of reap this is: the jar's size and time, or "classes" when run from a class folder
   * (tests, which change the code only between JVMs). Version numbers alone stay the same across
   * development builds.
   */
  private static String build() {
    try {
      var src = Renderer.class.getProtectionDomain().getCodeSource();
      Path p = src == null ? null : Path.of(src.getLocation().toURI());
      if (p != null && java.nio.file.Files.isRegularFile(p)) {
        return p.getFileName()
            + " "
            + java.nio.file.Files.size(p)
            + " "
            + java.nio.file.Files.getLastModifiedTime(p).toMillis();
      }
      return "classes";
    } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
      return "unknown "
          + System.nanoTime(); // unknown build: never matches, so nothing is skipped wholesale
    }
  }
}
