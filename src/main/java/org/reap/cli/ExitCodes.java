package org.reap.cli;

/** What reap's exit status means. Documented in README.md and docs/cli.md. */
public final class ExitCodes {
  /** Everything valid (warnings allowed unless --strict); everything written. */
  public static final int OK = 0;

  /** The repository has errors, or a document could not be rendered: see the messages. */
  public static final int INVALID = 1;

  /** The command line is wrong (unknown option, bad value). */
  public static final int USAGE = 2;

  /** Output could not be written (out/ is locked by another run, not writable, ...). */
  public static final int OUTPUT = 4;

  /** A bug in reap: please report it with the message shown. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}
}
