package org.reap.render.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openpdf.text.pdf.CMapAwareDocumentFont;
import org.openpdf.text.pdf.PRIndirectReference;
import org.openpdf.text.pdf.PRTokeniser;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentParser;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfLiteral;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/**
 * Reads a tagged PDF back for tests, with OpenPDF only: the structure tree with the text of each
 * element (marked content decoded through the fonts' ToUnicode maps), its attributes, and page text
 * including artifacts.
 */
public final class TaggedPdf {
  private TaggedPdf() {}

  /** One structure element as written. */
  public static final class Elem {
    private final String type;
    private final Map<String, String> attributes;
    private final List<Elem> kids = new ArrayList<>();
    private final List<String> content = new ArrayList<>();
    private final List<Object> order = new ArrayList<>();
    private int objectRefs;

    Elem(String type, Map<String, String> attributes) {
      this.type = type;
      this.attributes = attributes;
    }

    /** The structure type, e.g. "P", "TH". */
    public String type() {
      return type;
    }

    /**
     * /Lang, /Alt, /ActualText, /T (title), /ID and the attribute-object entries (Scope, RowSpan,
     * Headers, ...).
     */
    public Map<String, String> attributes() {
      return attributes;
    }

    public List<Elem> kids() {
      return kids;
    }

    /** Text of the element's own marked content, one string per marked-content reference. */
    public List<String> content() {
      return content;
    }

    /** How many object references (link annotations) the element holds. */
    public int objectRefs() {
      return objectRefs;
    }

    /** Own text and the kids' text, in /K order, whitespace collapsed. */
    public String text() {
      StringBuilder sb = new StringBuilder();
      appendText(sb);
      return sb.toString().replaceAll("\\s+", " ").strip();
    }

    private void appendText(StringBuilder sb) {
      for (Object o : order) {
        if (o instanceof String s) {
          sb.append(s);
        } else {
          ((Elem) o).appendText(sb);
        }
      }
    }

    public void walk(Consumer<Elem> action) {
      action.accept(this);
      kids.forEach(k -> k.walk(action));
    }

    /** Every element of a type, in document order. */
    public List<Elem> all(String t) {
      List<Elem> out = new ArrayList<>();
      walk(
          e -> {
            if (e.type.equals(t)) {
              out.add(e);
            }
          });
      return out;
    }

    /** An indented outline: one line per element with its attributes and own text. */
    public String dump() {
      StringBuilder sb = new StringBuilder();
      dump(sb, 0);
      return sb.toString();
    }

    private void dump(StringBuilder sb, int depth) {
      sb.append("  ".repeat(depth)).append(type);
      if (!attributes.isEmpty()) {
        sb.append(' ').append(attributes);
      }
      String own = String.join("", content).replaceAll("\\s+", " ").strip();
      if (!own.isEmpty()) {
        sb.append(" \"").append(own).append('"');
      }
      if (objectRefs > 0) {
        sb.append(" +").append(objectRefs).append(" annot");
      }
      sb.append('\n');
      kids.forEach(k -> k.dump(sb, depth + 1));
    }

    @Override
    public String toString() {
      return dump();
    }
  }

  /** The structure tree's root element (normally Document); null if the file has none. */
  public static Elem structure(byte[] pdf) {
    PdfReader reader = reader(pdf);
    try {
      PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
      if (root == null) {
        return null;
      }
      Map<String, String> text = markedText(reader);
      Elem holder = new Elem("StructTreeRoot", Map.of());
      readKids(reader, root.get(PdfName.K), null, holder, text);
      return holder.kids.size() == 1 ? holder.kids.get(0) : holder;
    } finally {
      reader.close();
    }
  }

  private static void readKids(
      PdfReader reader, PdfObject k, PdfObject page, Elem parent, Map<String, String> text) {
    PdfObject o = PdfReader.getPdfObject(k);
    if (o == null) {
      return;
    }
    if (o instanceof PdfArray a) {
      for (int i = 0; i < a.size(); i++) {
        readKid(reader, a.getPdfObject(i), page, parent, text);
      }
    } else {
      readKid(reader, k, page, parent, text);
    }
  }

