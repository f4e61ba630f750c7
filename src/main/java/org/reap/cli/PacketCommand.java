package org.reap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.model.Document;
import org.reap.render.RenderException;
import org.reap.render.Renderer;
import org.reap.render.output.OutputDir;
import org.reap.render.packet.PacketPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "packet",
    mixinStandardHelpOptions = true,
    description = {
      "Assemble one PDF for an agenda item: its staff report and attachments, behind a contents page.",
      "The contents page has page numbers and links. After it come the staff report, then each attachment in number "
          + "order behind a cover sheet that carries its title: reap documents rendered on the fly and PDFs kept in the "
          + "repository. An attachment the repository holds no file for gets one page saying where to get it (its "
          + "availability, or \"Available from the\" committee's publisher; \"To be distributed at the meeting\" when "
          + "pending). Withdrawn attachments are listed, struck through, and left out. The packet has one page numbering "
          + "(\"Page X of Y\"; attachment pages also \"Attachment 3 – page n of m\"), each part has a bookmark with its own "
          + "bookmarks under it, and links between documents of the packet jump inside it. Scripts, form actions, launches, "
          + "media and embedded files in attached PDFs are removed, and named in a warning. Bad attachment files are "
          + "reported by name before anything is written.",
      "The packet is tagged (PDF/UA-1, PDF/A-2a) like every reap PDF; a PDF from the repository that is untagged, or "
          + "that fails a veraPDF rule inside the packet, is named in a warning and the packet then claims neither.",
      "Writes out/ITEM-packet.pdf (ITEM-supplemental-packet.pdf with --supplemental)."
    })
