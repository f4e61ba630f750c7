package org.reap.render.packet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
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
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.RandomAccessFileOrArray;
import org.openpdf.text.pdf.SimpleBookmark;
import org.reap.render.RenderException;
import org.reap.render.pdf.ArchivalMetadata;

/**
 * Joins the slices of one long document (a timeline laid out a bounded number of rows at a time,
 * each slice a tagged PDF of its own) into one PDF that reads as if it had been laid out whole:
 *
 * <ul>
 *   <li>every page stamped "Page X of Y" over the whole document, where the slices left their page
 *       numbers out (a pagination artifact, as a packet's stamp);
 *   <li>one structure tree: the first slice's, its table holding every slice's rows and what
 *       follows the table in the last slice after it ({@link TaggedCopy#copySlice}); later slices
 *       repeat the header rows as artifacts, so the table has one header;
 *   <li>one outline: the first slice's, later slices' bookmarks under its last top-level one (the
 *       document's title: later slices have only lower headings);
 *   <li>the first slice's title, author, creator, producer, dates and language; the sRGB output
 *       intent; XMP claiming PDF/A-2a and PDF/UA-1, as each slice does; an /ID from the slices'
 *       bytes.
 * </ul>
 *
 * <p>Slices are added one at a time, in order, as they are ready ({@link #add}), so joining the
 * first slices overlaps rendering the later ones; the page numbers' total is written at the end
 * ({@link #finish}): each page's stamp is a form XObject filled in then.
 *
 * <p>The bytes depend only on the slices' bytes and the stamp: the same however many threads
 * rendered the slices.
 */
public final class SliceJoiner {
  private static final PdfName FOOTER = new PdfName("Footer");
  private static final PdfName ARTIFACT = new PdfName("Artifact");
  private static final PdfName PAGINATION = new PdfName("Pagination");

  private final String stampPattern;
  private final float right;
  private final float baseline;
  private final MessageDigest digest;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
  private final Document doc = new Document();
  private final List<Map<String, Object>> outline = new ArrayList<>();

  /** Each page's stamp, filled in by {@link #finish}, and where its text ends on the page. */
  private final List<PdfTemplate> stamps = new ArrayList<>();

  private final List<float[]> places = new ArrayList<>();
  private TaggedCopy copy;
  private BaseFont font;
  private PdfIndirectReference top;
  private int pages;
  private int slices;

