package org.reap.render.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** Reads rendered PDFs back for assertions, with OpenPDF only (no poppler needed). */
public final class PdfInspect {
  private PdfInspect() {}

  public static PdfReader reader(byte[] pdf) {
    try {
      return new PdfReader(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text of one page (1-based). */
  public static String pageText(byte[] pdf, int page) {
    PdfReader r = reader(pdf);
    try {
      return new PdfTextExtractor(r).getTextFromPage(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      r.close();
    }
  }

  /** Text of all pages, pages separated by form feeds. */
  public static String text(byte[] pdf) {
    PdfReader r = reader(pdf);
    try {
      StringBuilder sb = new StringBuilder();
      PdfTextExtractor ex = new PdfTextExtractor(r);
      for (int i = 1; i <= r.getNumberOfPages(); i++) {
        sb.append(ex.getTextFromPage(i)).append('\f');
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      r.close();
    }
  }

  public static int pages(byte[] pdf) {
    PdfReader r = reader(pdf);
    try {
      return r.getNumberOfPages();
    } finally {
      r.close();
    }
  }

  /** One line per font dictionary: "BaseFont Subtype embedded=true|false". */
  public static List<String> fonts(byte[] pdf) {
    PdfReader r = reader(pdf);
    try {
      List<String> result = new ArrayList<>();
      for (int i = 1; i < r.getXrefSize(); i++) {
        PdfObject o = PdfReader.getPdfObjectRelease(r.getPdfObject(i));
        if (o instanceof PdfDictionary d && PdfName.FONT.equals(d.getAsName(PdfName.TYPE))) {
          PdfName subtype = d.getAsName(PdfName.SUBTYPE);
          if (PdfName.TYPE0.equals(subtype)) {
            continue; // its descendant CIDFont is listed on its own
          }
          String name = String.valueOf(d.getAsName(PdfName.BASEFONT));
          result.add(name + " " + subtype + " embedded=" + embedded(d));
        }
      }
      return result;
    } finally {
      r.close();
    }
  }

  private static boolean embedded(PdfDictionary font) {
    PdfObject desc = PdfReader.getPdfObjectRelease(font.get(PdfName.FONTDESCRIPTOR));
    if (!(desc instanceof PdfDictionary fd)) {
      return false;
    }
    return fd.contains(PdfName.FONTFILE2)
        || fd.contains(PdfName.FONTFILE)
        || fd.contains(PdfName.FONTFILE3);
  }

  public static String infoString(byte[] pdf, String key) {
    PdfReader r = reader(pdf);
    try {
      return r.getInfo().get(key);
    } finally {
      r.close();
    }
  }

  public static PdfDictionary catalog(byte[] pdf) {
    PdfReader r = reader(pdf);
    try {
      return r.getCatalog();
    } finally {
      r.close();
    }
  }

  public static String xmp(byte[] pdf) {
    PdfReader r = reader(pdf);
    try {
      byte[] m = r.getMetadata();
      return m == null ? "" : new String(m, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      r.close();
    }
  }

  /** The raw bytes as Latin-1 text, for looking at uncompressed parts such as the trailer. */
  public static String raw(byte[] pdf) {
    return new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
