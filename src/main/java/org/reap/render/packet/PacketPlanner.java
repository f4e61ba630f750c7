package org.reap.render.packet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.reap.diagnostic.Diagnostics;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.render.AttachmentWording;
import org.reap.render.Labels;
import org.reap.render.ModelBuilder;
import org.reap.render.RenderException;
import org.reap.render.Renderer;
import org.reap.render.pdf.PdfConformance;
import org.reap.render.view.PacketSheet;
import org.reap.render.view.Page;
import org.reap.source.Span;

/**
 * Plans and makes the agenda packet of one agenda item: which attachments go in and how, the
 * wording a clerk reads for the others ({@link AttachmentWording}), the contents page with page
 * numbers and links, the cover sheets, and the veraPDF check of files from elsewhere. It never
 * prints: problems come back as {@link Diagnostics} with the registered ids {@code render}, {@code
 * packet.attachment} (errors: no packet) and {@code packet.accessibility} (warnings).
 */
public final class PacketPlanner {
  /** Rule id: a document of the packet could not be rendered. */
  public static final String RENDER = "render";

  /** Rule id: an attachment's file cannot go in the packet. */
  public static final String ATTACHMENT = "packet.attachment";

  /** Rule id: a file from elsewhere keeps the packet from conforming to PDF/UA-1 and PDF/A-2a. */
  public static final String ACCESSIBILITY = "packet.accessibility";

  /**
   * A warning: active content (scripts, actions, media, embedded files) was removed from an
   * attached PDF.
   */
  public static final String ACTIVE_CONTENT = "packet.active-content";

  private static final List<PdfConformance.Profile> PROFILES =
      List.of(PdfConformance.Profile.PDF_UA_1, PdfConformance.Profile.PDF_A_2A);

  /**
   * @param supplemental only what was added or revised after the agenda was published
   * @param cwd the folder paths in messages are relative to
   * @param generator the generator named in the documents ("reap 1.2.0")
   * @param pdfDate the packet's fixed creation date
   * @param describeRule a veraPDF failure in plain words
   */
  public record Options(
      boolean supplemental,
      Path cwd,
      String generator,
      Instant pdfDate,
      Function<PdfConformance.Failure, String> describeRule) {}

  /**
   * The packet's file name, its bytes (null when an error kept it from being made) and the
   * findings.
   */
  public record Result(String fileName, byte[] pdf, Diagnostics diagnostics) {
    public boolean ok() {
      return pdf != null;
    }
  }

  /**
   * A PDF from the repository in the packet: its part's index, its name for messages, where it is
   * named, whether it is tagged or its tags damaged.
   */
  private record External(int part, String name, Span span, boolean tagged, boolean damaged) {}

  private final Renderer renderer;
  private final Options options;
  private final Labels labels = new Labels(java.util.Locale.US);
  private final ModelBuilder mb = new ModelBuilder(labels);

  public PacketPlanner(Renderer renderer, Options options) {
    this.renderer = renderer;
    this.options = options;
  }

  /** The packet's file name for an agenda item. */
  public static String fileName(Document memo, boolean supplemental) {
    return memo.id() + (supplemental ? "-supplemental-packet.pdf" : "-packet.pdf");
  }

  /** Makes the packet of {@code memo}, an agenda item of the renderer's repository. */
  public Result make(Document memo) {
    Diagnostics diagnostics = new Diagnostics();
    String fileName = fileName(memo, options.supplemental());
    try {
      byte[] pdf = assemble(memo, diagnostics);
      return new Result(fileName, diagnostics.hasErrors() ? null : pdf, diagnostics);
    } catch (RenderException e) {
      diagnostics.error(RENDER, Span.ofFile(memo.file()), e.userMessage(), e.hint());
      return new Result(fileName, null, diagnostics);
    }
  }

