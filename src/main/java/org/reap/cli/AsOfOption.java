package org.reap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.reap.Pipeline;
import org.reap.render.Renderer;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** --as-of, shared by render and export, and how its default is worked out. */
public final class AsOfOption {
  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = {
        "The date progress is measured on (what is overdue, what is due next), also written as the files' date. "
            + "Default: SOURCE_DATE_EPOCH if set, else the date of the last git commit of the plans, else today."
      })
  String value;

  /** The date, the instant written into files, and a note to print when it fell back to today. */
  public record AsOf(LocalDate date, Instant instant, String note) {}

  AsOf resolve(CommandLine cl, Path cwd, Pipeline.Options opts) {
    if (value != null) {
      try {
        LocalDate d = LocalDate.parse(value.trim());
        return new AsOf(d, Renderer.pdfDate(d), null);
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            cl,
            "--as-of must be a date written YYYY-MM-DD, such as 2024-10-29, not '" + value + "'");
      }
    }
    String sde = System.getenv("SOURCE_DATE_EPOCH");
    if (sde != null && sde.trim().matches("\\d+")) {
      Instant i = Instant.ofEpochSecond(Long.parseLong(sde.trim()));
      return new AsOf(LocalDate.ofInstant(i, ZoneOffset.UTC), i, null);
    }
    Path first = opts.paths().isEmpty() ? cwd : cwd.resolve(opts.paths().get(0));
    LocalDate git = GitDate.lastCommit(Files.isDirectory(first) ? first : first.getParent());
    if (git != null) {
      return new AsOf(git, Renderer.pdfDate(git), null);
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return new AsOf(
        today,
        Renderer.pdfDate(today),
        "no --as-of date given and the plans are not in git: using today, "
            + today
            + ". Pass --as-of for output that does not change from day to day.");
  }
}
