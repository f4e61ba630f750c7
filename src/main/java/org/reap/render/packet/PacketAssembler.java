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
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfCopy;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfImportedPage;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.reap.render.RenderException;
import org.reap.render.pdf.ArchivalMetadata;

/**
 * Joins the parts of an agenda packet into one PDF: every page stamped "Packet page X of Y", one
 * bookmark per part, the packet's own title, language and fixed dates, and an /ID from the
 * content, so the same parts give the same bytes.
 *
 * <p>The packet is tagged like every PDF reap writes: the structure trees of the parts are merged
 * ({@link TaggedCopy}) under one {@code Document} for the packet with one {@code Part} per
 * bookmark, each holding its documents' trees (a document's own {@code Document} element becomes
 * an {@code Art}); the stamps are pagination artifacts; the catalog has /Lang, MarkInfo,
 * DisplayDocTitle and the sRGB output intent, and the XMP claims PDF/A-2a and PDF/UA-1 when the
 * caller vouches for every part. A part without a structure tree (an untagged PDF from elsewhere)
 * gets one {@code Div} per page holding the page's content in drawing order, so screen readers
 * reach its text; such a packet claims nothing.
 */
public final class PacketAssembler {
  private static final PdfName ARTIFACT = new PdfName("Artifact");
  private static final PdfName PAGINATION = new PdfName("Pagination");
  private static final PdfName FOOTER = new PdfName("Footer");

  private PacketAssembler() {}

  /** One part: its bookmark title and its documents (e.g. a cover sheet and the attachment), in order. */
  public record Part(String bookmark, List<byte[]> documents) {
    public Part {
      documents = List.copyOf(documents);
    }

    public Part(String bookmark, byte[] pdf) {
      this(bookmark, List.of(pdf));
    }
  }

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

  /**
   * An assembled packet.
   *
   * @param pdf the bytes
   * @param claimsConformance whether its XMP claims PDF/A-2a and PDF/UA-1
   * @param firstPages the packet page number (1-based) each part starts on, in order
   */
  public record Packet(byte[] pdf, boolean claimsConformance, List<Integer> firstPages) {
    public Packet {
      firstPages = List.copyOf(firstPages);
    }

    /** The index of the part that packet page {@code page} belongs to. */
    public int partOf(int page) {
      int part = 0;
      for (int i = 0; i < firstPages.size(); i++) {
        if (firstPages.get(i) <= page) {
          part = i;
        }
      }
      return part;
    }
  }

  /**
   * Whether a readable PDF has a structure tree that the packet can keep (is tagged). False for an
   * untagged PDF, and for one whose structure tree is damaged (the packet then treats it as
   * untagged; see {@link #hasDamagedStructure}).
   */
  public static boolean isTagged(byte[] pdf) {
    return structure(pdf) == TaggedCopy.Structure.TAGGED;
  }

  /** Whether a PDF has a structure tree that cannot be read (and is joined as if untagged). */
  public static boolean hasDamagedStructure(byte[] pdf) {
    return structure(pdf) == TaggedCopy.Structure.DAMAGED;
  }

  private static TaggedCopy.Structure structure(byte[] pdf) {
    try {
      PdfReader r = new PdfReader(pdf);
      try {
        return TaggedCopy.structure(r);
      } finally {
        r.close();
      }
    } catch (IOException | RuntimeException e) {
      return TaggedCopy.Structure.DAMAGED;
    }
  }