  private byte[] assemble(Document memo, Diagnostics diagnostics) throws RenderException {
    Map<String, Renderer.Job> jobs = new LinkedHashMap<>();
    for (Renderer.Job j : renderer.jobs()) {
      jobs.putIfAbsent(j.source().id(), j);
    }
    String lang = memo.root().string("language") == null ? "en" : memo.root().string("language");
    AttachmentWording wording = new AttachmentWording(labels, memo);
    // the contents page's rows, and the packet part each starts (null: not a part of its own)
    List<PacketSheet.Entry> entries = new ArrayList<>();
    List<Integer> partOf = new ArrayList<>();
    List<PacketAssembler.Part> body = new ArrayList<>();
    List<External> externals = new ArrayList<>();
    // the contents page is part 0; body part i is packet part i + 1
    body.add(
        new PacketAssembler.Part(
            labels.get("packet.memo") + ": " + memo.title(),
            List.of(new PacketAssembler.Piece(renderer.pdf(inPacket(jobs.get(memo.id()))), false)),
            null,
            List.of(jobs.get(memo.id()).name() + ".pdf")));
    for (Node n : memo.root().list("attachments")) {
      Node.Obj a = (Node.Obj) n;
      String status = a.string("status");
      Map<String, Object> fields = mb.object(a);
      String statusLabel = wording.statusLabel(a);
      String name = "Attachment " + a.string("number") + " (\"" + a.string("title") + "\")";
      boolean inSupplement =
          Boolean.TRUE.equals(a.value("supplemental")) || "revised".equals(status);
      if ("withdrawn".equals(status)) {
        entries.add(
            new PacketSheet.Entry(
                fields, statusLabel, labels.get("packet.withdrawn"), null, null, null));
        partOf.add(null);
        continue;
      }
      if (options.supplemental() && !inSupplement) {
        entries.add(
            new PacketSheet.Entry(
                fields, statusLabel, labels.get("packet.not-revised"), null, null, null));
        partOf.add(null);
        continue;
      }
      if (Boolean.TRUE.equals(a.value("in_memo"))) {
        entries.add(
            new PacketSheet.Entry(
                fields, statusLabel, labels.get("packet.memo"), null, null, null));
        partOf.add(1);
        continue;
      }
      String bookmark =
          labels.get("packet.attachment", a.string("number")) + ": " + a.string("title");
      byte[] content = null;
      List<String> links = new ArrayList<>();
      if (a.string("document") != null) {
        Renderer.Job job = jobs.get(a.string("document"));
        content = renderer.pdf(inPacket(job));
        links.add(job.name() + ".pdf");
      } else if (a.string("file") != null) {
        Path f = memo.file().path().getParent().resolve(a.string("file")).normalize();
        content = importFile(name, a, f, diagnostics);
        if (content == null) {
          // an error: there is no packet
          entries.add(new PacketSheet.Entry(fields, statusLabel, null, null, null, null));
          partOf.add(null);
          continue;
        }
        // its part comes after the contents and the parts before it
        externals.add(
            new External(
                body.size() + 1,
                name + " (" + org.reap.load.RepositoryLoader.display(options.cwd(), f) + ")",
                a.spanOf("file"),
                PacketAssembler.isTagged(content),
                PacketAssembler.hasDamagedStructure(content)));
      }
      partOf.add(body.size() + 1);
      String ownPages = labels.get("packet.attachment-pages", a.string("number"), "{0}", "{1}");
      if (content == null) {
        String availability = wording.availability(a);
        PacketSheet.Entry entry =
            new PacketSheet.Entry(fields, statusLabel, availability, availability, null, null);
        entries.add(entry);
        PacketSheet model = sheet(memo, lang, entry, entries, "placeholder", null, null);
        body.add(
            new PacketAssembler.Part(
                bookmark + " — " + availability,
                List.of(
                    new PacketAssembler.Piece(
                        renderer.pdf("packet-cover.ftlx", model, bookmark, lang), true)),
                null,
                links));
      } else {
        PacketSheet.Entry entry =
            new PacketSheet.Entry(
                fields, statusLabel, labels.get("packet.included"), null, null, null);
        entries.add(entry);
        PacketSheet model = sheet(memo, lang, entry, entries, "cover", null, null);
        byte[] coverPdf = renderer.pdf("packet-cover.ftlx", model, bookmark, lang);
        body.add(
            new PacketAssembler.Part(
                bookmark,
                List.of(
                    new PacketAssembler.Piece(coverPdf, true),
                    new PacketAssembler.Piece(content, false)),
                ownPages,
                links));
      }
    }
    if (diagnostics.hasErrors()) {
      return null;
    }
    String title = labels.get("packet.title") + ": " + memo.title();
    List<PacketAssembler.Part> parts = new ArrayList<>();
    parts.add(contents(memo, lang, title, entries, partOf, body));
    parts.addAll(body);
    String stamp = labels.get("packet.stamp", "{0}", "{1}");
    // reap's own renders conform (the test suite checks them); with files from elsewhere the claim
    // is checked below
    PacketAssembler.Packet packet =
        PacketAssembler.assemble(
            parts, title, lang, options.pdfDate(), stamp, true, options.generator());
    boolean warned = false;
    for (External x : externals) {
      if (x.damaged()) {
        diagnostics.warning(
            ACCESSIBILITY,
            x.span(),
            x.name()
                + " has a structure tree (tags) that cannot be read, so the packet leaves it out: screen readers get the file's text page by page, in the order it is drawn",
            null);
        warned = true;
      } else if (!x.tagged()) {
        diagnostics.warning(
            ACCESSIBILITY,
            x.span(),
            x.name()
                + " is not tagged for accessibility (it has no structure tree): screen readers get its text page by page, in the order it is drawn",
            null);
        warned = true;
      }
    }
    if (packet.claimsConformance() && !externals.isEmpty()) {
      if (verify(packet, externals, memo, diagnostics)) {
        warned = true;
        packet =
            PacketAssembler.assemble(
                parts, title, lang, options.pdfDate(), stamp, false, options.generator());
      }
    }
    if (warned) {
      diagnostics.warning(
          ACCESSIBILITY,
          Span.ofFile(memo.file()),
          "the packet was written, with the structure of every part that has one, but it claims neither PDF/UA nor PDF/A",
          "`reap check-pdf` on the packet or the file lists the failed rules; ask for a tagged (PDF/UA) copy of the file (docs/accessibility.md, \"The agenda packet\")");
    }
    return packet.pdf();
  }

