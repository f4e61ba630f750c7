package org.reap.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Entry point. The only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // every path and value reap prints comes from files: control characters are escaped on the way
    // out
    PrintWriter out =
        new org.reap.diagnostic.TerminalText.Out(
            new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err =
        new org.reap.diagnostic.TerminalText.Out(
            new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs reap in-process with the given writers; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, java.nio.file.Path.of(""));
  }

  /** Runs reap as if started in the folder {@code cwd}: relative paths resolve against it. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, java.nio.file.Path cwd) {
    CommandLine cl = commandLine(out, err, cwd);
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError e) {
      // picocli hands on Errors; this one is the input's size, not a bug (rendering catches its
      // own)
      err.println(
          "reap: error: there was not enough memory (reap may use at most "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB here); reap stopped.");
      err.println(
          "    hint: split very large files, or give reap more memory, for example: JAVA_OPTS_REAP=-Xmx4g ./reap ...");
      return ExitCodes.INVALID;
    }
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err, java.nio.file.Path cwd) {
    ReapCommand root = new ReapCommand();
    root.cwd = cwd.toAbsolutePath().normalize();
    CommandLine cl = new CommandLine(root);
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    // picocli's own text breaks a paragraph over lines; this one says how to install the script.
    cl.getSubcommands()
        .get("generate-completion")
        .getCommandSpec()
        .usageMessage()
        .description(
            "Print a completion script for bash and zsh: the TAB key then completes reap's commands and options.",
            "bash: reap generate-completion > ~/.local/share/bash-completion/completions/reap, then open a new terminal. "
                + "zsh: add the two lines  autoload -U +X bashcompinit && bashcompinit  and  source <(reap generate-completion)  "
                + "to ~/.zshrc. docs/cli.md has the details.");
    cl.setExitCodeExceptionMapper(e -> ExitCodes.INTERNAL);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          err.println("reap: internal error: " + ex);
          err.println(
              "This is a bug in reap, not in your files. Please report it with the command you ran.");
          if (System.getenv("REAP_DEBUG") != null) {
            ex.printStackTrace(err);
          }
          return ExitCodes.INTERNAL;
        });
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println("reap: " + ex.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
          c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
          return ExitCodes.USAGE;
        });
    return cl;
  }
}
