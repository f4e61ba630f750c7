package org.reap.cli;

/** reap's own version, from the jar manifest ("dev" when run from classes). */
public final class Versions {
  private Versions() {}

  public static String version() {
    return VersionProvider.version();
  }
}
