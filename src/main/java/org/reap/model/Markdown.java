package org.reap.model;

/** Text written in the Markdown subset reap accepts; rendered to XHTML by the renderer. */
public record Markdown(String source) {
  @Override
  public String toString() {
    return source;
  }
}
