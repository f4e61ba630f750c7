package org.reap.render.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * Checks of what a screen-reader user and a reader navigating by bookmarks get (issue 19), over a
 * rendered PDF. Each method returns its findings as text, empty when all is well, so a test can
 * assert emptiness and print every finding at once. Reusable for any template: hold each new
 * document to them.
 */
public final class StructureChecks {
  private static final COSName SCOPE = COSName.getPDFName("Scope");
  private static final COSName ROW_SPAN = COSName.getPDFName("RowSpan");
  private static final COSName HEADERS = COSName.getPDFName("Headers");

  private StructureChecks() {}

  /**
   * Each bookmark must land on the page where its heading's first line is painted (not on a clipped
   * copy at the foot of the previous page), at most a couple of lines above it.
   */
  public static List<String> bookmarksOffTheirHeadings(byte[] pdf) {
    List<PrintChecks.Word> words = PrintChecks.printedWords(pdf);
    List<String> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDOutlineNode root = doc.getDocumentCatalog().getDocumentOutline();
      if (root == null) {
        return out;
      }
      List<PDOutlineItem> items = new ArrayList<>();
      collect(root, items);
      for (PDOutlineItem item : items) {
        PDDestination d = item.getDestination();
        if (!(d instanceof PDPageDestination pd)) {
          continue;
        }
        int page = pd.retrievePageNumber() + 1;
        List<String> title = PrintChecks.words(item.getTitle());
        if (title.isEmpty()) {
          continue;
        }
        String first = title.get(0);
        double top =
            pd instanceof PDPageXYZDestination xyz && xyz.getTop() >= 0 ? xyz.getTop() : Double.NaN;
        boolean found = false;
        Set<Integer> paintedOn = new java.util.TreeSet<>();
        for (PrintChecks.Word w : words) {
          if (!PrintChecks.words(w.text()).contains(first)) {
            continue;
          }
          paintedOn.add(w.page());
          if (w.page() == page
              && (Double.isNaN(top) || (w.y1() <= top + 2 && w.y0() >= top - 40))) {
            found = true;
          }
        }
        if (!found) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "\"%s\": bookmark goes to page %d (y %.0f), but its heading's first word is painted on page(s) %s",
                  item.getTitle(),
                  page,
                  top,
                  paintedOn));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void collect(PDOutlineNode node, List<PDOutlineItem> out) {
    for (PDOutlineItem kid : node.children()) {
      out.add(kid);
      collect(kid, out);
    }
  }

  /**
   * In a table whose body uses row headers, every body row must be covered by one: a TH of scope
   * Row in the row, a row-spanning one above it, or cells whose /Headers name a row header's /ID.
   */
  public static List<String> rowsWithoutRowHeader(byte[] pdf) {
    List<String> out = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
      if (root == null) {
        return out;
      }
      List<PDStructureElement> tables = new ArrayList<>();
      find(root, "Table", tables);
      int n = 0;
      for (PDStructureElement table : tables) {
        n++;
        List<PDStructureElement> rows = new ArrayList<>();
        bodyRows(table, rows);
        Map<String, PDStructureElement> rowHeaderIds = new HashMap<>();
        boolean usesRowHeaders = false;
        for (PDStructureElement tr : rows) {
          for (PDStructureElement cell : cells(tr)) {
            if (isRowHeader(cell)) {
              usesRowHeaders = true;
              if (cell.getElementIdentifier() != null) {
                rowHeaderIds.put(cell.getElementIdentifier(), cell);
              }
            }
          }
        }
        if (!usesRowHeaders) {
          continue;
        }
        int spanLeft = 0;
        for (int r = 0; r < rows.size(); r++) {
          boolean covered = spanLeft > 0;
          spanLeft = Math.max(0, spanLeft - 1);
          for (PDStructureElement cell : cells(rows.get(r))) {
            if (isRowHeader(cell)) {
              covered = true;
              spanLeft = Math.max(spanLeft, intAttr(cell, ROW_SPAN, 1) - 1);
            } else if (!covered) {
              for (String id : headers(cell)) {
                if (rowHeaderIds.containsKey(id)) {
                  covered = true;
                }
              }
            }
          }
          if (!covered) {
            out.add(
                "table "
                    + n
                    + " (page "
                    + page(table, doc)
                    + "): body row "
                    + (r + 1)
                    + " of "
                    + rows.size()
                    + " has no row header");
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String page(PDStructureElement e, PDDocument doc) {
    return e.getPage() == null ? "?" : String.valueOf(doc.getPages().indexOf(e.getPage()) + 1);
  }

  private static void find(PDStructureNode node, String type, List<PDStructureElement> out) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        if (type.equals(e.getStandardStructureType())) {
          out.add(e);
        } else {
          find(e, type, out);
        }
      }
    }
  }

  private static void bodyRows(PDStructureElement node, List<PDStructureElement> out) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement e) {
        switch (e.getStandardStructureType()) {
          case "TR" -> out.add(e);
          case "TBody", "TFoot" -> bodyRows(e, out);
          default -> {}
        }
      }
    }
  }

  private static List<PDStructureElement> cells(PDStructureElement tr) {
    List<PDStructureElement> out = new ArrayList<>();
    for (Object kid : tr.getKids()) {
      if (kid instanceof PDStructureElement e
          && ("TH".equals(e.getStandardStructureType())
              || "TD".equals(e.getStandardStructureType()))) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean isRowHeader(PDStructureElement cell) {
    if (!"TH".equals(cell.getStandardStructureType())) {
      return false;
    }
    COSBase scope = tableAttr(cell, SCOPE);
    return scope instanceof COSName s && (s.getName().equals("Row") || s.getName().equals("Both"));
  }

  private static int intAttr(PDStructureElement cell, COSName key, int fallback) {
    COSBase v = tableAttr(cell, key);
    return v instanceof org.apache.pdfbox.cos.COSNumber num ? num.intValue() : fallback;
  }

  private static Set<String> headers(PDStructureElement cell) {
    Set<String> ids = new HashSet<>();
    if (tableAttr(cell, HEADERS) instanceof COSArray a) {
      for (COSBase b : a) {
        if (b instanceof COSString s) {
          ids.add(s.getString());
        }
      }
    }
    return ids;
  }

  /** A Table-owned attribute of a structure element (its /A may be one dictionary or an array). */
  private static COSBase tableAttr(PDStructureElement e, COSName key) {
    COSBase a = e.getCOSObject().getDictionaryObject(COSName.A);
    List<COSDictionary> dicts = new ArrayList<>();
    if (a instanceof COSDictionary d) {
      dicts.add(d);
    } else if (a instanceof COSArray arr) {
      for (COSBase b : arr) {
        if (b instanceof COSDictionary d) {
          dicts.add(d);
        } else if (b instanceof org.apache.pdfbox.cos.COSObject o
            && o.getObject() instanceof COSDictionary d) {
          dicts.add(d);
        }
      }
    }
    for (COSDictionary d : dicts) {
      if (COSName.getPDFName("Table").equals(d.getCOSName(COSName.O)) && d.containsKey(key)) {
        return d.getDictionaryObject(key);
      }
    }
    return null;
  }
}
