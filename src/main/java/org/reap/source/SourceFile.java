package org.reap.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A file as read, with the path to show users and its decoded text split into lines. */
public final class SourceFile {
  private final Path path;
  private final String displayPath;
  private final String text;
  private List<String> lines;

  public SourceFile(Path path, String displayPath, String text) {
    this.path = path;
    this.displayPath = displayPath.replace('\\', '/');
    this.text = text;
  }

  public Path path() {
    return path;
  }

  public String displayPath() {
    return displayPath;
  }

  public String text() {
    return text;
  }

  /** Line n (1-based) without its line break, or "" when out of range. */
  public String line(int n) {
    if (lines == null) {
      lines = split(text);
    }
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    out.add(text.substring(start));
    return out;
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
