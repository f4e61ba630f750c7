package org.reap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reap.render.TemplateEngine;
import org.reap.validate.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "templates",
    mixinStandardHelpOptions = true,
    description =
        "List the templates reap renders with, or copy one into your templates/ folder to change the look.",
    subcommands = {TemplatesCommand.ListTemplates.class, TemplatesCommand.Export.class})
public final class TemplatesCommand implements Runnable {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List every template; those your repository overrides are marked.")
  static final class ListTemplates implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand TemplatesCommand parent;

    @Option(
        names = "--templates",
        paramLabel = "DIR",
        description = "Your templates folder (default: templates).")
    Path dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Path d = parent.root.cwd.resolve(dir != null ? dir : Path.of("templates"));
      for (String name : TemplateEngine.builtinNames()) {
        boolean own = Files.isRegularFile(d.resolve(name)) && !sameAsBuiltin(d.resolve(name), name);
        out.printf("%-24s %s%n", name, own ? "overridden in " + d.getFileName() + "/" : "default");
      }
      return ExitCodes.OK;
    }
  }

  static boolean sameAsBuiltin(Path file, String name) {
    try (InputStream in =
        TemplateEngine.class.getResourceAsStream(TemplateEngine.BUILTIN + "/" + name)) {
      return in != null && java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(file));
    } catch (IOException e) {
      return false;
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Copy a default template into your templates folder, to edit it there.")
  static final class Export implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand TemplatesCommand parent;

    @Parameters(
        paramLabel = "NAME",
        description = "A name from 'reap templates list', such as memo.ftlx.")
    String name;

    @Option(
        names = "--templates",
        paramLabel = "DIR",
        description = "Where to copy it (default: templates).")
    Path dir;

    @Option(names = "--force", description = "Replace a copy that is already there.")
    boolean force;

    @Override
    public Integer call() throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      if (!TemplateEngine.builtinNames().contains(name)) {
        err.println(
            "reap: there is no template named '"
                + name
                + "'. "
                + Suggest.didYouMean(name, TemplateEngine.builtinNames())
                + "'reap templates list' shows them.");
        return ExitCodes.USAGE;
      }
      Path d = parent.root.cwd.resolve(dir != null ? dir : Path.of("templates"));
      Path target = d.resolve(name);
      if (Files.exists(target) && !force) {
        err.println(
            "reap: "
                + target
                + " already exists; it was left as it is. Use --force to replace it with the default.");
        return ExitCodes.OUTPUT;
      }
      Files.createDirectories(target.getParent());
      try (InputStream in =
          TemplateEngine.class.getResourceAsStream(TemplateEngine.BUILTIN + "/" + name)) {
        Files.write(target, in.readAllBytes());
      }
      spec.commandLine()
          .getOut()
          .println("wrote " + org.reap.load.RepositoryLoader.display(parent.root.cwd, target));
      return ExitCodes.OK;
    }
  }
}
