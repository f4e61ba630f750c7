package org.reap.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.diagnostic.Diagnostics;
import org.reap.load.YNode;
import org.reap.load.YamlLoader;
import org.reap.model.Document;
import org.reap.schema.DocumentKinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Add a valid skeleton to the repository, then check that everything still validates (if not, nothing is changed).",
      "  milestone   appends an entry to a milestones file (--file when there are several).",
      "  memo        creates an agenda item file (plans/agenda-item-ID.yaml).",
      "  plan, milestones, findings, indicators, outcome-matrix, equity-analysis   create a file of that kind."
    })
public final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Parameters(
      index = "0",
      paramLabel = "WHAT",
      description =
          "milestone, memo, plan, milestones, findings, indicators, outcome-matrix or equity-analysis.")
  String what;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "ID",
      description = "Id of the new document or milestone (lower-case letters, digits, hyphens).")
  String id;

  @Option(names = "--plans", paramLabel = "DIR", description = "The plans folder (default: plans).")
  Path plans;

  @Option(names = "--file", paramLabel = "FILE", description = "The milestones file to add to.")
  Path file;

  @Option(names = "--title", description = "Title (default: a placeholder to replace).")
  String title;

  @Option(names = "--date", description = "Date of a milestone (default TBD).")
  String date;

  @Override
  public Integer call() throws IOException {
    Path dir = root.cwd.resolve(plans != null ? plans : Path.of("plans"));
    if (!Files.isDirectory(dir)) {
      spec.commandLine()
          .getErr()
          .println(
              "reap: there is no plans folder at "
                  + dir
                  + "; run 'reap init DIR' to start one, or pass --plans");
      return ExitCodes.USAGE;
    }
    if (id != null && !org.reap.bind.SchemaBinder.ID.matcher(id).matches()) {
      spec.commandLine()
          .getErr()
          .println("reap: '" + id + "' is not an id: use lower-case letters, digits and hyphens");
      return ExitCodes.USAGE;
    }
    String t = title != null ? title.replace("\"", "'") : "Replace with the title";
    Path target;
    String before;
    String after;
    if (what.equals("milestone")) {
      target = file != null ? root.cwd.resolve(file) : onlyMilestonesFile(dir);
      if (target == null) {
        return ExitCodes.USAGE;
      }
      before = Files.readString(target, StandardCharsets.UTF_8);
      after = appendMilestone(target, before, t);
      if (after == null) {
        return ExitCodes.INVALID;
      }
    } else {
      DocumentKinds.DocumentKind made =
          DocumentKinds.byNewName(what) != null
              ? DocumentKinds.byNewName(what)
              : DocumentKinds.get(what);
      if (made == null) {
        spec.commandLine()
            .getErr()
            .println(
                "reap: cannot make a new '"
                    + what
                    + "'. "
                    + org.reap.validate.Suggest.didYouMean(what, names()));
        return ExitCodes.USAGE;
      }
      String kind = made.name();
      String newId = id != null ? id : kind + "-new";
      target =
          dir.resolve(
              kind
                  + "-"
                  + newId.replaceFirst("^" + java.util.regex.Pattern.quote(kind) + "-", "")
                  + ".yaml");
      if (Files.exists(target)) {
        spec.commandLine()
            .getErr()
            .println("reap: " + target.getFileName() + " already exists; choose another id");
        return ExitCodes.OUTPUT;
      }
      before = null;
      after = skeleton(made, newId, t);
    }
    Files.writeString(target, after, StandardCharsets.UTF_8);
    Pipeline.Checked c =
        Pipeline.check(
            new Pipeline.Options(
                List.of(dir), root.cwd, false, java.util.Map.of(), java.util.Set.of()));
    boolean newErrors =
        c.diagnostics().stream()
            .anyMatch(
                d ->
                    d.severity() == org.reap.diagnostic.Severity.ERROR
                        && d.span().file().path().equals(target.toAbsolutePath().normalize()));
    if (newErrors) {
      if (before == null) {
        Files.delete(target);
      } else {
        Files.writeString(target, before, StandardCharsets.UTF_8);
      }
      DiagnosticPrinter.print(
          c.diagnostics(), DiagnosticPrinter.Format.TEXT, spec.commandLine().getErr());
      spec.commandLine()
          .getErr()
          .println("reap: the new entry would not validate, so the file was left as it was.");
      return ExitCodes.INVALID;
    }
    spec.commandLine()
        .getOut()
        .println(
            (before == null ? "wrote " : "added a milestone to ")
                + org.reap.load.RepositoryLoader.display(root.cwd, target));
    return ExitCodes.OK;
  }

  private Path onlyMilestonesFile(Path dir) {
    Pipeline.Checked c =
        Pipeline.check(
            new Pipeline.Options(
                List.of(dir), root.cwd, false, java.util.Map.of(), java.util.Set.of()));
    List<Document> files = c.repository().ofKind("milestones");
    if (files.size() != 1) {
      spec.commandLine()
          .getErr()
          .println(
              "reap: "
                  + (files.isEmpty()
                      ? "there is no milestones file; run 'reap new milestones ID' first"
                      : "there are " + files.size() + " milestones files; say which with --file"));
      return null;
    }
    return files.get(0).file().path();
  }

  /** Inserts a milestone after the last entry, with the file's own indentation. */
  private String appendMilestone(Path target, String text, String t) {
    Diagnostics d = new Diagnostics();
    YamlLoader.Loaded loaded =
        YamlLoader.parse(target, target.toString(), text.getBytes(StandardCharsets.UTF_8), d);
    if (loaded == null
        || !(loaded.root() instanceof YNode.YMap m)
        || !(m.get("entries") instanceof YNode.YSeq seq)
        || seq.items().isEmpty()) {
      spec.commandLine()
          .getErr()
          .println(
              "reap: "
                  + target.getFileName()
                  + " has no readable entries list to add to; run 'reap validate' to see why");
      return null;
    }
    YNode last = seq.items().get(seq.items().size() - 1);
    int indent = Math.max(0, seq.items().get(0).span().column() - 3);
    String pad = " ".repeat(indent);
    List<String> lines = new ArrayList<>(text.lines().toList());
    int insertAt =
        Math.min(lines.size(), last.span().endLine() - (last.span().endColumn() == 1 ? 1 : 0));
    while (insertAt > 0 && insertAt <= lines.size() && lines.get(insertAt - 1).isBlank()) {
      insertAt--;
    }
    List<String> entry = new ArrayList<>();
    if (id != null) {
      entry.add(pad + "- id: " + id);
      entry.add(pad + "  date: " + (date != null ? date : "TBD"));
    } else {
      entry.add(pad + "- date: " + (date != null ? date : "TBD"));
    }
    entry.add(pad + "  title: \"" + t + "\"");
    entry.add(pad + "  status: planned");
    lines.addAll(insertAt, entry);
    return String.join("\n", lines) + "\n";
  }

  /** What {@code reap new} makes: a milestone, and a file of each kind. */
  static List<String> names() {
    List<String> out = new ArrayList<>(List.of("milestone"));
    DocumentKinds.all().forEach(k -> out.add(k.newName()));
    return out;
  }

  private String skeleton(DocumentKinds.DocumentKind kind, String newId, String t) {
    String head =
        "# Made by reap new "
            + what
            + ": replace the placeholders. docs/kinds.md lists every field.\nreap: 1\nkind: "
            + kind.name()
            + "\nid: "
            + newId
            + "\ntitle: \""
            + t
            + "\"\n";
    return head
        + kind.skeleton()
            .replace("{ID}", newId)
            .replace("{YEAR}", String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC)))
            .replace(
                "{DATE}",
                date != null
                    ? date
                    : String.valueOf(java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
  }
}
