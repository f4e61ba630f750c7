package org.reap.schema;

/** A list whose items all have the same type. */
public record ListType(Type item) implements Type {
  @Override
  public String noun() {
    return item instanceof ObjType o
        ? "a list of " + o.plural()
        : "a list (each item " + item.noun() + ")";
  }
}
