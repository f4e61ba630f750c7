package org.reap.history;

/**
 * Reading an earlier revision of the plans from git failed in a way the user can act on: the
 * message is plain English and {@link #hint()} says what to do. Callers print both, never the stack
 * trace.
 */
public final class HistoryException extends Exception {
  private static final long serialVersionUID = 1L;

  private String hint;

  public HistoryException(String message) {
    super(message);
  }

  /** Adds what the user can do about it. */
  public HistoryException hint(String hint) {
    this.hint = hint;
    return this;
  }

  /** What to do about it, or null. */
  public String hint() {
    return hint;
  }
}