  private static void readKid(
      PdfReader reader, PdfObject kid, PdfObject page, Elem parent, Map<String, String> text) {
    PdfObject o = PdfReader.getPdfObject(kid);
    if (o instanceof PdfNumber n) {
      String s = text.getOrDefault(pageKey(page) + ":" + n.intValue(), "");
      parent.content.add(s);
      parent.order.add(s);
    } else if (o instanceof PdfDictionary d) {
      PdfName type = d.getAsName(PdfName.TYPE);
      if (PdfName.MCR.equals(type)) {
        PdfObject pg = d.get(PdfName.PG) != null ? d.get(PdfName.PG) : page;
        String s =
            text.getOrDefault(pageKey(pg) + ":" + d.getAsNumber(PdfName.MCID).intValue(), "");
        parent.content.add(s);
        parent.order.add(s);
      } else if (PdfName.OBJR.equals(type)) {
        parent.objectRefs++;
      } else {
        Map<String, String> attrs = new LinkedHashMap<>();
        attributes(d, attrs);
        Elem e = new Elem(d.getAsName(PdfName.S).toString().substring(1), attrs);
        parent.kids.add(e);
        parent.order.add(e);
        PdfObject pg = d.get(PdfName.PG) != null ? d.get(PdfName.PG) : page;
        readKids(reader, d.get(PdfName.K), pg, e, text);
      }
    }
  }

  private static void attributes(PdfDictionary d, Map<String, String> out) {
    for (PdfName key :
        new PdfName[] {
          PdfName.LANG, PdfName.ALT, new PdfName("ActualText"), PdfName.T, PdfName.ID
        }) {
      PdfString s = d.getAsString(key);
      if (s != null) {
        out.put(key.toString().substring(1), s.toUnicodeString());
      }
    }
    PdfObject a = PdfReader.getPdfObject(d.get(PdfName.A));
    List<PdfDictionary> dicts = new ArrayList<>();
    if (a instanceof PdfDictionary ad) {
      dicts.add(ad);
    } else if (a instanceof PdfArray arr) {
      for (int i = 0; i < arr.size(); i++) {
        if (PdfReader.getPdfObject(arr.getPdfObject(i)) instanceof PdfDictionary ad) {
          dicts.add(ad);
        }
      }
    }
    for (PdfDictionary ad : dicts) {
      for (PdfName key : ad.getKeys()) {
        if (!key.equals(PdfName.O)) {
          PdfObject v = PdfReader.getPdfObject(ad.get(key));
          String s = v.isName() ? v.toString().substring(1) : v.toString();
          out.put(key.toString().substring(1), s);
        }
      }
    }
  }

  private static String pageKey(PdfObject page) {
    if (page instanceof PRIndirectReference r) {
      return r.getNumber() + " " + r.getGeneration();
    }
    return String.valueOf(page);
  }

