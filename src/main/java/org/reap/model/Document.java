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

  public String kindName() {
    return kind.name();
  }
}