  /**
   * Reads a PDF kept in the repository for an attachment and checks it can go in the packet; null,
   * with an error, when it cannot. The one place where files from elsewhere enter the packet.
   */
  private static byte[] importFile(String name, Node.Obj a, Path f, Diagnostics diagnostics) {
    try {
      String special = org.reap.source.SpecialFiles.kind(f);
      if (special != null) {
        // validate refuses it too; checked again here as the file may have changed since
        diagnostics.error(
            ATTACHMENT,
            a.spanOf("file"),
            name + ": " + a.string("file") + " is " + special + ", not a regular file",
            "attach a PDF file");
        return null;
      }
      byte[] bytes = Files.readAllBytes(f);
      PacketAssembler.check(name + " (" + a.string("file") + ")", bytes);
      ActiveContent.Removed removed = ActiveContent.scan(bytes);
      if (!removed.isEmpty()) {
        diagnostics.warning(
            ACTIVE_CONTENT,
            a.spanOf("file"),
            name
                + " ("
                + a.string("file")
                + "): removed from the packet, as packets are posted publicly: "
                + removed.describe(),
            "the pages are kept; scripts, form actions, launches, media and embedded files are not (docs/security.md, \"Agenda packets\")");
      }
      return bytes;
    } catch (RenderException e) {
      diagnostics.error(ATTACHMENT, a.spanOf("file"), e.getMessage(), e.hint());
    } catch (IOException e) {
      diagnostics.error(
          ATTACHMENT,
          a.spanOf("file"),
          name + ": the file " + a.string("file") + " cannot be read",
          "check that the file is there and readable");
    }
    return null;
  }

  /**
   * A job rendered for the packet: without its own page numbers, which the packet's stamp replaces.
   */
  private static Renderer.Job inPacket(Renderer.Job job) {
    return new Renderer.Job(
        job.name(),
        job.template(),
        job.title(),
        job.language(),
        job.source(),
        () -> new Page.InPacket(true, job.model().get()),
        job.original());
  }

