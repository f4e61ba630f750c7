package org.reap.schema;

/** Names chosen by the user, each with a value of one type: {@code groups: {Black: 12.5}}. */
public record MapType(Type value, String keyNoun) implements Type {
  @Override
  public String noun() {
    return "a set of " + keyNoun + " names, each with " + value.noun();
  }
}