public final class PacketCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Parameters(index = "0", paramLabel = "ITEM", description = "The agenda item's id.")
  String item;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The repository (plans) folder, as for the other commands (default: plans).")
  Path dir;

  @Option(names = "--plans", paramLabel = "DIR", description = "The plans folder; the same as DIR.")
  Path plans;

  @Mixin AsOfOption asOf;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out).")
  Path out;

  @Option(
      names = "--supplemental",
      description =
          "Only the attachments added or revised after the agenda was published (marked supplemental: yes, or status revised).")
  boolean supplemental;

  /**
   * out/index.html made again so that it lists the new packet too, when {@code reap render} wrote
   * one; with the formats that render wrote (told by the files in out/). Null when there is none.
   */
  static byte[] indexWithPackets(
      org.reap.model.Repository repo, AsOfOption.AsOf date, Path tdir, Path outDir, String written)
      throws org.reap.render.RenderException {
    if (!java.nio.file.Files.isRegularFile(outDir.resolve("index.html"))) {
      return null;
    }
    // every copy render can make (each shipped language); the index lists those found in out/
    Renderer all =
        new Renderer(
            repo,
            new Renderer.Options(
                    date.date(),
                    date.instant(),
                    EnumSet.allOf(Renderer.Format.class),
                    tdir,
                    Set.of(),
                    null,
                    org.reap.render.Labels.SHIPPED)
                .withVersion(Versions.version()));
    List<Renderer.Job> jobs = new java.util.ArrayList<>();
    EnumSet<Renderer.Format> formats = EnumSet.noneOf(Renderer.Format.class);
    for (Renderer.Job j : all.jobs()) {
      boolean pdf = java.nio.file.Files.isRegularFile(outDir.resolve(j.name() + ".pdf"));
      boolean html = java.nio.file.Files.isRegularFile(outDir.resolve(j.name() + ".html"));
      if (pdf || html) {
        jobs.add(j);
      }
      if (pdf) {
        formats.add(Renderer.Format.PDF);
      }
      if (html) {
        formats.add(Renderer.Format.HTML);
      }
    }
    if (formats.isEmpty()) {
      return null;
    }
    Set<String> packets = new java.util.TreeSet<>(Renderer.packetsIn(outDir, jobs));
    packets.add(written);
    return new Renderer(
            repo, new Renderer.Options(date.date(), date.instant(), formats, tdir, Set.of()))
        .index(jobs, packets);
  }

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "Templates that override the defaults.")
  Path templates;

  @Option(
      names = "--format",
      defaultValue = "text",
      description =
          "How problems are printed: text (default), json, or github (workflow annotations).")
  DiagnosticPrinter.Format format;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Path cwd = root.cwd;
    if (dir != null && plans != null && !dir.equals(plans)) {
      throw new ParameterException(
          spec.commandLine(),
          "give the plans folder once: as DIR (" + dir + ") or as --plans (" + plans + ")");
    }
    Path folder = dir != null ? dir : plans != null ? plans : Path.of("plans");
    Pipeline.Options opts = new Pipeline.Options(List.of(folder), cwd, false, Map.of(), Set.of());
    AsOfOption.AsOf date = asOf.resolve(spec.commandLine(), cwd, opts);
    Pipeline.Checked c = Pipeline.check(opts);
    if (!c.ok()) {
      print(c.diagnostics(), err);
      if (format == DiagnosticPrinter.Format.TEXT) {
        err.println("reap: no packet was made: fix the errors above first.");
      }
      return ExitCodes.INVALID;
    }
    Document memo = c.repository().document(item);
    if (memo == null || !memo.kindName().equals("agenda-item")) {
      List<String> items = c.repository().ofKind("agenda-item").stream().map(Document::id).toList();
      err.println(
          "reap: there is no agenda item with id '"
              + item
              + "' in "
              + folder.toString().replace('\\', '/')
              + "/. "
              + org.reap.validate.Suggest.didYouMean(item, items)
              + (items.isEmpty()
                  ? "It has no agenda items; give the folder that holds them: reap packet ITEM DIR."
                  : "Agenda items: " + String.join(", ", items)));
      return ExitCodes.USAGE;
    }
    Path tdir =
        templates != null
            ? cwd.resolve(templates)
            : RenderCommand.defaultTemplates(c.repository().root());
    Renderer renderer =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                    date.date(), date.instant(), EnumSet.of(Renderer.Format.PDF), tdir, Set.of())
                .withVersion(Versions.version()));
    PacketPlanner.Result result =
        new PacketPlanner(
                renderer,
                new PacketPlanner.Options(
                    supplemental,
                    cwd,
                    "reap " + Versions.version(),
                    date.instant(),
                    CheckPdfCommand::describe))
            .make(memo);
    if (!result.ok()) {
      print(result.diagnostics().all(), err);
      if (format == DiagnosticPrinter.Format.TEXT) {
        long n =
            result.diagnostics().all().stream()
                .filter(d -> d.ruleId().equals(PacketPlanner.ATTACHMENT))
                .count();
        err.println(
            "reap: no packet was made"
                + (n > 0 ? ": " + Summary.plural(n, "attachment") + " cannot go in it." : "."));
      }
      return ExitCodes.INVALID;
    }
    Path outDir = cwd.resolve(out != null ? out : Path.of("out"));
    try (OutputDir od = OutputDir.open(outDir)) {
      od.stage(result.fileName(), result.pdf());
      byte[] index = indexWithPackets(c.repository(), date, tdir, outDir, result.fileName());
      if (index != null) {
        od.stage("index.html", index);
      }
      od.commitAll();
    } catch (RenderException e) {
      // the packet was made; writing it failed (a full disk, permissions, another run): an output
      // error, as for render and export
      err.println("reap: " + e.userMessage());
      if (e.hint() != null) {
        err.println("    hint: " + e.hint());
      }
      return ExitCodes.OUTPUT;
    }
    print(result.diagnostics().all(), err);
    // with --format json or github the findings are the standard output; the file written is a note
    (format == DiagnosticPrinter.Format.TEXT ? spec.commandLine().getOut() : err)
        .println(
            "wrote "
                + org.reap.load.RepositoryLoader.display(cwd, outDir)
                + "/"
                + result.fileName());
    return ExitCodes.OK;
  }

  /**
   * Findings in the chosen format (see {@link DiagnosticPrinter#print(List,
   * DiagnosticPrinter.Format, PrintWriter, PrintWriter)}).
   */
  private void print(List<org.reap.diagnostic.Diagnostic> d, PrintWriter err) {
    DiagnosticPrinter.print(d, format, spec.commandLine().getOut(), err);
  }
}