  /**
   * The contents page: each row with the packet page its part starts on and a link to it. The
   * numbers depend on how many pages the contents page itself takes, so it is made again when that
   * changes.
   */
  private PacketAssembler.Part contents(
      Document memo,
      String lang,
      String title,
      List<PacketSheet.Entry> entries,
      List<Integer> partOf,
      List<PacketAssembler.Part> body)
      throws RenderException {
    List<Integer> starts = new ArrayList<>();
    int offset = 0;
    for (PacketAssembler.Part p : body) {
      starts.add(offset);
      for (PacketAssembler.Piece piece : p.pieces()) {
        offset += pages(piece.pdf());
      }
    }
    int own = 1;
    byte[] pdf = null;
    for (int tries = 0; tries < 4; tries++) {
      List<PacketSheet.Entry> rows = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        Integer part = partOf.get(i);
        rows.add(
            part == null
                ? entries.get(i)
                : entries
                    .get(i)
                    .at(own + starts.get(part - 1) + 1, PacketAssembler.destination(part)));
      }
      PacketSheet model =
          sheet(memo, lang, null, rows, "contents", own + 1, PacketAssembler.destination(1));
      pdf = renderer.pdf("packet-cover.ftlx", model, title, lang);
      int pages = pages(pdf);
      if (pages == own) {
        break;
      }
      own = pages;
    }
    List<String> links = List.of();
    return new PacketAssembler.Part(
        labels.get("packet.contents"), List.of(new PacketAssembler.Piece(pdf, true)), null, links);
  }

  private static int pages(byte[] pdf) throws RenderException {
    try {
      return PacketAssembler.pages(pdf);
    } catch (IOException e) {
      throw new RenderException(
          "a part of the packet cannot be read back: " + e.getMessage(), null, e);
    }
  }

  private PacketSheet sheet(
      Document memo,
      String lang,
      PacketSheet.Entry attachment,
      List<PacketSheet.Entry> entries,
      String part,
      Integer memoPage,
      String memoHref) {
    return new PacketSheet(
        mb.object(memo.root()),
        lang,
        options.generator(),
        memo.title(),
        options.supplemental(),
        List.copyOf(entries),
        true,
        attachment,
        part,
        memoPage,
        memoHref);
  }

  /**
   * Checks a packet that holds files from elsewhere with veraPDF (PDF/UA-1 and PDF/A-2a, what
   * reap's own PDFs pass) before it claims conformance. Adds one warning per file whose pages fail
   * a rule (and one for failures elsewhere); true when it did not pass.
   */
  private boolean verify(
      PacketAssembler.Packet packet,
      List<External> externals,
      Document memo,
      Diagnostics diagnostics) {
    PdfConformance.Report report;
    try {
      report = PdfConformance.check(packet.pdf(), PROFILES);
    } catch (PdfConformance.UncheckableException e) {
      diagnostics.warning(
          ACCESSIBILITY,
          Span.ofFile(memo.file()),
          "the packet could not be checked for accessibility (" + e.getMessage() + ")",
          null);
      return true;
    }
    if (report.passed()) {
      return false;
    }
    Map<Integer, External> byPart = new LinkedHashMap<>();
    externals.forEach(x -> byPart.put(x.part(), x));
    Map<External, List<String>> rules = new LinkedHashMap<>();
    Map<External, SortedSet<Integer>> pages = new LinkedHashMap<>();
    List<String> elsewhere = new ArrayList<>();
    for (PdfConformance.Failure f : report.all()) {
      String rule =
          f.profile().label() + " rule " + f.ruleId() + ": " + options.describeRule().apply(f);
      boolean placed = false;
      for (int page : f.pages()) {
        External x = byPart.get(packet.partOf(page));
        if (x != null) {
          placed = true;
          List<String> r = rules.computeIfAbsent(x, k -> new ArrayList<>());
          if (!r.contains(rule)) {
            r.add(rule);
          }
          pages.computeIfAbsent(x, k -> new TreeSet<>()).add(page);
        }
      }
      if (!placed) {
        elsewhere.add(rule);
      }
    }
    rules.forEach(
        (x, r) ->
            diagnostics.warning(
                ACCESSIBILITY,
                x.span(),
                x.name()
                    + " fails "
                    + plural(r.size(), "rule")
                    + " on packet "
                    + (pages.get(x).size() == 1 ? "page " : "pages ")
                    + ranges(pages.get(x))
                    + ":\n        "
                    + String.join("\n        ", r),
                null));
    if (!elsewhere.isEmpty()) {
      diagnostics.warning(
          ACCESSIBILITY,
          Span.ofFile(memo.file()),
          "the packet fails "
              + plural(elsewhere.size(), "rule")
              + " on no page of a file from the repository (in the file as a whole, or on reap's own pages):\n        "
              + String.join("\n        ", elsewhere),
          null);
    }
    return true;
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** 1,2,3,5 → "1-3, 5". */
  static String ranges(SortedSet<Integer> pages) {
    StringBuilder sb = new StringBuilder();
    int start = -1;
    int prev = -1;
    for (int p : pages) {
      if (prev >= 0 && p == prev + 1) {
        prev = p;
        continue;
      }
      if (start >= 0) {
        sb.append(sb.isEmpty() ? "" : ", ")
            .append(start == prev ? Integer.toString(start) : start + "-" + prev);
      }
      start = p;
      prev = p;
    }
    if (start >= 0) {
      sb.append(sb.isEmpty() ? "" : ", ")
          .append(start == prev ? Integer.toString(start) : start + "-" + prev);
    }
    return sb.toString();
  }
}
