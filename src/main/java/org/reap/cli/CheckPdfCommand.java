package org.reap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.SimpleBookmark;
import org.reap.render.pdf.PdfConformance;
import org.reap.render.pdf.PdfConformance.Failure;
import org.reap.render.pdf.PdfConformance.Profile;
import org.reap.render.pdf.PdfConformance.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "check-pdf",
    mixinStandardHelpOptions = true,
    description = {
      "Check PDFs for accessibility (PDF/UA-1) and archiving (PDF/A-2u) with veraPDF, and list the failed rules in plain words.",
      "Works on any PDF, not only reap's: e.g. attachments to an agenda item. In a file with several top-level bookmarks "
          + "(an agenda packet) each failure also names the parts (bookmarks) whose pages it is on."
    },
    footer = {
      "",
      "Exit codes: 0 every file passes both, 1 a file fails a rule or cannot be checked (missing, not a PDF, encrypted, damaged)."
    })
public final class CheckPdfCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ReapCommand root;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "PDF files to check.")
  List<Path> files = new ArrayList<>();

  /** Plainer words for the rules people meet most; veraPDF's own description otherwise. */
  private static final Map<String, String> PLAIN =
      Map.ofEntries(
          Map.entry("7.1-1", "A decoration (artifact) is inside tagged content."),
          Map.entry("7.1-2", "Tagged content is inside a decoration (artifact)."),
          Map.entry(
              "7.1-3",
              "Some content is neither tagged nor marked as decoration: screen readers cannot read it."),
          Map.entry("7.1-8", "The file has no XMP metadata."),
          Map.entry("7.1-9", "The document has no title in its metadata (dc:title)."),
          Map.entry(
              "7.1-10", "The viewer is not told to show the document title (DisplayDocTitle)."),
          Map.entry("7.1-11", "The file is not marked as tagged (MarkInfo /Marked true)."),
          Map.entry("7.1-12", "The file is not marked as tagged (MarkInfo /Marked true)."),
          Map.entry(
              "6.1-1",
              "The file header is not %PDF-1.0 to %PDF-1.7 (PDF 2.0 files cannot be PDF/UA-1)."),
          Map.entry("6.2-1", "The file is not marked as tagged (MarkInfo /Marked true)."),
          Map.entry(
              "6.6.4-3",
              "The metadata claims a PDF/A conformance level other than this one (pdfaid:conformance)."),
          Map.entry("5-1", "The metadata does not say the file is PDF/UA (pdfuaid:part)."),
          Map.entry(
              "7.2-2",
              "The natural language of some text (e.g. a bookmark) cannot be determined: no /Lang."),
          Map.entry("7.2-34", "The natural language of some text cannot be determined: no /Lang."),
          Map.entry("7.3-1", "A figure has no alternative text."),
          Map.entry("7.4.2-1", "Headings skip a level (e.g. H1 then H3)."),
          Map.entry(
              "7.5-1", "A table header cell has no Scope and the data cells name no headers."),
          Map.entry(
              "7.18.1-2",
              "An annotation (e.g. a link) has no description (/Contents, or /Alt on its structure element)."),
          Map.entry("7.18.5-1", "A link is not tagged as a Link."),
          Map.entry("7.18.5-2", "A link has no alternate description (/Contents)."),
          Map.entry(
              "7.18.3-1",
              "A page with annotations does not set the tab order to the structure order (/Tabs /S)."),
          Map.entry(
              "7.21.3.2-1", "A font's character set (CIDSet) does not match the glyphs it embeds."),
          Map.entry("7.21.4.1-1", "A font is not embedded."),
          Map.entry("7.21.4.2-2", "A font's CIDSet does not list every glyph it embeds."),
          Map.entry(
              "7.21.7-1", "Some text cannot be mapped to Unicode (no ToUnicode for a glyph)."),
          Map.entry("6.1.2-1", "The file header is not %PDF-1.n followed by a binary comment."),
          Map.entry("6.2.11.4.1-1", "A font is not embedded."),
          Map.entry("6.2.11.4.2-2", "A font's CIDSet does not list every glyph it embeds."),
          Map.entry(
              "6.2.11.7.2-1", "Some text cannot be mapped to Unicode (no ToUnicode for a glyph)."),
          Map.entry(
              "6.2.4.3-2", "Colours are used without an output intent (device-dependent colour)."),
          Map.entry(
              "6.2.4.3-3", "Colours are used without an output intent (device-dependent colour)."),
          Map.entry(
              "6.2.4.3-4", "Colours are used without an output intent (device-dependent colour)."),
          Map.entry("6.6.2.1-1", "The file has no XMP metadata."),
          Map.entry("6.6.4-1", "The metadata does not say the file is PDF/A-2 (pdfaid:part)."),
          Map.entry(
              "6.6.4-2",
              "The metadata does not give the PDF/A conformance level (pdfaid:conformance)."),
          Map.entry("6.1.3-1", "The file has no ID in its trailer."),
          Map.entry("6.1.3-2", "The file is encrypted."),
          Map.entry("6.3.2-1", "An annotation may not be printed (its Print flag is off)."));

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean allPass = true;
    for (Path given : files) {
      Path file = root.cwd.resolve(given);
      String name = given.toString();
      Report report;
      NavigableMap<Integer, String> sections;
      try {
        if (!Files.exists(file)) {
          out.println(name + ": cannot check: no such file.");
          allPass = false;
          continue;
        }
        if (!Files.isRegularFile(file)) {
          out.println(name + ": cannot check: not a file.");
          allPass = false;
          continue;
        }
        byte[] pdf = Files.readAllBytes(file);
        report = PdfConformance.check(pdf, PdfConformance.DEFAULT_PROFILES);
        sections = sections(pdf);
      } catch (IOException e) {
        out.println(name + ": cannot check: it cannot be read (" + e.getMessage() + ").");
        allPass = false;
        continue;
      } catch (PdfConformance.UncheckableException e) {
        out.println(name + ": cannot check: " + e.getMessage() + ".");
        allPass = false;
        continue;
      }
      print(out, name, report, sections);
      allPass &= report.passed();
    }
    out.flush();
    return allPass ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static void print(
      PrintWriter out, String name, Report report, NavigableMap<Integer, String> sections) {
    List<String> verdicts = new ArrayList<>();
    for (Map.Entry<Profile, List<Failure>> e : report.failures().entrySet()) {
      int n = e.getValue().size();
      verdicts.add(
          n == 0
              ? "passes " + e.getKey().label()
              : "fails " + e.getKey().label() + " (" + n + (n == 1 ? " rule" : " rules") + ")");
    }
    out.println(name + ": " + String.join(", ", verdicts) + ".");
    for (Failure f : report.all()) {
      StringBuilder line = new StringBuilder("  ");
      line.append(f.profile().label()).append(" rule ").append(f.ruleId()).append(": ");
      line.append(describe(f));
      line.append(" (").append(f.count()).append(f.count() == 1 ? " time" : " times");
      if (!f.pages().isEmpty()) {
        line.append(f.pages().size() == 1 ? ", page " : ", pages ").append(ranges(f.pages()));
        List<String> in = new ArrayList<>();
        for (int page : f.pages()) {
          Map.Entry<Integer, String> s = sections.floorEntry(page);
          if (s != null && !in.contains("\"" + s.getValue() + "\"")) {
            in.add("\"" + s.getValue() + "\"");
          }
        }
        if (!in.isEmpty()) {
          line.append(", in ").append(String.join(", ", in));
        }
      }
      line.append(')');
      out.println(line);
    }
  }

  /**
   * The parts of a file with several top-level bookmarks (an agenda packet: contents, staff report,
   * each attachment), by the page they start on, so that a failure can name the part it is in.
   * Empty for a file with one top-level bookmark or none, or whose bookmarks cannot be read.
   */
  static NavigableMap<Integer, String> sections(byte[] pdf) {
    NavigableMap<Integer, String> out = new TreeMap<>();
    try {
      PdfReader reader = new PdfReader(pdf);
      try {
        List<Map<String, Object>> marks = SimpleBookmark.getBookmarkList(reader);
        if (marks == null || marks.size() < 2) {
          return out;
        }
        for (Map<String, Object> m : marks) {
          Object page = m.get("Page");
          Object title = m.get("Title");
          if (page instanceof String p && title instanceof String t && p.matches("\\d+( .*)?")) {
            out.putIfAbsent(Integer.parseInt(p.split(" ")[0]), t.strip());
          }
        }
      } finally {
        reader.close();
      }
    } catch (IOException | RuntimeException e) {
      return new TreeMap<>(); // bookmarks only help explain; veraPDF has checked the file
    }
    return out;
  }

  static String describe(Failure f) {
    String plain = PLAIN.get(f.ruleId());
    if (plain != null) {
      return plain;
    }
    String d = f.description().replaceAll("\\s+", " ").strip();
    if (d.isEmpty()) {
      return "(veraPDF gives no description)";
    }
    return d.endsWith(".") ? d : d + ".";
  }

  /** 1,2,3,5 → "1-3, 5". */
  static String ranges(SortedSet<Integer> pages) {
    StringBuilder sb = new StringBuilder();
    Integer start = null;
    Integer prev = null;
    for (int p : pages) {
      if (prev != null && p == prev + 1) {
        prev = p;
        continue;
      }
      if (start != null) {
        append(sb, start, prev);
      }
      start = p;
      prev = p;
    }
    if (start != null) {
      append(sb, start, prev);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, int start, int end) {
    if (!sb.isEmpty()) {
      sb.append(", ");
    }
    sb.append(start);
    if (end > start) {
      sb.append('-').append(end);
    }
  }
}
