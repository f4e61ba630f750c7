package org.reap.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Whether reap talks to a person at a terminal: colours and progress only then, and never with
 * NO_COLOR.
 */
final class Terminal {
  private Terminal() {}

  static boolean interactive() {
    if (System.getenv("CI") != null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // Java 22+ returns a console even when output is piped; isTerminal() tells the difference.
      Method m = Console.class.getMethod("isTerminal");
      return (Boolean) m.invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  static boolean colors() {
    return interactive() && System.getenv("NO_COLOR") == null;
  }
}
