package org.reap.render.packet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfCopy;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfImportedPage;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.reap.render.RenderException;

/**
 * Joins the parts of an agenda packet into one PDF: every page stamped "Packet page X of Y", one
 * bookmark per part, the packet's own title, language and fixed dates, and an /ID from the
 * content, so the same parts give the same bytes.
 */
public final class PacketAssembler {
  private PacketAssembler() {}

  /** One part: its bookmark title and its PDF. */
  public record Part(String bookmark, byte[] pdf) {}

  /**
   * Checks a PDF that is not reap's own before anything is written: readable, not encrypted, with
   * pages. The message names the attachment.
   */
  public static void check(String name, byte[] pdf) throws RenderException {
    if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw new RenderException(name + " is not a PDF file").hint("attach a PDF; save Word or Excel files as PDF first");
    }
    PdfReader r = null;
    try {
      r = new PdfReader(pdf);
      if (r.isEncrypted()) {
        throw new RenderException(name + " is encrypted or password-protected").hint("attach a copy saved without a password or restrictions");
      }
      if (r.getNumberOfPages() < 1) {
        throw new RenderException(name + " has no pages").hint("check the file");
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // LinkageError: OpenPDF reaches for Bouncy Castle on some encryption schemes; reap does not ship it
      String msg = (e.getClass().getName() + " " + e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (msg.contains("bouncycastle")) {
        throw new RenderException(name + " is encrypted or password-protected").hint("attach a copy saved without a password or restrictions");
      }
      if (msg.contains("password") || msg.contains("encrypt")) {
        throw new RenderException(name + " is encrypted or password-protected").hint("attach a copy saved without a password or restrictions");
      }
      throw new RenderException(name + " is damaged and cannot be read as a PDF").hint("open it in a PDF reader and save a fresh copy");
    } finally {
      if (r != null) {
        r.close();
      }
    }
  }

  public static byte[] assemble(List<Part> parts, String title, String language, Instant date, String stampPattern) throws RenderException {
    try {
      byte[] digest = digest(parts, title, date);
      BaseFont font = font(digest);
      int total = 0;
      List<PdfReader> readers = new ArrayList<>();
      for (Part p : parts) {
        PdfReader r = new PdfReader(p.pdf());
        readers.add(r);
        total += r.getNumberOfPages();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document doc = new Document();
      PdfCopy copy = new PdfCopy(doc, out);
      copy.setPdfVersion(PdfWriter.VERSION_1_7);
      copy.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
      copy.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
      PdfDate pdfDate = new PdfDate(calendar(date));
      copy.getInfo().put(PdfName.CREATIONDATE, pdfDate);
      copy.getInfo().put(PdfName.MODDATE, pdfDate);
      copy.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(digest, digest));
      doc.addTitle(title);
      doc.addCreator("reap " + org.reap.cli.Versions.version());
      doc.open();
      List<Map<String, Object>> outline = new ArrayList<>();
      int page = 0;
      for (int k = 0; k < parts.size(); k++) {
        PdfReader r = readers.get(k);
        Map<String, Object> mark = new HashMap<>();
        mark.put("Title", parts.get(k).bookmark());
        mark.put("Action", "GoTo");
        mark.put("Page", (page + 1) + " Fit");
        outline.add(mark);
        for (int i = 1; i <= r.getNumberOfPages(); i++) {
          page++;
          PdfImportedPage imported = copy.getImportedPage(r, i);
          PdfCopy.PageStamp stamp = copy.createPageStamp(imported);
          PdfContentByte over = stamp.getOverContent();
          Rectangle size = r.getPageSizeWithRotation(i);
          String text = stampPattern.replace("{0}", Integer.toString(page)).replace("{1}", Integer.toString(total));
          over.beginText();
          over.setFontAndSize(font, 8);
          over.setRGBColorFill(0x33, 0x33, 0x33);
          over.showTextAligned(Element.ALIGN_CENTER, text, (size.getLeft() + size.getRight()) / 2, size.getBottom() + 16, 0);
          over.endText();
          stamp.alterContents();
          copy.addPage(imported);
        }
      }
      copy.setOutlines(outline);
      doc.close();
      for (PdfReader r : readers) {
        r.close();
      }
      return out.toByteArray();
    } catch (IOException | DocumentException e) {
      throw new RenderException("the packet could not be assembled: " + e.getMessage());
    }
  }

  private static Calendar calendar(Instant date) {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    c.setTimeInMillis(date.toEpochMilli());
    return c;
  }

  private static byte[] digest(List<Part> parts, String title, Instant date) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(title.getBytes(StandardCharsets.UTF_8));
      md.update(date.toString().getBytes(StandardCharsets.UTF_8));
      for (Part p : parts) {
        md.update(p.bookmark().getBytes(StandardCharsets.UTF_8));
        md.update(p.pdf());
      }
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BaseFont font(byte[] digest) throws IOException, DocumentException {
    byte[] bytes;
    try (InputStream in = PacketAssembler.class.getResourceAsStream("/reap/fonts/DejaVuSans.ttf")) {
      bytes = in.readAllBytes();
    }
    BaseFont f = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    f.setIncludeCidSet(false);
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(digest);
      f.setSecureRandom(random);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return f;
  }
}
