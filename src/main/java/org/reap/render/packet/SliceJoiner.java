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
import org.openpdf.text.DocumentException;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfCopy;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfImportedPage;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
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
 *       numbers out (a pagination artifact, as a packet's stamp);</li>
 *   <li>one structure tree: the first slice's, its table holding every slice's rows and what
 *       follows the table in the last slice after it ({@link TaggedCopy#copySlice}); later slices
 *       repeat the header rows as artifacts, so the table has one header;</li>
 *   <li>one outline: the first slice's, later slices' bookmarks under its last top-level one (the
 *       document's title: later slices have only lower headings);</li>
 *   <li>the first slice's title, author, creator, producer, dates and language; the sRGB output
 *       intent; XMP claiming PDF/A-2a and PDF/UA-1, as each slice does; an /ID from the slices'
 *       bytes.</li>
 * </ul>
 *
 * <p>The bytes depend only on the slices' bytes and the stamp: the same however many threads
 * rendered the slices.
 */
public final class SliceJoiner {
  private static final PdfName FOOTER = new PdfName("Footer");

  private SliceJoiner() {}

  /** Whether the stamp's font (DejaVu Sans) has every character of a page-number pattern. */
  public static boolean canStamp(String pattern) {
    try {
      BaseFont f = PacketAssembler.font(new byte[32]);
      return pattern.codePoints().allMatch(c -> Character.isWhitespace(c) || f.charExists(c));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Joins the slices, in order.
   *
   * @param slices the slices' PDFs, each rendered by reap (tagged, PDF/A-2a and PDF/UA-1) without
   *     its page numbers
   * @param stampPattern the page stamp, with {0} for the page and {1} for the page count
   * @param right the distance from the page's right edge to the stamp's right end, in points
   * @param baseline the height of the stamp's baseline above the page's bottom edge, in points
   */
  public static byte[] join(List<byte[]> slices, String stampPattern, float right, float baseline) throws RenderException {
    if (slices.isEmpty()) {
      throw new IllegalArgumentException("no slices");
    }
    try {
      byte[] digest = digest(slices, stampPattern, right, baseline);
      BaseFont font = PacketAssembler.font(digest);
      // page counts, info and catalog from partial readers (trailer and what is asked for only):
      // reading a slice whole takes most of the join's time, so each is read whole once, below
      int total = 0;
      for (byte[] s : slices) {
        PdfReader r = partial(s);
        total += r.getNumberOfPages();
        r.close();
      }
      PdfReader firstReader = partial(slices.get(0));
      PdfDictionary firstInfo = firstReader.getTrailer().getAsDict(PdfName.INFO);
      PdfDictionary firstCatalog = firstReader.getCatalog();
      ByteArrayOutputStream out = new ByteArrayOutputStream(slices.stream().mapToInt(b -> b.length).sum() + 64 * 1024);
      Document doc = new Document();
      TaggedCopy copy = new TaggedCopy(doc, out);
      copy.setPdfVersion(PdfWriter.VERSION_1_7);
      copy.setFullCompression(); // object streams, as the slices have: a structure tree is many small objects
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
          copy.getInfo().put(key, new org.openpdf.text.pdf.PdfDate(org.openpdf.text.pdf.PdfDate.decode(s.toString())));
        }
      }
      copy.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(digest, digest));
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
      List<Map<String, Object>> outline = new ArrayList<>();
      PdfIndirectReference top = null;
      int page = 0;
      for (int index = 0; index < slices.size(); index++) {
        PdfReader r = new PdfReader(slices.get(index));
        TaggedCopy.Input input = copy.prepare(r);
        List<Map<String, Object>> marks = SimpleBookmark.getBookmarkList(r);
        if (marks != null && !marks.isEmpty()) {
          SimpleBookmark.shiftPageNumbersInRange(marks, page, null);
          if (index == 0 || outline.isEmpty()) {
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
          page++;
          PdfImportedPage imported = copy.getImportedPage(r, i);
          PdfCopy.PageStamp stamp = copy.createPageStamp(imported);
          Rectangle size = r.getPageSizeWithRotation(i);
          String text = stampPattern.replace("{0}", Integer.toString(page)).replace("{1}", Integer.toString(total));
          PacketAssembler.stamp(stamp.getOverContent(), font, text, size.getRight() - right, size.getBottom() + baseline, FOOTER);
          stamp.alterContents();
          copy.addPage(imported);
        }
        top = copy.copySlice(input, index == 0);
        copy.freeReader(r);
        r.close();
      }
      copy.finishSlices();
      copy.finishStructure(top);
      ArchivalMetadata.addOutputIntent(copy);
      if (!outline.isEmpty()) {
        copy.setOutlines(outline);
      }
      copy.setXmpMetadata(ArchivalMetadata.xmp(copy.getInfo(), ArchivalMetadata.Claim.PDF_A_2A_AND_UA_1));
      doc.close();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new RenderException("the slices of a long document could not be joined: " + e.getMessage(), null, e);
    }
  }

  private static PdfReader partial(byte[] pdf) throws IOException {
    return new PdfReader(new RandomAccessFileOrArray(pdf), null);
  }

  private static byte[] digest(List<byte[]> slices, String stampPattern, float right, float baseline) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(("reap-slices-1\0" + stampPattern + "\0" + right + "\0" + baseline + "\0").getBytes(StandardCharsets.UTF_8));
      for (byte[] s : slices) {
        md.update(s);
        md.update((byte) 0);
      }
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