  /**
   * Joins the parts.
   *
   * @param stampPattern the page stamp, with {0} for the page and {1} for the page count
   * @param claim whether the XMP may claim PDF/A-2a and PDF/UA-1: true when every part is known to
   *     conform (reap's own renders, and files from elsewhere that passed veraPDF). Ignored (no
   *     claim) when a part has no structure tree.
   */
  public static Packet assemble(List<Part> parts, String title, String language, Instant date, String stampPattern, boolean claim) throws RenderException {
    try {
      byte[] digest = digest(parts, title, language, date, stampPattern, claim);
      BaseFont font = font(digest);
      int total = 0;
      for (Part p : parts) {
        for (byte[] pdf : p.documents()) {
          PdfReader r = new PdfReader(pdf);
          total += r.getNumberOfPages();
          r.close();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document doc = new Document();
      TaggedCopy copy = new TaggedCopy(doc, out);
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
      PdfIndirectReference packetRef = copy.getPdfIndirectReference();
      PdfArray partRefs = new PdfArray();
      List<Map<String, Object>> outline = new ArrayList<>();
      List<Integer> firstPages = new ArrayList<>();
      boolean allTagged = true;
      int page = 0;
      for (Part part : parts) {
        Map<String, Object> mark = new HashMap<>();
        mark.put("Title", part.bookmark());
        mark.put("Action", "GoTo");
        mark.put("Page", (page + 1) + " Fit");
        outline.add(mark);
        firstPages.add(page + 1);
        PdfIndirectReference partRef = copy.getPdfIndirectReference();
        PdfArray kids = new PdfArray();
        for (byte[] pdf : part.documents()) {
          PdfReader r = new PdfReader(pdf);
          ActiveContent.strip(r); // nothing that runs, submits, launches or carries files (PacketCommand names it)
          TaggedCopy.Input input = copy.prepare(r);
          allTagged &= input.tagged;
          int first = page + 1;
          for (int i = 1; i <= r.getNumberOfPages(); i++) {
            page++;
            PdfImportedPage imported = copy.getImportedPage(r, i);
            PdfCopy.PageStamp stamp = copy.createPageStamp(imported);
            stamp(stamp.getOverContent(), r.getPageSizeWithRotation(i), font, stampPattern.replace("{0}", Integer.toString(page)).replace("{1}", Integer.toString(total)));
            stamp.alterContents();
            copy.addPage(imported);
          }
          for (PdfIndirectReference ref : copy.copyStructure(input, partRef, first)) {
            kids.add(ref);
          }
        }
        copy.addToBody(element(PdfName.PART, packetRef, part.bookmark(), kids), partRef);
        partRefs.add(partRef);
      }
      PdfDictionary packet = element(PdfName.DOCUMENT, copy.structTreeRoot(), title, partRefs);
      packet.put(PdfName.LANG, new PdfString(language, PdfObject.TEXT_UNICODE));
      copy.addToBody(packet, packetRef);
      copy.finishStructure(packetRef);
      ArchivalMetadata.addOutputIntent(copy);
      copy.setOutlines(outline);
      boolean claims = claim && allTagged;
      copy.setXmpMetadata(ArchivalMetadata.xmp(copy.getInfo(), claims ? ArchivalMetadata.Claim.PDF_A_2A_AND_UA_1 : ArchivalMetadata.Claim.NONE));
      doc.close();
      return new Packet(out.toByteArray(), claims, firstPages);
    } catch (IOException | RuntimeException e) {
      throw new RenderException("the packet could not be assembled: " + e.getMessage(), null, e);
    }
  }

  /** "Packet page X of Y" at the foot of the page, as a pagination artifact (not in the reading order). */
  private static void stamp(PdfContentByte over, Rectangle size, BaseFont font, String text) {
    PdfDictionary props = new PdfDictionary();
    props.put(PdfName.TYPE, PAGINATION);
    props.put(PdfName.SUBTYPE, FOOTER);
    over.beginMarkedContentSequence(ARTIFACT, props, true);
    over.beginText();
    over.setFontAndSize(font, 8);
    over.setRGBColorFill(0x33, 0x33, 0x33);
    over.showTextAligned(Element.ALIGN_CENTER, text, (size.getLeft() + size.getRight()) / 2, size.getBottom() + 16, 0);
    over.endText();
    over.endMarkedContentSequence();
  }

  private static PdfDictionary element(PdfName type, PdfIndirectReference parent, String title, PdfArray kids) {
    PdfDictionary e = new PdfDictionary();
    e.put(PdfName.S, type);
    e.put(PdfName.P, parent);
    e.put(PdfName.T, new PdfString(title, PdfObject.TEXT_UNICODE));
    e.put(PdfName.K, kids);
    return e;
  }

  private static Calendar calendar(Instant date) {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    c.setTimeInMillis(date.toEpochMilli());
    return c;
  }

  private static byte[] digest(List<Part> parts, String title, String language, Instant date, String stampPattern, boolean claim) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String s : new String[] {title, language, date.toString(), stampPattern, Boolean.toString(claim)}) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      for (Part p : parts) {
        md.update(p.bookmark().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        for (byte[] pdf : p.documents()) {
          md.update(pdf);
          md.update((byte) 0);
        }
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
