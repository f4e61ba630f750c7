package org.reap.model;

import org.reap.schema.Kinds;
import org.reap.source.SourceFile;

/** One YAML file, checked against its kind's schema. */
public record Document(SourceFile file, Kinds.Kind kind, Node.Obj root) {
  public String id() {
    return root.string("id");
  }

  public String title() {
    return root.string("title");
  }

  /**
   * The title that says who and where: for a community engagement summary ("What We Heard") the
   * title joined to its subtitle ("What We Heard: Sacramento Community Listening Sessions, Summer
   * 2024"); for other kinds the title.
   */
  public String fullTitle() {
    String subtitle = root.string("subtitle");
    return "findings".equals(kind.name()) && subtitle != null ? title() + ": " + subtitle : title();
  }

  public String kindName() {
    return kind.name();
  }
}
