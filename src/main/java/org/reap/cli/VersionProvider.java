package org.reap.cli;

import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
  static String version() {
    String v = ReapCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"reap " + version(), runtime()};
  }

  /**
   * The Java runtime reap runs on: version, vendor, and where it is (the bundle's own, or which).
   */
  static String runtime() {
    String vendor = System.getProperty("java.vendor", "unknown vendor");
    String home = System.getProperty("java.home", "?");
    String where =
        "bundle".equals(System.getProperty("reap.launcher"))
            ? "the runtime bundled with reap, " + home
            : home;
    return "Java " + Runtime.version() + " (" + vendor + "), " + where;
  }
}
