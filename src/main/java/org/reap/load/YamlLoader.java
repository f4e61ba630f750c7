package org.reap.load;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reap.diagnostic.Diagnostics;
import org.reap.source.SourceFile;
import org.reap.source.Span;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML file into a {@link YNode} tree with 1-based positions. Never throws for a user's
 * mistake: every problem becomes a diagnostic and the result is empty.
 */
public final class YamlLoader {
  /** Largest file reap reads, in bytes. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  /** Most nodes one file may expand to, counting each use of an alias. */
  public static final int MAX_NODES = 500_000;

  public static final int MAX_DEPTH = 40;

  public record Loaded(SourceFile file, YNode root) {}

  private YamlLoader() {}

  /** Reads and parses {@code path}; {@code display} is the path shown in messages. */
  public static Loaded load(Path path, String display, Diagnostics diags) {
    SourceFile placeholder = new SourceFile(path, display, "");
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) {
        diags.error(
            "file.not-a-file",
            Span.ofFile(placeholder),
            "this is a folder, not a YAML file",
            "name a .yaml file, or the folder that holds it");
        return null;
      }
      String special = org.reap.source.SpecialFiles.kind(path);
      if (special != null) {
        // reading a FIFO blocks until something writes to it, a device may never end: refused
        // before opening
        diags.error(
            "file.not-a-file",
            Span.ofFile(placeholder),
            "this is " + special + ", not a regular file; reap reads only regular files",
            "replace it with the YAML file itself, or move it out of the plans folder");
        return null;
      }
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        diags.error(
            "file.too-large",
            Span.ofFile(placeholder),
            "the file is "
                + (size / (1024 * 1024))
                + " MB; reap reads files of at most "
                + (MAX_FILE_BYTES / (1024 * 1024))
                + " MB",
            "split it into several files (for example one milestones file per year)");
        return null;
      }
      bytes = Files.readAllBytes(path);
    } catch (IOException | SecurityException e) {
      diags.error(
          "file.unreadable",
          Span.ofFile(placeholder),
          "the file cannot be read (" + reason(e) + ")",
          "check that it exists and that you have permission to read it");
      return null;
    }
    return parse(path, display, bytes, diags);
  }

  static String reason(Exception e) {
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "NoSuchFileException" -> "it does not exist";
      case "AccessDeniedException" -> "permission denied";
      default -> e.getMessage() == null ? name : e.getMessage();
    };
  }

  /**
   * SnakeYAML's reader for {@code in} ({@code length} characters), reading it in one piece.
   *
   * <p>SnakeYAML reads 1,024 characters at a time and, each time, copies every character of the
   * token it is still scanning: a value of n characters with no space (a pasted blob, a long word)
   * costs n&sup2;/1,024 copies (11.6 s for 7 MB, issue 14). Its buffer is a private field with no
   * setting; giving it room for the whole text makes the first read take everything, so the window
   * is copied once and reading is linear. If the field cannot be set (a later SnakeYAML or JDK),
   * the reader works as before, only slower on such values.
   */
  static org.yaml.snakeyaml.reader.StreamReader streamReader(java.io.Reader in, int length) {
    org.yaml.snakeyaml.reader.StreamReader r = new org.yaml.snakeyaml.reader.StreamReader(in);
    try {
      java.lang.reflect.Field buffer =
          org.yaml.snakeyaml.reader.StreamReader.class.getDeclaredField("buffer");
      buffer.setAccessible(true);
      if (((char[]) buffer.get(r)).length < length + 2) {
        buffer.set(r, new char[length + 2]);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // keep SnakeYAML's own buffer
    }
    return r;
  }

  public static Loaded parse(Path path, String display, byte[] bytes, Diagnostics diags) {
    SourceFile placeholder = new SourceFile(path, display, "");
    String text = decode(bytes, placeholder, diags);
    if (text == null) {
      return null;
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    SourceFile file = new SourceFile(path, display, text);
    if (!checkCharacters(file, diags)) {
      return null;
    }
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    // Well above MAX_DEPTH, so that the converter reports the first level too deep with its
    // position.
    options.setNestingDepthLimit(MAX_DEPTH * 4);
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    List<Node> docs = new ArrayList<>();
    try {
      org.yaml.snakeyaml.composer.Composer composer =
          new org.yaml.snakeyaml.composer.Composer(
              new org.yaml.snakeyaml.parser.ParserImpl(
                  streamReader(new StringReader(text), text.length()), options),
              new org.yaml.snakeyaml.resolver.Resolver(),
              options);
      while (composer.checkNode()) {
        Node n = composer.getNode();
        docs.add(n);
        if (docs.size() > 1) {
          break;
        }
      }
    } catch (MarkedYAMLException e) {
      diags.add(YamlErrors.translate(file, e));
      return null;
    } catch (YAMLException e) {
      diags.add(YamlErrors.translateUnmarked(file, e));
      return null;
    } catch (StackOverflowError e) {
      diags.error(
          "yaml.too-deep",
          Span.ofFile(file),
          "the file nests too deeply to read",
          "reap files need at most " + MAX_DEPTH + " levels of indentation");
      return null;
    }
    if (docs.isEmpty() || docs.get(0) == null) {
      diags.error(
          "yaml.empty",
          Span.ofFile(file),
          text.isBlank() ? "the file is empty" : "the file holds only comments, no fields",
          "start it with the two lines every reap file has, for example \"reap: 1\" and \"kind: plan\"");
      return null;
    }
    if (docs.size() > 1
        && (docs.get(1) == null || docs.get(1) instanceof ScalarNode s && s.getValue().isEmpty())) {
      docs.remove(1); // a file that ends with a bare --- holds one document
    }
    if (docs.size() > 1) {
      Mark m = docs.get(1).getStartMark();
      Span at = span(file, m, m);
      for (int line = m.getLine() + 1; line >= 1; line--) {
        if (file.line(line).startsWith("---")) {
          at = new Span(file, line, 1, line, 4);
          break;
        }
      }
      diags.error(
          "yaml.several-documents",
          at,
          "this file holds more than one document (a line with --- starts another)",
          "put each document in a file of its own");
      return null;
    }
    Converter c = new Converter(file, diags);
    YNode root = c.convert(docs.get(0), 0);
    if (c.failed) {
      return null;
    }
    return new Loaded(file, root);
  }

  private static String decode(byte[] bytes, SourceFile file, Diagnostics diags) {
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return dec.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes);
      String before = new String(bytes, 0, Math.max(0, bad), StandardCharsets.UTF_8);
      int line = 1;
      int col = 1;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          col = 1;
        } else if (!Character.isLowSurrogate(before.charAt(i))) {
          col++;
        }
      }
      SourceFile shown =
          new SourceFile(
              file.path(), file.displayPath(), new String(bytes, StandardCharsets.UTF_8));
      if (bytes.length >= 2
          && ((bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE
              || (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF)) {
        diags.error(
            "file.encoding",
            Span.ofFile(file),
            "the file is saved as UTF-16 (\"Unicode\" in Notepad); reap reads UTF-8",
            "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)");
        return null;
      }
      boolean binary = looksBinary(bytes);
      if (binary) {
        diags.error(
            "file.encoding",
            Span.ofFile(file),
            "this is not a text file",
            "reap reads YAML text files; check that the right file is named");
        return null;
      }
      diags.error(
          "file.encoding",
          Span.at(shown, line, col),
          binary
              ? "this is not a text file"
              : String.format("byte 0x%02X here is not valid UTF-8 text", bytes[bad] & 0xff),
          binary
              ? "reap reads YAML text files; check that the right file is named"
              : "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)");
      return null;
    }
  }

  private static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 512);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The index of the first byte that does not start a well-formed UTF-8 sequence (Unicode table
   * 3-7: no overlong forms, no surrogates, nothing above U+10FFFF), or the last index when there is
   * none (the decoder is the authority on whether the bytes are valid; this only finds where).
   */
  static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int n;
      int lo = 0x80;
      int hi = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80; // E0 80..9F would be overlong
        hi = c == 0xED ? 0x9F : 0xBF; // ED A0..BF would be a surrogate
      } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        lo = c == 0xF0 ? 0x90 : 0x80; // F0 80..8F would be overlong
        hi = c == 0xF4 ? 0x8F : 0xBF; // F4 90.. would be above U+10FFFF
      } else {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length) {
          return i;
        }
        int d = b[i + k] & 0xff;
        if (k == 1 ? d < lo || d > hi : (d & 0xC0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.max(0, b.length - 1);
  }

  /** NUL and other control characters (but tab, CR and LF) are reported with their position. */
  private static boolean checkCharacters(SourceFile file, Diagnostics diags) {
    String t = file.text();
    int line = 1;
    int col = 1;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\n') {
        line++;
        col = 1;
        continue;
      }
      if (c == '\r') {
        if (i + 1 < t.length() && t.charAt(i + 1) == '\n') {
          continue;
        }
        line++;
        col = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t')
          || c == 0x7f
          || (c >= 0x80 && c < 0xA0)
          || c == '\uFFFE'
          || c == '\uFFFF') {
        diags.error(
            "file.control-character",
            Span.at(file, line, col),
            String.format("the file holds an invisible control character (U+%04X) here", (int) c),
            "delete it; it was probably pasted in by accident");
        return false;
      }
      if (!Character.isLowSurrogate(c)) {
        col++;
      }
    }
    return true;
  }

  static Span span(SourceFile file, Mark start, Mark end) {
    return new Span(
        file, start.getLine() + 1, start.getColumn() + 1, end.getLine() + 1, end.getColumn() + 1);
  }

  /** SnakeYAML's node tree to ours, checking duplicate keys, key types, tags and expansion. */
  private static final class Converter {
    private static final java.util.Set<String> ALLOWED_TAGS =
        java.util.Set.of(
            Tag.STR.getValue(),
            Tag.INT.getValue(),
            Tag.FLOAT.getValue(),
            Tag.BOOL.getValue(),
            Tag.NULL.getValue(),
            Tag.TIMESTAMP.getValue(),
            Tag.MAP.getValue(),
            Tag.SEQ.getValue());
    private final SourceFile file;
    private final Diagnostics diags;
    private int nodes;
    boolean failed;
    private final Map<String, Node> anchors = new HashMap<>();
    private final java.util.Set<Node> reportedAnchors =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    Converter(SourceFile file, Diagnostics diags) {
      this.file = file;
      this.diags = diags;
    }

    YNode convert(Node n, int depth) {
      if (failed) {
        return null;
      }
      if (++nodes > MAX_NODES) {
        failed = true;
        if (anchors.isEmpty()) {
          // no anchor, so no alias: the file itself is this long; the value reached is where the
          // limit was passed
          diags.error(
              "yaml.too-many-nodes",
              span(file, n.getStartMark(), n.getEndMark()),
              String.format(
                  java.util.Locale.ROOT,
                  "the file has more than %,d values (it uses no aliases); reap reads at most %,d values per file",
                  MAX_NODES,
                  MAX_NODES),
              "split it into several files (for example one milestones file per year)");
          return null;
        }
        // No position: the node reached here is somewhere inside an anchored section, not the alias
        // that repeats it.
        diags.error(
            "yaml.too-many-nodes",
            Span.ofFile(file),
            String.format(
                java.util.Locale.ROOT,
                "the file expands to more than %,d values (aliases repeat whole sections)",
                MAX_NODES),
            "use fewer aliases (*name); write the values out instead");
        return null;
      }
      if (depth > MAX_DEPTH) {
        fail(
            "yaml.too-deep",
            n,
            "the file nests more than " + MAX_DEPTH + " levels deep here",
            "reap files need only a few levels; check the indentation");
        return null;
      }
      Span span = span(file, n.getStartMark(), n.getEndMark());
      String anchor = n.getAnchor();
      if (anchor != null) {
        Node first = anchors.putIfAbsent(anchor, n);
        if (first != null && first != n && reportedAnchors.add(n)) {
          int line = n.getStartMark().getLine() + 1;
          String text = file.line(line);
          int col = text.indexOf("&" + anchor);
          diags.error(
              "yaml.duplicate-anchor",
              col >= 0 ? new Span(file, line, col + 1, line, col + 2 + anchor.length()) : span,
              "the anchor &"
                  + anchor
                  + " is defined twice (first at line "
                  + (first.getStartMark().getLine() + 1)
                  + ")",
              "give each anchor its own name");
        }
      }
      Tag tag = n.getTag();
      if (tag != null && !ALLOWED_TAGS.contains(tag.getValue())) {
        fail(
            "yaml.tag",
            n,
            "type tags such as "
                + tag.getValue().replace(Tag.PREFIX, "!!")
                + " are not used in reap files",
            "remove the tag; reap reads each value by what its field expects");
        return null;
      }
      if (n instanceof ScalarNode s) {
        boolean plain = s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        String v = s.getValue();
        boolean isNull =
            plain
                && (v.isEmpty()
                    || v.equals("~")
                    || v.equals("null")
                    || v.equals("Null")
                    || v.equals("NULL"));
        return new YNode.YScalar(span, v, plain, isNull);
      }
      if (n instanceof SequenceNode seq) {
        List<YNode> items = new ArrayList<>(seq.getValue().size());
        for (Node c : seq.getValue()) {
          YNode y = convert(c, depth + 1);
          if (failed) {
            return null;
          }
          items.add(y);
        }
        return new YNode.YSeq(span, List.copyOf(items));
      }
      MappingNode map = (MappingNode) n;
      List<YNode.Entry> entries = new ArrayList<>(map.getValue().size());
      Map<String, YNode.YScalar> keys = new HashMap<>();
      for (NodeTuple t : map.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode)) {
          fail(
              "yaml.complex-key",
              t.getKeyNode(),
              "a field name must be a single word or phrase, not a list or mapping",
              "write the field name, a colon and a space, then its value");
          return null;
        }
        if (t.getKeyNode() instanceof ScalarNode ks
            && ks.getValue().equals("<<")
            && ks.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
          fail(
              "yaml.merge-key",
              t.getKeyNode(),
              "merge keys (<<) are not supported in reap files",
              "write the fields out in full");
          return null;
        }
        YNode.YScalar key = (YNode.YScalar) convert(t.getKeyNode(), depth + 1);
        if (failed) {
          return null;
        }
        YNode.YScalar earlier = keys.get(key.text());
        if (earlier != null) {
          diags.error(
              "yaml.duplicate-key",
              key.span(),
              "the field \""
                  + key.text()
                  + "\" appears twice in the same group; the first is at line "
                  + earlier.span().line(),
              "keep one of them: YAML would silently use only the last");
        } else {
          keys.put(key.text(), key);
        }
        YNode value = convert(t.getValueNode(), depth + 1);
        if (failed) {
          return null;
        }
        entries.add(new YNode.Entry(key, value));
      }
      return new YNode.YMap(span, List.copyOf(entries));
    }

    private void fail(String rule, Node n, String message, String hint) {
      failed = true;
      Mark m = n.getStartMark();
      diags.error(rule, span(file, m, n.getEndMark()), message, hint);
    }
  }
}
