package org.reap.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last render wrote into out/: for each output document, the key of its inputs and the
 * {@link #fingerprint fingerprint} of each file. A document is skipped only when its key is the
 * same and its files are still there, unchanged. The key is a hash of everything the output depends
 * on: reap's version, the formats, the PDF date, the PDF metadata and the filled-in XHTML (which
 * holds every value from the plan files and every template).
 */
public final class Manifest {
  /**
   * The manifest's name in out/.reap/ (reap's own files, not published): written with {@code
   * OutputDir.stageOwn}.
   */
  public static final String FILE = "manifest.tsv";

  private static final String HEADER =
      "# reap render manifest v2: document, inputs key, files (name=size-crc32c-crc32)";

  public record Entry(String key, Map<String, String> files) {}

  private final Map<String, Entry> entries;

  private Manifest(Map<String, Entry> entries) {
    this.entries = entries;
  }

  public static Manifest empty() {
    return new Manifest(new TreeMap<>());
  }

  /**
   * Reads out/.reap/manifest.tsv; a missing or unreadable one is empty (everything renders). The
   * out/reap-manifest.tsv of older versions is not read (one full render, then it is removed).
   */
  public static Manifest read(Path outDir) {
    Path f = outDir.resolve(org.reap.render.output.OutputDir.OWN_DIR).resolve(FILE);
    Map<String, Entry> m = new TreeMap<>();
    try {
      if (!Files.isRegularFile(f)) {
        return empty();
      }
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length < 2) {
          return empty();
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 2; i < parts.length; i++) {
          int eq = parts[i].lastIndexOf('=');
          if (eq <= 0) {
            return empty();
          }
          files.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        m.put(parts[0], new Entry(parts[1], files));
      }
    } catch (IOException | RuntimeException e) {
      return empty();
    }
    return new Manifest(m);
  }

  public Entry get(String name) {
    return entries.get(name);
  }

  public void put(String name, Entry e) {
    entries.put(name, e);
  }

  /**
   * The entry of the whole run: its key is {@link Renderer#runKey()}, its one file index.html. Not
   * a document name (those are lower-case ids), so it cannot clash with one.
   */
  public static final String RUN = "*";

  /**
   * True when every file of every entry is in out/ as it was written (and there is at least one).
   */
  public boolean allIntact(Path outDir) {
    if (entries.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (!upToDate(e.getKey(), e.getValue().key(), outDir)) {
        return false;
      }
    }
    return true;
  }

  /** Drops an entry (the run's, after a partial render). */
  public void remove(String name) {
    entries.remove(name);
  }

  /** True when the document's key matches and each of its files is in out/ as it was written. */
  public boolean upToDate(String name, String key, Path outDir) {
    Entry e = entries.get(name);
    if (e == null || !e.key().equals(key) || e.files().isEmpty()) {
      return false;
    }
    for (Map.Entry<String, String> f : e.files().entrySet()) {
      Path p = outDir.resolve(f.getKey());
      try {
        if (!Files.isRegularFile(p) || !sameFile(Files.readAllBytes(p), f.getValue())) {
          return false;
        }
      } catch (IOException ex) {
        return false;
      }
    }
    return true;
  }

  public byte[] bytes() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    entries.forEach(
        (name, e) -> {
          sb.append(name).append('\t').append(e.key());
          e.files().forEach((f, h) -> sb.append('\t').append(f).append('=').append(h));
          sb.append('\n');
        });
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * What tells that a file in out/ is still the one reap wrote: its size and two checksums, CRC-32C
   * and CRC-32 (64 bits in all). Not a defence against someone forging a file (whoever can write
   * out/ can write this manifest too), only against edits and damage, which it catches but for a
   * chance of 2^-64; and it is fast where SHA-256 is not: checking the 1,004 files (50 MB) of a
   * 502-document repository took 1.5 s with SHA-256 under the launcher's C1-only JIT, which has no
   * SHA intrinsic, while C1 compiles both checksums to CPU instructions (docs/performance.md).
   */
  public static String fingerprint(byte[] bytes) {
    java.util.zip.CRC32C c = new java.util.zip.CRC32C();
    c.update(bytes);
    java.util.zip.CRC32 d = new java.util.zip.CRC32();
    d.update(bytes);
    return bytes.length + "-" + String.format("%08x-%08x", c.getValue(), d.getValue());
  }

  /** A file against a recorded fingerprint, or against a SHA-256 that a v1 manifest recorded. */
  static boolean sameFile(byte[] bytes, String recorded) {
    if (recorded.length() == 64 && recorded.indexOf('-') < 0) {
      return sha256(bytes).equals(recorded);
    }
    int dash = recorded.indexOf('-');
    if (dash <= 0 || !recorded.substring(0, dash).equals(String.valueOf(bytes.length))) {
      return false;
    }
    return fingerprint(bytes).equals(recorded);
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }
}
