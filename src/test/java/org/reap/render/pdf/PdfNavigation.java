package org.reap.render.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.pdf.PRIndirectReference;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.SimpleBookmark;

/**
 * What a reader uses to move around a PDF, read back for tests: the outline (bookmarks, nested,
 * with the page each jumps to) and the links of a page (with the page a jump lands on, through
 * named destinations too, or the URI).
 */
public final class PdfNavigation {
  private PdfNavigation() {}

  /** A link: its description (/Contents), and the page it jumps to (null for a URI). */
  public record Link(String text, Integer page, String uri) {
    @Override
    public String toString() {
      return text + " -> " + (page != null ? "page " + page : uri);
    }
  }

  /** One bookmark: its title, the page it jumps to, and the bookmarks under it. */
  public record Mark(String title, int page, List<Mark> kids) {
    /** "title @ page", with the kids below, indented two spaces a level. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(title + " @ " + page);
      for (Mark k : kids) {
        k.lines().forEach(l -> out.add("  " + l));
      }
      return out;
    }

    /** The same bookmarks with every page moved by {@code by}. */
    public Mark shifted(int by) {
      return new Mark(title, page + by, kids.stream().map(k -> k.shifted(by)).toList());
    }
  }

  /** The top-level bookmarks, each with the bookmarks nested under it. */
  public static List<Mark> outline(byte[] pdf) throws IOException {
    PdfReader r = new PdfReader(pdf);
    try {
      List<Map<String, Object>> list = SimpleBookmark.getBookmarkList(r);
      return list == null ? List.of() : marks(list);
    } finally {
      r.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Mark> marks(List<Map<String, Object>> list) {
    List<Mark> out = new ArrayList<>();
    for (Map<String, Object> m : list) {
      Object page = m.get("Page");
      List<Map<String, Object>> kids = (List<Map<String, Object>>) m.get("Kids");
      out.add(
          new Mark(
              (String) m.get("Title"),
              page == null ? -1 : Integer.parseInt(((String) page).split(" ")[0]),
              kids == null ? List.of() : marks(kids)));
    }
    return out;
  }

  /** The page each top-level bookmark jumps to, by title, in order. */
  public static Map<String, Integer> starts(byte[] pdf) throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Mark m : outline(pdf)) {
      out.put(m.title(), m.page());
    }
    return out;
  }

  /** The links of page {@code page} (1-based), in the order of its annotations. */
  public static List<Link> links(byte[] pdf, int page) throws IOException {
    PdfReader r = new PdfReader(pdf);
    try {
      return links(r, page);
    } finally {
      r.close();
    }
  }

  public static List<Link> links(PdfReader r, int page) {
    Map<Integer, Integer> pages = new HashMap<>();
    for (int p = 1; p <= r.getNumberOfPages(); p++) {
      pages.put(r.getPageOrigRef(p).getNumber(), p);
    }
    PdfObject destsObj = PdfReader.getPdfObject(r.getCatalog().get(PdfName.DESTS));
    PdfDictionary dests = destsObj instanceof PdfDictionary d ? d : new PdfDictionary();
    List<Link> out = new ArrayList<>();
    PdfArray annots = r.getPageN(page).getAsArray(PdfName.ANNOTS);
    for (int i = 0; annots != null && i < annots.size(); i++) {
      PdfDictionary a = (PdfDictionary) PdfReader.getPdfObject(annots.getPdfObject(i));
      if (!PdfName.LINK.equals(a.getAsName(PdfName.SUBTYPE))) {
        continue;
      }
      PdfString contents = a.getAsString(PdfName.CONTENTS);
      String text = contents == null ? "" : contents.toUnicodeString();
      PdfObject actionObj = PdfReader.getPdfObject(a.get(PdfName.A));
      PdfObject d = a.get(PdfName.DEST);
      if (actionObj instanceof PdfDictionary action) {
        if (PdfName.URI.equals(action.getAsName(PdfName.S))) {
          out.add(
              new Link(
                  text,
                  null,
                  ((PdfString) PdfReader.getPdfObject(action.get(PdfName.URI))).toUnicodeString()));
          continue;
        }
        d = PdfName.GOTO.equals(action.getAsName(PdfName.S)) ? action.get(PdfName.D) : null;
      }
      PdfObject resolved = PdfReader.getPdfObject(d);
      PdfObject dest =
          resolved instanceof PdfName n ? PdfReader.getPdfObject(dests.get(n)) : resolved;
      Integer target = null;
      if (dest instanceof PdfArray arr
          && arr.size() > 0
          && arr.getPdfObject(0) instanceof PRIndirectReference ref) {
        target = pages.get(ref.getNumber());
      }
      out.add(new Link(text, target, null));
    }
    return out;
  }
}
