package org.reap.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the plan files as they were at an earlier revision, with the git command (a real git
 * implementation, so tags, branches, abbreviated commits and dates all work as in git itself).
 */
public final class GitHistory {
  private GitHistory() {}

  /**
   * Files of {@code folder} at revision REV (a tag, commit, branch or YYYY-MM-DD date), copied into
   * {@code into}.
   */
  public record Snapshot(Path folder, String commit, LocalDate date, String revision) {}

  public static Snapshot checkout(Path folder, String revision, Path into) throws HistoryException {
    Path dir = folder.toAbsolutePath().normalize();
    String top = git(dir, "rev-parse", "--show-toplevel").strip();
    if (top.isEmpty()) {
      throw new HistoryException(
              "--since needs the plans to be in a git repository, and " + folder + " is not")
          .hint("run reap in a git checkout of your plans");
    }
    String commit;
    if (revision.matches("\\d{4}-\\d{2}-\\d{2}")) {
      commit = git(dir, "rev-list", "-1", "--before=" + revision + "T23:59:59", "HEAD").strip();
      if (commit.isEmpty()) {
        throw new HistoryException(
                "--since " + revision + ": there is no commit on or before that date")
            .hint("give a later date, or a tag or commit");
      }
    } else {
      commit = gitOrNull(dir, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
      if (commit == null || commit.isBlank()) {
        throw new HistoryException(
                "--since " + revision + ": git knows no such tag, branch or commit")
            .hint("'git log --oneline' and 'git tag' list them");
      }
      commit = commit.strip();
    }
    String rel;
    try {
      rel = Path.of(top).toRealPath().relativize(dir.toRealPath()).toString().replace('\\', '/');
    } catch (IOException e) {
      throw new HistoryException("--since: cannot find " + folder + " in the git repository");
    }
    LocalDate date = LocalDate.parse(git(dir, "show", "-s", "--format=%cs", commit).strip());
    List<String> files = new ArrayList<>();
    for (String f :
        git(Path.of(top), "ls-tree", "-r", "--name-only", commit, "--", rel.isEmpty() ? "." : rel)
            .split("\n")) {
      if (!f.isBlank() && (f.endsWith(".yaml") || f.endsWith(".yml"))) {
        files.add(f);
      }
    }
    Path root = into.resolve(rel.isEmpty() ? "plans" : rel);
    try {
      Files.createDirectories(root);
      for (String f : files) {
        String sub = rel.isEmpty() ? f : f.substring(rel.length() + 1);
        Path target = root.resolve(sub).normalize();
        if (!target.startsWith(root)) {
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, gitBytes(Path.of(top), "show", commit + ":" + f));
      }
    } catch (IOException e) {
      throw new HistoryException(
          "--since: could not read the plans at " + revision + ": " + e.getMessage());
    }
    return new Snapshot(root, commit, date, revision);
  }

  private static String git(Path dir, String... args) throws HistoryException {
    String s = gitOrNull(dir, args);
    if (s == null) {
      throw new HistoryException(
              "--since: the git command failed (git " + String.join(" ", args) + ")")
          .hint("check that git is installed and that the plans are in a git repository");
    }
    return s;
  }

  private static String gitOrNull(Path dir, String... args) {
    try {
      return new String(gitBytes(dir, args), StandardCharsets.UTF_8);
    } catch (HistoryException e) {
      return null;
    }
  }

  private static byte[] gitBytes(Path dir, String... args) throws HistoryException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new HistoryException("git " + String.join(" ", args) + " failed");
      }
      return out;
    } catch (IOException e) {
      throw new HistoryException(
              "--since needs the git command, and it could not be run (" + e.getMessage() + ")")
          .hint("install git");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HistoryException("interrupted");
    }
  }
}
