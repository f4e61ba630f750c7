package org.reap.render.output;

import java.nio.file.Path;

/** Child process for the lock test: locks the folder, says so, and holds it until stdin closes. */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    try (OutputDir out = OutputDir.open(Path.of(args[0]))) {
      System.out.println(
          "LOCKED " + ProcessHandle.current().pid() + (out.path() == null ? "?" : ""));
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait
      }
    }
  }
}