  /** "page-object-number gen:MCID" → the text shown inside that marked-content sequence. */
  private static Map<String, String> markedText(PdfReader reader) {
    Map<String, String> out = new HashMap<>();
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      PRIndirectReference pageRef = (PRIndirectReference) reader.getPageOrigRef(p);
      PdfDictionary page = reader.getPageN(p);
      PdfDictionary fonts =
          page.getAsDict(PdfName.RESOURCES) == null
              ? null
              : page.getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
      Map<PdfName, CMapAwareDocumentFont> fontCache = new HashMap<>();
      try {
        byte[] content = reader.getPageContent(p);
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(content));
        List<PdfObject> operands = new ArrayList<>();
        Deque<Integer> mcids = new ArrayDeque<>();
        CMapAwareDocumentFont font = null;
        while (!(operands = parser.parse(operands)).isEmpty()) {
          String op = operands.get(operands.size() - 1).toString();
          switch (op) {
            case "BDC" -> {
              PdfObject props = operands.get(1);
              Integer mcid = -1;
              if (props instanceof PdfDictionary pd && pd.getAsNumber(PdfName.MCID) != null) {
                mcid = pd.getAsNumber(PdfName.MCID).intValue();
              }
              mcids.push(mcid);
            }
            case "BMC" -> mcids.push(-1);
            case "EMC" -> mcids.pop();
            case "Tf" -> {
              PdfName name = (PdfName) operands.get(0);
              font =
                  fontCache.computeIfAbsent(
                      name, n -> new CMapAwareDocumentFont((PRIndirectReference) fonts.get(n)));
            }
            case "Tj", "'", "\"", "TJ" -> {
              if (mcids.isEmpty() || mcids.peek() < 0 || font == null) {
                break;
              }
              StringBuilder sb = new StringBuilder();
              PdfObject arg = operands.get(operands.size() - 2);
              if (arg instanceof PdfString s) {
                sb.append(decode(font, s));
              } else if (arg instanceof PdfArray arr) {
                for (int i = 0; i < arr.size(); i++) {
                  if (arr.getPdfObject(i) instanceof PdfString s) {
                    sb.append(decode(font, s));
                  }
                }
              }
              out.merge(pageKey(pageRef) + ":" + mcids.peek(), sb.toString(), String::concat);
            }
            default -> {}
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String decode(CMapAwareDocumentFont font, PdfString s) {
    byte[] b = s.getBytes();
    return font.decode(b, 0, b.length);
  }

  private static final Pattern MARKED_CONTENT =
      Pattern.compile(
          "/[A-Za-z0-9]+ *(<<[^>]*>>|/[A-Za-z0-9]+)? *BDC\\s|/[A-Za-z0-9]+ *BMC\\s|(?<=\\s|^)EMC\\s");

  /**
   * The page's content stream with every marked-content operator (BMC, BDC, EMC) removed: what
   * remains paints exactly what the tagged stream paints. Compare it with an untagged render to
   * show tagging changes nothing on the page.
   */
  public static List<String> contentWithoutMarks(byte[] pdf) {
    PdfReader reader = reader(pdf);
    try {
      List<String> pages = new ArrayList<>();
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        String content =
            new String(reader.getPageContent(p), java.nio.charset.StandardCharsets.ISO_8859_1);
        pages.add(MARKED_CONTENT.matcher(content).replaceAll(""));
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      reader.close();
    }
  }

  /** All text of all pages, artifacts (running headers, page numbers) included. */
  public static String textWithArtifacts(byte[] pdf) {
    PdfReader reader = reader(pdf);
    try {
      StringBuilder sb = new StringBuilder();
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        String content =
            new String(reader.getPageContent(p), java.nio.charset.StandardCharsets.ISO_8859_1);
        reader.setPageContent(
            p,
            MARKED_CONTENT
                .matcher(content)
                .replaceAll("")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      PdfTextExtractor ex = new PdfTextExtractor(reader);
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        sb.append(ex.getTextFromPage(p)).append('\f');
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      reader.close();
    }
  }

  /** Counts content-stream operators by name over all pages (e.g. "BDC", "EMC"). */
  public static Map<String, Integer> operators(byte[] pdf) {
    PdfReader reader = reader(pdf);
    try {
      Map<String, Integer> counts = new HashMap<>();
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(p)));
        List<PdfObject> operands = new ArrayList<>();
        while (!(operands = parser.parse(operands)).isEmpty()) {
          PdfObject op = operands.get(operands.size() - 1);
          if (op instanceof PdfLiteral) {
            counts.merge(op.toString(), 1, Integer::sum);
          }
        }
      }
      return counts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      reader.close();
    }
  }

  static PdfReader reader(byte[] pdf) {
    try {
      return new PdfReader(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
