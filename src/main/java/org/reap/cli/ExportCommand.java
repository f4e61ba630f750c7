package org.reap.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.export.Calendars;
import org.reap.export.Spreadsheets;
import org.reap.render.RenderException;
import org.reap.render.output.OutputDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export the plans for other tools: a calendar (ics) or spreadsheets (csv).",
    subcommands = {ExportCommand.Ics.class, ExportCommand.Csv.class})
public final class ExportCommand implements Runnable {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Validates; prints the findings and returns null when the repository has errors. */
  static Pipeline.Checked check(CommandSpec spec, Pipeline.Options opts) {
    Pipeline.Checked c = Pipeline.check(opts);
    if (!c.ok()) {
      DiagnosticPrinter.print(
          c.diagnostics(), DiagnosticPrinter.Format.TEXT, spec.commandLine().getErr());
      spec.commandLine().getErr().println(Summary.line(c));
      spec.commandLine()
          .getErr()
          .println("reap: nothing was exported: fix the errors above first.");
      return null;
    }
    return c;
  }

  static int write(CommandSpec spec, Path cwd, Path outDir, String[] names, String[] contents) {
    try (OutputDir dir = OutputDir.open(outDir)) {
      for (int i = 0; i < names.length; i++) {
        dir.stage(names[i], contents[i].getBytes(StandardCharsets.UTF_8));
      }
      dir.commitAll();
    } catch (RenderException e) {
      spec.commandLine().getErr().println("reap: " + e.userMessage());
      return ExitCodes.OUTPUT;
    }
    for (String n : names) {
      spec.commandLine()
          .getOut()
          .println("wrote " + org.reap.load.RepositoryLoader.display(cwd, outDir) + "/" + n);
    }
    return ExitCodes.OK;
  }

  /**
   * What both exports share: the plans, the as-of date, the output folder, and validating first.
   */
  abstract static class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand ExportCommand parent;

    @Mixin CheckOptions check;

    @Mixin AsOfOption asOf;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out).")
    Path out;

    @Override
    public Integer call() {
      Path cwd = parent.root.cwd;
      Pipeline.Options opts = check.toOptions(spec.commandLine(), cwd);
      AsOfOption.AsOf date = asOf.resolve(spec.commandLine(), cwd, opts);
      Pipeline.Checked c = check(spec, opts);
      if (c == null) {
        return ExitCodes.INVALID;
      }
      return export(c, date, cwd, cwd.resolve(out != null ? out : Path.of("out")));
    }

    abstract int export(Pipeline.Checked c, AsOfOption.AsOf date, Path cwd, Path outDir);
  }

  @Command(
      name = "ics",
      mixinStandardHelpOptions = true,
      description =
          "Write out/reap.ics: dated milestones as all-day events, and standing meetings with a schedule (\"first Tuesday\") as monthly recurring events over the plan's period. Outlook, Google Calendar and Apple Calendar import it.")
  static final class Ics extends Export {
    @Override
    int export(Pipeline.Checked c, AsOfOption.AsOf date, Path cwd, Path outDir) {
      Calendars.Result r = Calendars.build(c.repository(), date.instant());
      int code = write(spec, cwd, outDir, new String[] {"reap.ics"}, new String[] {r.ics()});
      if (code != ExitCodes.OK) {
        return code; // the summary is a success line: only once the file is written
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println(
          r.milestones()
              + " milestones and "
              + r.meetings()
              + " recurring meetings; left out (no exact date or schedule): "
              + r.skipped().size());
      return code;
    }
  }

  @Command(
      name = "csv",
      mixinStandardHelpOptions = true,
      description = "Write out/milestones.csv and out/indicators.csv for spreadsheets.")
  static final class Csv extends Export {
    @Override
    int export(Pipeline.Checked c, AsOfOption.AsOf date, Path cwd, Path outDir) {
      return write(
          spec,
          cwd,
          outDir,
          new String[] {"milestones.csv", "indicators.csv"},
          new String[] {
            Spreadsheets.milestones(c.repository(), date.date()),
            Spreadsheets.indicators(c.repository())
          });
    }
  }
}
