package org.reap.schema;

import java.util.List;

/**
 * A single value. {@code values} lists the allowed words of an ENUM; {@code target} names what a
 * REF must point at (an {@link ObjType} name such as "team", or "document" for any document).
 */
public record ScalarType(Scalar scalar, List<String> values, List<String> targets) implements Type {
  public static ScalarType of(Scalar s) {
    return new ScalarType(s, List.of(), List.of());
  }

  public static ScalarType oneOf(String... values) {
    return new ScalarType(Scalar.ENUM, List.of(values), List.of());
  }

  public static ScalarType ref(String... targets) {
    return new ScalarType(Scalar.REF, List.of(), List.of(targets));
  }

  @Override
  public String noun() {
    return switch (scalar) {
      case ENUM -> "one of: " + String.join(", ", values);
      case REF ->
          "the id of "
              + String.join(
                  " or ",
                  targets.stream()
                      .map(
                          t ->
                              (("aeiou".indexOf(t.charAt(0)) >= 0) ? "an " : "a ")
                                  + t.replace('-', ' '))
                      .toList());
      default -> scalar.noun();
    };
  }
}
