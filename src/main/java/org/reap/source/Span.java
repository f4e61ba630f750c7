package org.reap.source;

/**
 * A place in a source file. Lines and columns are 1-based; the end is exclusive. A span with line 0
 * points at the file as a whole (for example an empty or unreadable file).
 */
public record Span(SourceFile file, int line, int column, int endLine, int endColumn) {

  public static Span ofFile(SourceFile file) {
    return new Span(file, 0, 0, 0, 0);
  }

  public static Span at(SourceFile file, int line, int column) {
    return new Span(file, line, column, line, column + 1);
  }

  public boolean hasPosition() {
    return line > 0;
  }

  /** "plans/x.yaml:3:7", or just the path when the span has no position. */
  public String location() {
    return hasPosition() ? file.displayPath() + ":" + line + ":" + column : file.displayPath();
  }
}
