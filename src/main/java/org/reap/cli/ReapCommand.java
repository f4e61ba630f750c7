package org.reap.cli;

import picocli.CommandLine.Command;

@Command(
    name = "reap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Racial Equity Action Plans as YAML in git: validate them, and render memos, timelines and progress reports.",
    subcommands = {
      ValidateCommand.class,
      RenderCommand.class,
      PreviewCommand.class,
      TemplatesCommand.class,
      ExportCommand.class,
      InitCommand.class,
      NewCommand.class,
      PacketCommand.class,
      TranslationsCommand.class,
      SchemaCommand.class,
      RulesCommand.class,
      CheckPdfCommand.class,
      picocli.AutoComplete.GenerateCompletion.class,
      picocli.CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 invalid input or failed render, 2 bad command line, 4 output not writable or locked (or preview port taken), 70 internal error.",
      "Docs: README.md and docs/ in the reap repository."
    })
public final class ReapCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** The folder reap was started in; relative paths resolve against it. */
  java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();

  /** {@code reap} with no command: what to do first, depending on whether there are plans here. */
  @Override
  public void run() {
    java.io.PrintWriter out = spec.commandLine().getOut();
    out.println(
        "reap " + VersionProvider.version() + ": Racial Equity Action Plans as YAML in git.");
    out.println();
    if (java.nio.file.Files.isDirectory(cwd.resolve("plans"))) {
      out.println("This folder holds plans/. To begin:");
      out.println(
          "  reap preview --open    see the documents in your web browser; they update as you save");
      out.println("  reap validate          check every file in plans/ and list every mistake");
      out.println("  reap render            make the PDF and HTML files in out/");
    } else {
      out.println("There is no plans/ folder here. To begin, either:");
      out.println("  cd into the folder that holds your team's plans/ and run reap again, or");
      out.println(
          "  reap init my-plans     make a new plan repository with an example of every kind of document");
      out.println("                         (then: cd my-plans, and reap preview --open)");
    }
    out.println();
    out.println("reap --help lists every command; reap COMMAND --help tells more about one.");
  }
}
