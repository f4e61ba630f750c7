package org.reap.cli;

import org.reap.Pipeline;

final class Summary {
  private Summary() {}

  static String line(Pipeline.Checked r) {
    int files = r.repository().filesRead();
    String s =
        plural(r.errors(), "error")
            + ", "
            + plural(r.warnings(), "warning")
            + " in "
            + plural(files, "file");
    return (r.ok() ? "ok: " : "failed: ") + s;
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
