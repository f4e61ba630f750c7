package org.reap.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.diagnostic.DiagnosticPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check every YAML file in the repository and report every mistake at once, each with file:line:column, what was expected and a hint.",
      "Exit code 0 only when there are no errors (and, with --strict, no warnings)."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CheckOptions check;

  @picocli.CommandLine.ParentCommand ReapCommand root;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output: text (default), json, or github (workflow annotations).")
  DiagnosticPrinter.Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Pipeline.Checked result = Pipeline.check(check.toOptions(spec.commandLine(), root.cwd));
    DiagnosticPrinter.print(result.diagnostics(), format, out, Terminal.colors());
    if (format == DiagnosticPrinter.Format.TEXT) {
      out.println(Summary.line(result));
    }
    out.flush();
    return result.ok() ? ExitCodes.OK : ExitCodes.INVALID;
  }
}
