package org.reap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reap.schema.JsonSchema;
import org.reap.schema.Kinds;
import org.reap.schema.Settings;
import org.reap.validate.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Print the JSON Schema of a document kind, for editors that check YAML as you type (VS Code's YAML extension).",
      "With --out DIR, write one schema file per kind (reap-KIND.schema.json). docs/editors.md shows how to wire them up."
    })
public final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @picocli.CommandLine.ParentCommand ReapCommand root;

  @Parameters(
      arity = "0..1",
      paramLabel = "KIND",
      description =
          "plan, milestones, outcome-matrix, indicators, findings, equity-analysis or agenda-item.")
  String kind;

  @Option(names = "--out", paramLabel = "DIR", description = "Write every kind's schema into DIR.")
  Path out;

  @Option(
      names = "--docs",
      description = "Print the Markdown reference of every kind (docs/kinds.md).")
  boolean docs;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Include the fields, status words and fiscal years a repository declares in DIR/"
              + Settings.FILE
              + " (default: plans/ when it has one).")
  Path repo;

  private Settings settings() {
    Path dir = root.cwd.resolve(repo != null ? repo : Path.of("plans"));
    org.reap.diagnostic.Diagnostics d = new org.reap.diagnostic.Diagnostics();
    Settings s = org.reap.bind.SettingsLoader.load(dir, root.cwd, d);
    if (d.hasErrors()) {
      spec.commandLine()
          .getErr()
          .println(
              "reap: "
                  + Settings.FILE
                  + " has errors; run reap validate "
                  + (repo != null ? repo : "plans")
                  + " to see them. The schema below leaves them out.");
    }
    return s;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    if (docs) {
      w.print(org.reap.schema.KindsDoc.markdown(settings()));
      w.flush();
      return ExitCodes.OK;
    }
    if (out != null) {
      out = root.cwd.resolve(out);
      Files.createDirectories(out);
      Settings s = settings();
      for (Kinds.Kind k : Kinds.all().values()) {
        Path f = out.resolve("reap-" + k.name() + ".schema.json");
        Files.writeString(f, JsonSchema.forKind(k, s), StandardCharsets.UTF_8);
        w.println("wrote " + f);
      }
      return ExitCodes.OK;
    }
    if (kind == null) {
      w.println("Kinds: " + String.join(", ", Kinds.all().keySet()));
      w.println(
          "Run 'reap schema KIND' to print one, or 'reap schema --out DIR' to write them all.");
      return ExitCodes.OK;
    }
    Kinds.Kind k = Kinds.get(kind);
    if (k == null) {
      spec.commandLine()
          .getErr()
          .println(
              "reap: unknown kind '"
                  + kind
                  + "'. "
                  + Suggest.didYouMean(kind, Kinds.all().keySet())
                  + "Kinds: "
                  + String.join(", ", Kinds.all().keySet()));
      return ExitCodes.USAGE;
    }
    w.print(JsonSchema.forKind(k, settings()));
    w.flush();
    return ExitCodes.OK;
  }
}
