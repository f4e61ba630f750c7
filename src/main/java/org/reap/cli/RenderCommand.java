package org.reap.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.render.Manifest;
import org.reap.render.RenderException;
import org.reap.render.Renderer;
import org.reap.render.output.OutputDir;
import org.reap.source.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the repository, then render every document to PDF and HTML in the output folder.",
      "Agenda items become committee memos, milestones timelines, and plans plan documents and progress reports; "
          + "outcome matrices, findings, equity analyses and indicators are rendered on their own. Nothing is written "
          + "unless every document renders; files are replaced atomically."
    })
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Mixin CheckOptions check;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out).")
  Path outDirOption;

  @Mixin AsOfOption asOf;

  @Option(
      names = "--format",
      split = ",",
      paramLabel = "FORMAT",
      description = "pdf, html or both (default: pdf,html).")
  List<Renderer.Format> formats;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "Folder of templates that override the defaults (default: templates/ beside or inside the plans folder).")
  Path templates;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "ID",
      description = "Render only these documents (ids, or output names such as PLAN-progress).")
  List<String> only;

  @Option(
      names = "--since",
      paramLabel = "REV",
      description =
          "Add \"Changes since\" to progress reports: compare with the plans at a git tag, commit, branch or date (YYYY-MM-DD).")
  String since;

  @Option(
      names = "--lang",
      split = ",",
      paramLabel = "LANG",
      description =
          "Also make translated copies (ID.es.pdf, ID.es.html) in these languages, such as es or es,vi; all = every language each document publishes in (its header field publish_in).")
  List<String> languages;

  @Option(
      names = "--force",
      description =
          "Render every document, even those whose inputs have not changed since the last run.")
  boolean force;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "Render N documents at once (default: one per core, at most 4; 1 renders one after another). The files are the same either way.")
  Integer jobs;

  @Option(
      names = "--problems",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "How problems are printed: text (default), json, or github (workflow annotations).")
  DiagnosticPrinter.Format problems;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also list the documents skipped as unchanged.")
  boolean verbose;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    // the out/ lock is taken before anything is read, so a second run into the same folder stops at
    // once and says who holds it
    Path lockedOut =
        root.cwd.resolve(outDirOption != null ? outDirOption : Path.of("out")).normalize();
    OutputDir dir;
    try {
      dir = OutputDir.open(lockedOut);
    } catch (RenderException e) {
      err.println("reap: " + e.userMessage());
      if (e.hint() != null) {
        err.println("    hint: " + e.hint());
      }
      return ExitCodes.OUTPUT;
    }
    try (dir) {
      return render(dir);
    }
  }

  private Integer render(OutputDir dir) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline.Options opts = check.toOptions(spec.commandLine(), root.cwd);
    AsOfOption.AsOf date = asOf.resolve(spec.commandLine(), root.cwd, opts);
    Pipeline.Checked checked = Pipeline.check(opts);
    if (!checked.ok()) {
      print(checked.diagnostics(), err);
      if (problems == DiagnosticPrinter.Format.TEXT) {
        err.println(Summary.line(checked));
      }
      err.println(
          "reap: nothing was rendered: fix the errors above first (reap validate shows them too).");
      return ExitCodes.INVALID;
    }
    if (!checked.diagnostics().isEmpty()) {
      print(checked.diagnostics(), err);
    }
    if (date.note() != null) {
      err.println("reap: " + date.note());
    }
    Path tdir =
        templates != null
            ? root.cwd.resolve(templates)
            : defaultTemplates(checked.repository().root());
    if (templates != null && !Files.isDirectory(tdir)) {
      throw new ParameterException(
          spec.commandLine(), "--templates " + templates + ": there is no such folder");
    }
    Renderer.Since sinceData = null;
    Path sinceDir = null;
    if (since != null) {
      try {
        sinceDir = Files.createTempDirectory("reap-since-");
        org.reap.history.GitHistory.Snapshot snap =
            org.reap.history.GitHistory.checkout(checked.repository().root(), since, sinceDir);
        Pipeline.Checked old =
            Pipeline.check(
                new Pipeline.Options(
                    List.of(snap.folder()),
                    sinceDir,
                    false,
                    java.util.Map.of(),
                    java.util.Set.of()));
        if (!old.ok()) {
          err.println(
              "reap: note: the plans at "
                  + since
                  + " had errors; changes are worked out from what could be read then.");
        }
        sinceData =
            new Renderer.Since(
                old.repository(),
                snap.date(),
                since + " (" + snap.commit().substring(0, 10) + ", " + snap.date() + ")");
      } catch (org.reap.history.HistoryException e) {
        err.println("reap: " + e.getMessage());
        if (e.hint() != null) {
          err.println("    hint: " + e.hint());
        }
        return ExitCodes.INVALID;
      } catch (java.io.IOException e) {
        err.println("reap: --since: cannot make a temporary folder: " + e.getMessage());
        return ExitCodes.OUTPUT;
      } finally {
        deleteTree(sinceDir);
      }
    }
    List<String> langs = languages == null ? List.of() : List.copyOf(languages);
    for (String l : langs) {
      if (!l.equals(Renderer.ALL) && !l.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
        throw new ParameterException(
            spec.commandLine(),
            "--lang " + l + ": write a language tag such as es, vi, zh-Hans, ru or hmn, or all");
      }
    }
    Set<Renderer.Format> fmts =
        formats == null || formats.isEmpty()
            ? EnumSet.allOf(Renderer.Format.class)
            : EnumSet.copyOf(formats);
    Set<String> onlySet = only == null ? Set.of() : new HashSet<>(only);
    Renderer renderer =
        new Renderer(
            checked.repository(),
            new Renderer.Options(
                date.date(),
                date.instant(),
                fmts,
                tdir,
                onlySet,
                sinceData,
                langs,
                Versions.version()));
    if (!onlySet.isEmpty()) {
      Set<String> known = new HashSet<>();
      new Renderer(
              checked.repository(),
              new Renderer.Options(
                  date.date(),
                  date.instant(),
                  fmts,
                  tdir,
                  Set.of(),
                  null,
                  langs,
                  Versions.version()))
          .jobs()
          .forEach(
              j -> {
                known.add(j.name());
                known.add(j.source().id());
              });
      for (String o : onlySet) {
        if (!known.contains(o)) {
          throw new ParameterException(
              spec.commandLine(),
              "--only "
                  + o
                  + ": no document or output has that id. "
                  + org.reap.validate.Suggest.didYouMean(o, known));
        }
      }
    }
    if (jobs != null) {
      if (jobs < 1 || jobs > 64) {
        throw new ParameterException(
            spec.commandLine(),
            "--jobs "
                + jobs
                + ": give a number from 1 to 64 (the default is "
                + Renderer.defaultThreads()
                + ", one per core)");
      }
      renderer.threads(jobs);
    }
    Path outDir =
        root.cwd.resolve(outDirOption != null ? outDirOption : Path.of("out")).normalize();
    if (!quiet && Terminal.interactive()) {
      renderer.onProgress(
          (done, total) -> {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            org.reap.diagnostic.TerminalText.trusted(
                err,
                "\rrendering ["
                    + "#".repeat(filled)
                    + " ".repeat(width - filled)
                    + "] "
                    + done
                    + "/"
                    + total
                    + (done == total ? "\r" + " ".repeat(60) + "\r" : ""));
            err.flush();
          });
    }
    Renderer.Result result;
    try {
      // each file is staged in out/ under a temp name as soon as it is made, and only moved into
      // place below
      result =
          renderer.render(
              Manifest.read(outDir), outDir, force, (name, bytes) -> dir.stage(name, bytes).temp());
    } catch (RenderException e) {
      dir.discardAll();
      err.println("reap: " + e.userMessage());
      if (e.hint() != null) {
        err.println("    hint: " + e.hint());
      }
      err.println("reap: nothing was written.");
      return ExitCodes.OUTPUT;
    }
    if (!result.ok()) {
      dir.discardAll();
      print(result.problems().stream().map(RenderCommand::diagnostic).toList(), err);
      err.println(
          "reap: nothing was written: "
              + Summary.plural(result.problems().size(), "document")
              + " could not be rendered.");
      return ExitCodes.INVALID;
    }
    List<String> written = new java.util.ArrayList<>();
    try {
      for (Renderer.Rendered r : result.files()) {
        written.add(r.fileName()); // staged while rendering
      }
      if (result.unchanged()) {
        // nothing the run depends on changed, and index.html and every file are as written: keep
        // all
      } else if (onlySet.isEmpty()) {
        Manifest previous = Manifest.read(outDir);
        byte[] index = renderer.index(renderer.jobs(), Renderer.packetsIn(outDir, renderer.jobs()));
        if (!written.isEmpty()
            || !java.util.Arrays.equals(index, readOrNull(outDir.resolve("index.html")))) {
          dir.stage("index.html", index);
          written.add("index.html");
        }
        if (renderer.wholeRun()) {
          result
              .manifest()
              .put(
                  Manifest.RUN,
                  new Manifest.Entry(
                      renderer.runKey(outDir),
                      java.util.Map.of("index.html", Manifest.fingerprint(index))));
        }
        byte[] manifest = result.manifest().bytes();
        if (!java.util.Arrays.equals(manifest, previous.bytes())) {
          dir.stageOwn(Manifest.FILE, manifest);
        }
      } else {
        Manifest merged = Manifest.read(outDir);
        merged.remove(
            Manifest.RUN); // only some documents were made from the inputs as they are now
        for (Renderer.Job j : renderer.jobs()) {
          Manifest.Entry e = result.manifest().get(j.name());
          if (e != null) {
            merged.put(j.name(), e);
          }
        }
        dir.stageOwn(Manifest.FILE, merged.bytes());
      }
      dir.commitAll();
    } catch (RenderException e) {
      dir.discardAll();
      err.println("reap: " + e.userMessage());
      if (e.hint() != null) {
        err.println("    hint: " + e.hint());
      }
      return ExitCodes.OUTPUT;
    }
    String shown = org.reap.load.RepositoryLoader.display(root.cwd, outDir);
    if (!quiet) {
      for (String f : written) {
        out.println("wrote " + shown + "/" + f);
      }
      for (String name : renderer.leftOut()) {
        out.println(
            "left out "
                + name
                + ": its plan has nothing to report yet (no milestones, deliverables, indicators, accomplishments, or actions or tasks with a status)");
      }
      if (verbose && result.unchanged()) {
        out.println(
            "nothing reap reads has changed since the last render: every document skipped without filling in its template");
      }
      if (verbose) {
        for (Renderer.Job j : result.skipped()) {
          out.println("unchanged " + j.name());
        }
      }
      if (!result.skipped().isEmpty()) {
        out.println(
            Summary.plural(result.skipped().size(), "document")
                + " unchanged since the last render (--force renders them again)");
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void deleteTree(Path p) {
    if (p == null) {
      return;
    }
    try (var s = Files.walk(p)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  private static byte[] readOrNull(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /**
   * templates/ inside the plans folder, else beside it; null when neither exists (defaults only).
   */
  static Path defaultTemplates(Path repoRoot) {
    return org.reap.render.TemplateEngine.defaultFolder(repoRoot);
  }

  /** A document that could not be rendered, as a finding of the rule "render", at its file. */
  static Diagnostic diagnostic(Renderer.Problem p) {
    return Diagnostic.error(
        "render", Span.ofFile(p.job().source().file()), p.error().userMessage(), p.error().hint());
  }

  /**
   * Findings in the chosen format (see {@link DiagnosticPrinter#print(List,
   * DiagnosticPrinter.Format, PrintWriter, PrintWriter)}).
   */
  private void print(List<org.reap.diagnostic.Diagnostic> d, PrintWriter err) {
    DiagnosticPrinter.print(d, problems, spec.commandLine().getOut(), err);
  }
}
