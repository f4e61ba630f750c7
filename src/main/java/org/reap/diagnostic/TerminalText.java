package org.reap.diagnostic;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * Text from files (paths, values) made harmless for a terminal or a CI log: a file name with ESC,
 * OSC or BEL bytes could recolour the terminal, set its title, or (with a line break) fake a CI log
 * line such as GitHub's {@code ::error}. Control characters (C0 but the tab, DEL, C1), the line and
 * paragraph separators and the bidirectional overrides (Trojan Source) are written as escapes:
 * {@code \x1b}, {@code \n}, {@code \u202e}.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * {@code s} with every control character escaped, line breaks included (for one-line values and
   * paths).
   */
  public static String safe(String s) {
    return escape(s, false);
  }

  /**
   * As {@link #safe}, but keeping line breaks ({@code \n}): for text reap wrote on several lines.
   */
  public static String safeLines(String s) {
    return escape(s, true);
  }

  static boolean unsafe(int c, boolean keepNewlines) {
    if (c == '\t' || c == '\n' && keepNewlines) {
      return false;
    }
    return c < 0x20
        || c >= 0x7f && c <= 0x9f
        || c == 0x2028
        || c == 0x2029
        || c >= 0x202a && c <= 0x202e
        || c >= 0x2066 && c <= 0x2069;
  }

  private static String escape(String s, boolean keepNewlines) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !unsafe(s.charAt(i), keepNewlines)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unsafe(c, keepNewlines)) {
        sb.append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c <= 0xff) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  /**
   * A writer for reap's own stdout and stderr: everything printed through it is escaped as {@link
   * #safeLines} (line breaks kept), except what reap itself writes with {@link #trusted} (its
   * colours and the progress bar's carriage returns).
   */
  public static final class Out extends PrintWriter {
    public Out(Writer out) {
      super(out, true);
    }

    @Override
    public void write(int c) {
      if (unsafe(c, true)) {
        super.write(escape(String.valueOf((char) c), true));
      } else {
        super.write(c);
      }
    }

    @Override
    public void write(char[] buf, int off, int len) {
      write(new String(buf, off, len), 0, len);
    }

    @Override
    public void write(String s, int off, int len) {
      String e = escape(s.substring(off, off + len), true);
      super.write(e, 0, e.length());
    }

    /** Writes reap's own control sequences as they are. */
    public void trusted(String s) {
      synchronized (lock) {
        super.write(s, 0, s.length());
      }
      flush();
    }
  }

  /** Writes {@code s} as it is to reap's own terminal writer, or plainly to any other writer. */
  public static void trusted(PrintWriter w, String s) {
    if (w instanceof Out o) {
      o.trusted(s);
    } else {
      w.print(s);
    }
  }
}
