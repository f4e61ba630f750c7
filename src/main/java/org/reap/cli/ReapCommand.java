package org.reap.cli;

import picocli.CommandLine.Command;

@Command(
    name = "reap",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Racial Equity Action Plans as YAML in git: validate them, and render memos, timelines and progress reports.",
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

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
