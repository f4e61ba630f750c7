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
import org.openpdf.text.pdf.SimpleBookmark;
import org.reap.render.RenderException;
import org.reap.render.pdf.ArchivalMetadata;

/**
 * Joins the parts of an agenda packet into one PDF: every page stamped "Page X of Y" (attachment
 * pages with their own numbering too), one bookmark per part with the part's own bookmarks under
 * it, links between parts as jumps, the packet's own title, language and fixed dates, and an /ID
 * from the content, so the same parts give the same bytes.
 *
 * <p>The packet is tagged like every PDF reap writes: the structure trees of the parts are merged
 * ({@link TaggedCopy}) under one {@code Document} for the packet with one {@code Part} per
 * bookmark, each holding its documents' trees (a document's own {@code Document} element becomes an
 * {@code Art}); the stamps are pagination artifacts; the catalog has /Lang, MarkInfo,
 * DisplayDocTitle and the sRGB output intent, and the XMP claims PDF/A-2a and PDF/UA-1 when the
 * caller vouches for every part. A part without a structure tree (an untagged PDF from elsewhere)
 * gets one {@code Div} per page holding the page's content in drawing order, so screen readers
 * reach its text; such a packet claims nothing.
 */
public final class PacketAssembler {
  private static final PdfName ARTIFACT = new PdfName("Artifact");
  private static final PdfName PAGINATION = new PdfName("Pagination");
  private static final PdfName FOOTER = new PdfName("Footer");
  private static final PdfName HEADER = new PdfName("Header");

  private PacketAssembler() {}

  /**
   * One document of a part.
   *
   * @param sheet a page reap adds for the packet (the contents page, an attachment's cover sheet):
   *     its own bookmarks are not nested under the part's, and its pages are not counted in the
   *     attachment's own page numbers
   */
  public record Piece(byte[] pdf, boolean sheet) {}

  /**
   * One part: its bookmark title, its documents (e.g. a cover sheet and the attachment) in order,
   * the stamp of the part's own pages ("Attachment 3 – page {0} of {1}", or null), and the link
   * targets that mean this part: a link in any part whose URI is one of them (the memo's link to
   * "score-what-we-heard.pdf") becomes a jump to the part's first page.
   */
  public record Part(String bookmark, List<Piece> pieces, String ownPages, List<String> links) {
    public Part {
      pieces = List.copyOf(pieces);
      links = List.copyOf(links);
    }

    public Part(String bookmark, List<byte[]> documents) {
      this(bookmark, documents.stream().map(d -> new Piece(d, false)).toList(), null, List.of());
    }

    public Part(String bookmark, byte[] pdf) {
      this(bookmark, List.of(pdf));
    }

    /** The documents' bytes, in order. */
    public List<byte[]> documents() {
      return pieces.stream().map(Piece::pdf).toList();
    }
  }

  /** The named destination of the first page of part {@code index} (0-based). */
  public static String destination(int index) {
    return "packet-part-" + (index + 1);
  }

