package org.reap.schema;

/** The kinds of single value a field can hold, each read from the text as written. */
public enum Scalar {
  STRING("a line of text"),
  TEXT("text"),
  ID("an id (lower-case letters, digits and hyphens, such as score-2024)"),
  REF("the id of something defined in the repository"),
  DATE("a date written YYYY-MM-DD"),
  MONTH("a month written YYYY-MM"),
  WHEN("a date (YYYY-MM-DD), a month (YYYY-MM), a year, a range (start/end) or TBD"),
  INTEGER("a whole number"),
  NUMBER("a number"),
  BOOLEAN("yes or no"),
  ENUM("one of a fixed set of words"),
  EMAIL("an email address"),
  URL("a web address starting with https:// or http://"),
  PATH("a path to a file in the repository"),
  DURATION("a length of time such as 2 hours, 90 minutes or 3 days"),
  LANGUAGE("a language tag such as en or es");

  private final String noun;

  Scalar(String noun) {
    this.noun = noun;
  }

  public String noun() {
    return noun;
  }
}
