package org.reap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.render.Labels;
import org.reap.render.ModelBuilder;
import org.reap.render.RenderException;
import org.reap.render.Renderer;
import org.reap.render.output.OutputDir;
import org.reap.render.packet.PacketAssembler;
import org.reap.render.pdf.PdfConformance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "packet",
    mixinStandardHelpOptions = true,
    description = {
      "Assemble one PDF for an agenda item: its staff report and attachments, behind a contents page.",
      "After the contents page and the staff report comes each attachment in number order behind its cover sheet: reap "
          + "documents rendered on the fly, PDFs kept in the repository, and a placeholder page for attachments still to "
          + "be provided. Withdrawn attachments are listed, struck through, and left out. Every page is stamped \"Packet "
          + "page X of Y\" and each part has a bookmark. Bad attachment files are reported by name before anything is "
          + "written.",
      "The packet is tagged (PDF/UA-1, PDF/A-2a) like every reap PDF; a PDF from the repository that is untagged, or "
          + "that fails a veraPDF rule inside the packet, is named in a warning and the packet then claims neither.",
      "Writes out/ITEM-packet.pdf (ITEM-supplemental-packet.pdf with --supplemental)."
    })
public final class PacketCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Parameters(index = "0", paramLabel = "ITEM", description = "The agenda item's id.")
  String item;

  @Option(names = "--plans", paramLabel = "DIR", description = "The plans folder (default: plans).")
  Path plans;

  @Mixin AsOfOption asOf;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out).")
  Path out;

  @Option(names = "--supplemental", description = "Only the attachments added or revised after the agenda was published (marked supplemental: yes, or status revised).")
  boolean supplemental;

  @Option(names = "--templates", paramLabel = "DIR", description = "Templates that override the defaults.")
  Path templates;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    Path cwd = root.cwd;
    Pipeline.Options opts = new Pipeline.Options(List.of(plans != null ? plans : Path.of("plans")), cwd, false, Map.of(), Set.of());
    AsOfOption.AsOf date = asOf.resolve(spec.commandLine(), cwd, opts);
    Pipeline.Checked c = Pipeline.check(opts);
    if (!c.ok()) {
      DiagnosticPrinter.print(c.diagnostics(), DiagnosticPrinter.Format.TEXT, err);
      err.println("reap: no packet was made: fix the errors above first.");
      return ExitCodes.INVALID;
    }
    Document memo = c.repository().document(item);
    if (memo == null || !memo.kindName().equals("agenda-item")) {
      List<String> items = c.repository().ofKind("agenda-item").stream().map(Document::id).toList();
      err.println("reap: there is no agenda item with id '" + item + "'. " + org.reap.validate.Suggest.didYouMean(item, items) + (items.isEmpty() ? "" : "Agenda items: " + String.join(", ", items)));
      return ExitCodes.USAGE;
    }
    Path tdir = templates != null ? cwd.resolve(templates) : RenderCommand.defaultTemplates(c.repository().root());
    Renderer renderer = new Renderer(c.repository(), new Renderer.Options(date.date(), date.instant(), EnumSet.of(Renderer.Format.PDF), tdir, Set.of()));
    Labels labels = new Labels(java.util.Locale.US);
    ModelBuilder mb = new ModelBuilder(labels);
    Map<String, Renderer.Job> jobs = new LinkedHashMap<>();
    for (Renderer.Job j : renderer.jobs()) {
      jobs.putIfAbsent(j.source().id(), j);
    }
    String lang = memo.root().string("language") == null ? "en" : memo.root().string("language");
    List<Map<String, Object>> entries = new ArrayList<>();
    List<PacketAssembler.Part> parts = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<External> externals = new ArrayList<>();
    try {
      List<PacketAssembler.Part> body = new ArrayList<>();
      body.add(new PacketAssembler.Part(labels.get("packet.memo") + ": " + memo.title(), renderer.pdf(jobs.get(memo.id()))));
      for (Node n : memo.root().list("attachments")) {
        Node.Obj a = (Node.Obj) n;
        String status = a.string("status") == null ? "final" : a.string("status");
        Map<String, Object> am = mb.object(a);
        am.put("status", status);
        am.put("status_label", labels.get("attachment." + status));
        String name = "Attachment " + a.string("number") + " (\"" + a.string("title") + "\")";
        boolean inSupplement = Boolean.TRUE.equals(a.value("supplemental")) || status.equals("revised");
        if (status.equals("withdrawn")) {
          am.put("inclusion", labels.get("packet.withdrawn"));
          entries.add(am);
          continue;
        }
        if (supplemental && !inSupplement) {
          am.put("inclusion", labels.get("packet.not-revised"));
          entries.add(am);
          continue;
        }
        if (Boolean.TRUE.equals(a.value("in_memo"))) {
          am.put("inclusion", labels.get("packet.memo"));
          entries.add(am);
          continue;
        }
        String bookmark = labels.get("packet.attachment", a.string("number")) + ": " + a.string("title");
        byte[] content = null;
        if (a.string("document") != null) {
          content = renderer.pdf(jobs.get(a.string("document")));
        } else if (a.string("file") != null) {
          Path f = memo.file().path().getParent().resolve(a.string("file")).normalize();
          try {
            byte[] bytes = Files.readAllBytes(f);
            PacketAssembler.check(name + " (" + a.string("file") + ")", bytes);
            content = bytes;
            // its part comes after the contents and the parts before it
            externals.add(new External(body.size() + 1, name + " (" + org.reap.load.RepositoryLoader.display(cwd, f) + ")", PacketAssembler.isTagged(bytes), PacketAssembler.hasDamagedStructure(bytes)));
          } catch (RenderException e) {
            problems.add(e.getMessage() + (e.hint() != null ? "; " + e.hint() : ""));
            continue;
          } catch (IOException e) {
            problems.add(name + ": the file " + a.string("file") + " cannot be read");
            continue;
          }
        }
        Map<String, Object> model = cover(mb, memo, lang, am, entries);
        if (content == null) {
          am.put("reason", labels.get("packet.no-file"));
          am.put("inclusion", status.equals("pending") ? labels.get("packet.placeholder") : labels.get("packet.not-in-repository"));
          model.put("part", "placeholder");
          body.add(new PacketAssembler.Part(bookmark + " (" + labels.get("packet.placeholder").toLowerCase(java.util.Locale.ROOT) + ")", renderer.pdf("packet-cover.ftlx", model, bookmark, lang)));
        } else {
          am.put("inclusion", labels.get("packet.included"));
          model.put("part", "cover");
          byte[] coverPdf = renderer.pdf("packet-cover.ftlx", model, bookmark, lang);
          body.add(new PacketAssembler.Part(bookmark, List.of(coverPdf, content)));
        }
        entries.add(am);
      }
      if (!problems.isEmpty()) {
        for (String p : problems) {
          err.println(memo.file().displayPath() + ": error[packet.attachment]: " + p);
        }
        err.println("reap: no packet was made: " + Summary.plural(problems.size(), "attachment") + " cannot go in it.");
        return ExitCodes.INVALID;
      }
      Map<String, Object> contents = cover(mb, memo, lang, null, entries);
      contents.put("part", "contents");
      String title = labels.get("packet.title") + ": " + memo.title();
      parts.add(new PacketAssembler.Part(labels.get("packet.contents"), renderer.pdf("packet-cover.ftlx", contents, title, lang)));
      parts.addAll(body);
      // reap's own renders conform (the test suite checks them); with files from elsewhere the claim is checked below
      PacketAssembler.Packet packet = PacketAssembler.assemble(parts, title, lang, date.instant(), labels.get("packet.stamp"), true);
      List<String> warnings = new ArrayList<>();
      for (External x : externals) {
        if (x.damaged()) {
          warnings.add(x.name() + " has a structure tree (tags) that cannot be read, so the packet leaves it out: screen readers get the file's text page by page, in the order it is drawn");
        } else if (!x.tagged()) {
          warnings.add(x.name() + " is not tagged for accessibility (it has no structure tree): screen readers get its text page by page, in the order it is drawn");
        }
      }
      if (packet.claimsConformance() && !externals.isEmpty()) {
        List<String> failed = verify(packet, externals);
        if (!failed.isEmpty()) {
          warnings.addAll(failed);
          packet = PacketAssembler.assemble(parts, title, lang, date.instant(), labels.get("packet.stamp"), false);
        }
      }
      String fileName = memo.id() + (supplemental ? "-supplemental-packet.pdf" : "-packet.pdf");
      Path outDir = cwd.resolve(out != null ? out : Path.of("out"));
      try (OutputDir dir = OutputDir.open(outDir)) {
        dir.stage(fileName, packet.pdf());
        dir.commitAll();
      }
      for (String w : warnings) {
        err.println(memo.file().displayPath() + ": warning[packet.accessibility]: " + w);
      }
      if (!warnings.isEmpty()) {
        err.println("    hint: the packet was written, with the structure of every part that has one, but it claims neither PDF/UA"
            + " nor PDF/A; `reap check-pdf` on the packet or the file lists the failed rules; ask for a tagged (PDF/UA) copy"
            + " of the file (docs/accessibility.md, \"The agenda packet\")");
      }
      spec.commandLine().getOut().println("wrote " + org.reap.load.RepositoryLoader.display(cwd, outDir) + "/" + fileName);
      return ExitCodes.OK;
    } catch (RenderException e) {
      err.println("reap: " + e.userMessage());
      if (e.hint() != null) {
        err.println("    hint: " + e.hint());
      }
      return ExitCodes.INVALID;
    }
  }

  private Map<String, Object> cover(ModelBuilder mb, Document memo, String lang, Map<String, Object> attachment, List<Map<String, Object>> entries) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("doc", mb.object(memo.root()));
    m.put("lang", lang);
    m.put("generator", "reap " + Versions.version());
    m.put("title", memo.title());
    m.put("supplemental", supplemental);
    m.put("entries", entries);
    if (attachment != null) {
      m.put("attachment", attachment);
    }
    return m;
  }

  /** A PDF from the repository in the packet: its part's index, its name for messages, whether it is tagged or its tags damaged. */
  private record External(int part, String name, boolean tagged, boolean damaged) {}

  private static final List<PdfConformance.Profile> PACKET_PROFILES = List.of(PdfConformance.Profile.PDF_UA_1, PdfConformance.Profile.PDF_A_2A);

  /**
   * Checks a packet that holds files from elsewhere with veraPDF (PDF/UA-1 and PDF/A-2a, what reap's
   * own PDFs pass) before it claims conformance. Returns nothing when it passes, else one warning per
   * file whose pages fail a rule (and one for failures elsewhere).
   */
  private static List<String> verify(PacketAssembler.Packet packet, List<External> externals) {
    PdfConformance.Report report;
    try {
      report = PdfConformance.check(packet.pdf(), PACKET_PROFILES);
    } catch (PdfConformance.UncheckableException e) {
      return List.of("the packet could not be checked for accessibility (" + e.getMessage() + ")");
    }
    if (report.passed()) {
      return List.of();
    }
    Map<Integer, External> byPart = new LinkedHashMap<>();
    externals.forEach(x -> byPart.put(x.part(), x));
    Map<External, List<String>> rules = new LinkedHashMap<>();
    Map<External, java.util.SortedSet<Integer>> pages = new LinkedHashMap<>();
    List<String> elsewhere = new ArrayList<>();
    for (PdfConformance.Failure f : report.all()) {
      String rule = f.profile().label() + " rule " + f.ruleId() + ": " + CheckPdfCommand.describe(f);
      boolean placed = false;
      for (int page : f.pages()) {
        External x = byPart.get(packet.partOf(page));
        if (x != null) {
          placed = true;
          List<String> r = rules.computeIfAbsent(x, k -> new ArrayList<>());
          if (!r.contains(rule)) {
            r.add(rule);
          }
          pages.computeIfAbsent(x, k -> new java.util.TreeSet<>()).add(page);
        }
      }
      if (!placed) {
        elsewhere.add(rule);
      }
    }
    List<String> warnings = new ArrayList<>();
    rules.forEach((x, r) -> warnings.add(x.name() + " fails " + Summary.plural(r.size(), "rule") + " on packet " + (pages.get(x).size() == 1 ? "page " : "pages ")
        + CheckPdfCommand.ranges(pages.get(x)) + ":\n        " + String.join("\n        ", r)));
    if (!elsewhere.isEmpty()) {
      warnings.add("the packet fails " + Summary.plural(elsewhere.size(), "rule") + " on no page of a file from the repository (in the file as a whole, or on reap's own pages):\n        " + String.join("\n        ", elsewhere));
    }
    return warnings;
  }
}