  /**
   * Checks a PDF that is not reap's own before anything is written: readable, not encrypted, with
   * pages. The message names the attachment.
   */
  public static void check(String name, byte[] pdf) throws RenderException {
    if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      throw new RenderException(name + " is not a PDF file")
          .hint("attach a PDF; save Word or Excel files as PDF first");
    }
    PdfReader r = null;
    try {
      r = new PdfReader(pdf);
      if (r.isEncrypted()) {
        throw new RenderException(name + " is encrypted or password-protected")
            .hint("attach a copy saved without a password or restrictions");
      }
      if (r.getNumberOfPages() < 1) {
        throw new RenderException(name + " has no pages").hint("check the file");
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // LinkageError: OpenPDF reaches for Bouncy Castle on some encryption schemes; reap does not
      // ship it
      String msg =
          (e.getClass().getName() + " " + e.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (msg.contains("bouncycastle")) {
        throw new RenderException(name + " is encrypted or password-protected")
            .hint("attach a copy saved without a password or restrictions");
      }
      if (msg.contains("password") || msg.contains("encrypt")) {
        throw new RenderException(name + " is encrypted or password-protected")
            .hint("attach a copy saved without a password or restrictions");
      }
      throw new RenderException(name + " is damaged and cannot be read as a PDF")
          .hint("open it in a PDF reader and save a fresh copy");
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
   * <p>The packet has one page numbering: every page is stamped with {@code stampPattern} ("Page 9
   * of 14"), where reap's own documents print their page number (render them without it for the
   * packet); the pages of a part with {@link Part#ownPages} also carry the part's own page at the
   * head, top right ("Attachment 3 – page 2 of 6"), its sheets excepted. Each part has a bookmark,
   * with its documents' own bookmarks nested under it. Links whose URI names a part ({@link
   * Part#links}, or its {@link #destination} name, as the contents page links) become jumps to that
   * part's first page, through the named destinations {@link #destination}.
   *
   * @param stampPattern the page stamp, with {0} for the page and {1} for the page count
   * @param claim whether the XMP may claim PDF/A-2a and PDF/UA-1: true when every part is known to
   *     conform (reap's own renders, and files from elsewhere that passed veraPDF). Ignored (no
   *     claim) when a part has no structure tree.
   * @param creator the PDF's Creator entry ("reap VERSION")
   */
  public static Packet assemble(
      List<Part> parts,
      String title,
      String language,
      Instant date,
      String stampPattern,
      boolean claim,
      String creator)
      throws RenderException {
    try {
      byte[] digest = digest(parts, title, language, date, stampPattern, claim);
      BaseFont font = font(digest);
      int total = 0;
      List<Integer> firstPages = new ArrayList<>();
      List<Integer> ownCounts = new ArrayList<>();
      Map<String, PdfName> targets = new HashMap<>();
      for (int i = 0; i < parts.size(); i++) {
        Part p = parts.get(i);
        firstPages.add(total + 1);
        int own = 0;
        for (Piece piece : p.pieces()) {
          int n = pages(piece.pdf());
          total += n;
          own += piece.sheet() ? 0 : n;
        }
        ownCounts.add(own);
        targets.put(destination(i), new PdfName(destination(i)));
        for (String link : p.links()) {
          targets.putIfAbsent(link, new PdfName(destination(i)));
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
      doc.addCreator(creator);
      doc.open();
      PdfIndirectReference packetRef = copy.getPdfIndirectReference();
      PdfArray partRefs = new PdfArray();
      List<Map<String, Object>> outline = new ArrayList<>();
      PdfDictionary dests = new PdfDictionary();
      boolean allTagged = true;
      int page = 0;
      for (int index = 0; index < parts.size(); index++) {
        Part part = parts.get(index);
        Map<String, Object> mark = new HashMap<>();
        mark.put("Title", part.bookmark());
        mark.put("Action", "GoTo");
        mark.put("Page", (page + 1) + " Fit");
        List<Map<String, Object>> nested = new ArrayList<>();
        PdfArray dest = new PdfArray();
        dest.add(copy.getPageReference(page + 1));
        dest.add(PdfName.FIT);
        dests.put(new PdfName(destination(index)), dest);
        PdfIndirectReference partRef = copy.getPdfIndirectReference();
        PdfArray kids = new PdfArray();
        int ownPage = 0;
        for (Piece piece : part.pieces()) {
          PdfReader r = new PdfReader(piece.pdf());
          ActiveContent.strip(
              r); // nothing that runs, submits, launches or carries files (PacketPlanner names it)
          TaggedCopy.Input input = copy.prepare(r);
          allTagged &= input.tagged;
          int first = page + 1;
          if (!piece.sheet()) {
            List<Map<String, Object>> own = SimpleBookmark.getBookmarkList(r);
            if (own != null) {
              SimpleBookmark.shiftPageNumbersInRange(own, page, null);
              nested.addAll(own);
            }
          }
          for (int i = 1; i <= r.getNumberOfPages(); i++) {
            page++;
            internalLinks(r.getPageN(i), targets);
            PdfImportedPage imported = copy.getImportedPage(r, i);
            PdfCopy.PageStamp stamp = copy.createPageStamp(imported);
            Rectangle size = r.getPageSizeWithRotation(i);
            String text =
                stampPattern
                    .replace("{0}", Integer.toString(page))
                    .replace("{1}", Integer.toString(total));
            stamp(
                stamp.getOverContent(),
                font,
                text,
                size.getRight() - 54,
                size.getBottom() + 28,
                FOOTER);
            if (part.ownPages() != null && !piece.sheet()) {
              ownPage++;
              String own =
                  part.ownPages()
                      .replace("{0}", Integer.toString(ownPage))
                      .replace("{1}", Integer.toString(ownCounts.get(index)));
              stamp(
                  stamp.getOverContent(),
                  font,
                  own,
                  size.getRight() - 54,
                  size.getTop() - 31,
                  HEADER);
            }
            stamp.alterContents();
            copy.addPage(imported);
          }
          for (PdfIndirectReference ref : copy.copyStructure(input, partRef, first)) {
            kids.add(ref);
          }
        }
        if (!nested.isEmpty()) {
          mark.put("Kids", nested);
        }
        outline.add(mark);
        copy.addToBody(element(PdfName.PART, packetRef, part.bookmark(), kids), partRef);
        partRefs.add(partRef);
      }
      PdfDictionary packet = element(PdfName.DOCUMENT, copy.structTreeRoot(), title, partRefs);
      packet.put(PdfName.LANG, new PdfString(language, PdfObject.TEXT_UNICODE));
      copy.addToBody(packet, packetRef);
      copy.finishStructure(packetRef);
      copy.getExtraCatalog().put(PdfName.DESTS, copy.addToBody(dests).getIndirectReference());
      ArchivalMetadata.addOutputIntent(copy);
      copy.setOutlines(outline);
      boolean claims = claim && allTagged;
      copy.setXmpMetadata(
          ArchivalMetadata.xmp(
              copy.getInfo(),
              claims ? ArchivalMetadata.Claim.PDF_A_2A_AND_UA_1 : ArchivalMetadata.Claim.NONE));
      doc.close();
      return new Packet(out.toByteArray(), claims, firstPages);
    } catch (IOException | RuntimeException e) {
      throw new RenderException("the packet could not be assembled: " + e.getMessage(), null, e);
    }
  }

  /** The number of pages of a PDF. */
  public static int pages(byte[] pdf) throws IOException {
    PdfReader r = new PdfReader(pdf);
    try {
      return r.getNumberOfPages();
    } finally {
      r.close();
    }
  }

  /**
   * Makes the page's links to another part of the packet (a URI that is one of the part's {@link
   * Part#links}) jumps to that part's named destination, before the page is copied.
   */
  private static void internalLinks(PdfDictionary page, Map<String, PdfName> targets) {
    PdfArray annots =
        PdfReader.getPdfObject(page.get(PdfName.ANNOTS)) instanceof PdfArray a ? a : null;
    for (int i = 0; annots != null && !targets.isEmpty() && i < annots.size(); i++) {
      if (!(PdfReader.getPdfObject(annots.getPdfObject(i)) instanceof PdfDictionary annot)
          || !PdfName.LINK.equals(annot.getAsName(PdfName.SUBTYPE))) {
        continue;
      }
      if (!(PdfReader.getPdfObject(annot.get(PdfName.A)) instanceof PdfDictionary action)
          || !PdfName.URI.equals(action.getAsName(PdfName.S))) {
        continue;
      }
      PdfName target =
          PdfReader.getPdfObject(action.get(PdfName.URI)) instanceof PdfString uri
              ? targets.get(uri.toUnicodeString())
              : null;
      if (target != null) {
        PdfDictionary jump = new PdfDictionary(PdfName.ACTION);
        jump.put(PdfName.S, PdfName.GOTO);
        jump.put(PdfName.D, target);
        annot.put(PdfName.A, jump);
      }
    }
  }

  /**
   * A page stamp, right-aligned at (x, y), as a pagination artifact (not in the reading order): the
   * packet's page number at the foot, where reap's documents print theirs; an attachment's own page
   * at the head, where a clerk stamps it.
   */
  static void stamp(
      PdfContentByte over, BaseFont font, String text, float x, float y, PdfName subtype) {
    PdfDictionary props = new PdfDictionary();
    props.put(PdfName.TYPE, PAGINATION);
    props.put(PdfName.SUBTYPE, subtype);
    over.beginMarkedContentSequence(ARTIFACT, props, true);
    over.beginText();
    over.setFontAndSize(font, 7.5f);
    over.setRGBColorFill(0x4a, 0x4a, 0x4a);
    over.showTextAligned(Element.ALIGN_RIGHT, text, x, y, 0);
    over.endText();
    over.endMarkedContentSequence();
  }

  private static PdfDictionary element(
      PdfName type, PdfIndirectReference parent, String title, PdfArray kids) {
    PdfDictionary e = new PdfDictionary();
    e.put(PdfName.S, type);
    e.put(PdfName.P, parent);
    e.put(PdfName.T, new PdfString(title, PdfObject.TEXT_UNICODE));
    e.put(PdfName.K, kids);
    return e;
  }

  static Calendar calendar(Instant date) {
    GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
    c.setTimeInMillis(date.toEpochMilli());
    return c;
  }

  private static byte[] digest(
      List<Part> parts,
      String title,
      String language,
      Instant date,
      String stampPattern,
      boolean claim) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String s :
          new String[] {title, language, date.toString(), stampPattern, Boolean.toString(claim)}) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      for (Part p : parts) {
        for (String s : p.links()) {
          md.update(s.getBytes(StandardCharsets.UTF_8));
          md.update((byte) 1);
        }
        md.update(String.valueOf(p.ownPages()).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(p.bookmark().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        for (Piece piece : p.pieces()) {
          md.update(piece.pdf());
          md.update((byte) (piece.sheet() ? 2 : 0));
        }
      }
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static BaseFont font(byte[] digest) throws IOException, DocumentException {
    byte[] bytes;
    try (InputStream in = PacketAssembler.class.getResourceAsStream("/reap/fonts/DejaVuSans.ttf")) {
      bytes = in.readAllBytes();
    }
    BaseFont f =
        BaseFont.createFont(
            "DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
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
