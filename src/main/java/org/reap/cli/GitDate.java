package org.reap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;

/** The date of the last commit that touched a folder, from the git command when it is there. */
final class GitDate {
  private GitDate() {}

  static LocalDate lastCommit(Path dir) {
    if (dir == null) {
      return null;
    }
    try {
      Process p =
          new ProcessBuilder("git", "-C", dir.toString(), "log", "-1", "--format=%cs", "--", ".")
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 && !s.isEmpty() ? LocalDate.parse(s) : null;
    } catch (IOException | DateTimeParseException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
