package org.reap.render;

import java.util.Optional;

/**
 * A rendering failure that a user can act on.
 *
 * <p>The message is plain English; {@link #location()} optionally names the template, file, line or
 * chart the problem was found in, and {@link #hint()} what to do. Callers print {@link
 * #userMessage()} and the hint, never the stack trace.
 */
public class RenderException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String location;
  private String hint;

  public RenderException(String message) {
    this(message, null, null);
  }

  public RenderException(String message, String location) {
    this(message, location, null);
  }

  public RenderException(String message, String location, Throwable cause) {
    super(message, cause);
    this.location = location == null || location.isBlank() ? null : location;
  }

  /** Adds what the user can do about it. */
  public RenderException hint(String hint) {
    this.hint = hint;
    return this;
  }

  /** What to do about it, or null. */
  public String hint() {
    return hint;
  }

  /** Where the problem is (a template, file, "line 3, column 7", a chart), if known. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** The message with its location, ready to show to a user. */
  public String userMessage() {
    return location == null ? getMessage() : location + ": " + getMessage();
  }
}
