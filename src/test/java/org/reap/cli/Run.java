package org.reap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs reap in-process, as if started in a folder, and keeps what it printed. */
public record Run(int exit, String out, String err) {
  public static Run in(Path cwd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = Main.run(args, o, e, cwd);
    }
    return new Run(code, out.toString(), err.toString());
  }

  /** Everything printed, stdout then stderr. */
  public String all() {
    return out + err;
  }
}