  /**
   * @param stampPattern the page stamp, with {0} for the page and {1} for the page count
   * @param right the distance from the page's right edge to the stamp's right end, in points
   * @param baseline the height of the stamp's baseline above the page's bottom edge, in points
   */
  public SliceJoiner(String stampPattern, float right, float baseline) {
    this.stampPattern = stampPattern;
    this.right = right;
    this.baseline = baseline;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    digest.update(
        ("reap-slices-1\0" + stampPattern + "\0" + right + "\0" + baseline + "\0")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the stamp's font (DejaVu Sans) has every character of a page-number pattern. */
  public static boolean canStamp(String pattern) {
    try {
      BaseFont f = PacketAssembler.font(new byte[32]);
      return pattern.codePoints().allMatch(c -> Character.isWhitespace(c) || f.charExists(c));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Joins the slices, in order (see {@link #add} and {@link #finish}). */
  public static byte[] join(List<byte[]> slices, String stampPattern, float right, float baseline)
      throws RenderException {
    SliceJoiner j = new SliceJoiner(stampPattern, right, baseline);
    for (byte[] s : slices) {
      j.add(s);
    }
    return j.finish();
  }

  /**
   * Adds the next slice: a PDF rendered by reap (tagged, PDF/A-2a and PDF/UA-1) without its page
   * numbers. The first slice gives the document its title, author, creator, producer, dates and
   * language.
   */
  public void add(byte[] slice) throws RenderException {
    try {
      digest.update(slice);
      digest.update((byte) 0);
      if (copy == null) {
        open(slice);
      }
      PdfReader r = new PdfReader(slice);
      TaggedCopy.Input input = copy.prepare(r);
      List<Map<String, Object>> marks = SimpleBookmark.getBookmarkList(r);
      if (marks != null && !marks.isEmpty()) {
        SimpleBookmark.shiftPageNumbersInRange(marks, pages, null);
        if (slices == 0 || outline.isEmpty()) {
          outline.addAll(marks);
        } else {
          Map<String, Object> last = outline.get(outline.size() - 1);
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> kids = (List<Map<String, Object>>) last.get("Kids");
          if (kids == null) {
            kids = new ArrayList<>();
            last.put("Kids", kids);
          }
          kids.addAll(marks);
        }
      }
      for (int i = 1; i <= r.getNumberOfPages(); i++) {
        pages++;
        PdfImportedPage imported = copy.getImportedPage(r, i);
        PdfCopy.PageStamp stamp = copy.createPageStamp(imported);
        Rectangle size = r.getPageSizeWithRotation(i);
        PdfContentByte over = stamp.getOverContent();
        PdfTemplate t = over.createTemplate(size.getWidth(), baseline + 12);
        PdfDictionary props = new PdfDictionary();
        props.put(PdfName.TYPE, PAGINATION);
        props.put(PdfName.SUBTYPE, FOOTER);
        over.beginMarkedContentSequence(ARTIFACT, props, true);
        over.addTemplate(t, size.getLeft(), size.getBottom());
        over.endMarkedContentSequence();
        stamps.add(t);
        places.add(new float[] {size.getWidth() - right, baseline});
        stamp.alterContents();
        copy.addPage(imported);
      }
      top = copy.copySlice(input, slices == 0);
      copy.freeReader(r);
      r.close();
      slices++;
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
  }

  private void open(byte[] first) throws IOException {
    // the first slice's info and catalog from a partial reader (the trailer and what is asked for)
    PdfReader firstReader = new PdfReader(new RandomAccessFileOrArray(first), null);
    PdfDictionary firstInfo = firstReader.getTrailer().getAsDict(PdfName.INFO);
    PdfDictionary firstCatalog = firstReader.getCatalog();
    font = PacketAssembler.font(sha256(first));
    copy = new TaggedCopy(doc, out);
    copy.setPdfVersion(PdfWriter.VERSION_1_7);
    copy.setFullCompression(); // object streams, as the slices have: a structure tree is many small
    // objects
    int prefs = PdfWriter.DisplayDocTitle;
    if (PdfName.USEOUTLINES.equals(firstCatalog.getAsName(PdfName.PAGEMODE))) {
      prefs |= PdfWriter.PageModeUseOutlines;
    }
    copy.setViewerPreferences(prefs);
    PdfString lang = firstCatalog.getAsString(PdfName.LANG);
    if (lang != null) {
      copy.getExtraCatalog().put(PdfName.LANG, new PdfString(lang.toUnicodeString()));
    }
    for (PdfName key : new PdfName[] {PdfName.CREATIONDATE, PdfName.MODDATE}) {
      PdfObject v = firstInfo == null ? null : PdfReader.getPdfObject(firstInfo.get(key));
      if (v instanceof PdfString s) {
        copy.getInfo().put(key, new PdfDate(PdfDate.decode(s.toString())));
      }
    }
    Map<String, String> info = firstReader.getInfo();
    if (info.get("Title") != null) {
      doc.addTitle(info.get("Title"));
    }
    if (info.get("Author") != null) {
      doc.addAuthor(info.get("Author"));
    }
    if (info.get("Subject") != null) {
      doc.addSubject(info.get("Subject"));
    }
    if (info.get("Keywords") != null) {
      doc.addKeywords(info.get("Keywords"));
    }
    if (info.get("Creator") != null) {
      doc.addCreator(info.get("Creator"));
    }
    if (info.get("Producer") != null) {
      doc.addProducer(info.get("Producer"));
    }
    firstReader.close();
    doc.open();
  }

  /** Numbers the pages, writes the structure tree, outline and metadata; the joined PDF's bytes. */
  public byte[] finish() throws RenderException {
    if (copy == null) {
      throw new IllegalStateException("no slices");
    }
    try {
      for (int i = 0; i < stamps.size(); i++) {
        PdfTemplate t = stamps.get(i);
        String text =
            stampPattern
                .replace("{0}", Integer.toString(i + 1))
                .replace("{1}", Integer.toString(pages));
        t.beginText();
        t.setFontAndSize(font, 7.5f);
        t.setRGBColorFill(0x4a, 0x4a, 0x4a);
        t.showTextAligned(Element.ALIGN_RIGHT, text, places.get(i)[0], places.get(i)[1], 0);
        t.endText();
      }
      copy.finishSlices();
      copy.finishStructure(top);
      ArchivalMetadata.addOutputIntent(copy);
      if (!outline.isEmpty()) {
        copy.setOutlines(outline);
      }
      byte[] id = digest.digest();
      copy.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
      copy.setXmpMetadata(
          ArchivalMetadata.xmp(copy.getInfo(), ArchivalMetadata.Claim.PDF_A_2A_AND_UA_1));
      doc.close();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
  }

  private static RenderException failed(Exception e) {
    return new RenderException(
        "the slices of a long document could not be joined: " + e.getMessage(), null, e);
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
