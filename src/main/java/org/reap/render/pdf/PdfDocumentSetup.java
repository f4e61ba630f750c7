package org.reap.render.pdf;

import java.io.IOException;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

/**
 * Writes the document-level parts of the PDF: info dictionary from {@link PdfMeta} with fixed
 * dates, a content-derived /ID, catalog /Lang, DisplayDocTitle, a tagged writer (structure tree and
 * MarkInfo; {@link TaggingOutputDevice} fills the tree), tab order by structure on every page, an
 * sRGB output intent and XMP metadata claiming PDF/A-2a and PDF/UA-1 (with the extension schema
 * PDF/A requires for the pdfuaid namespace). veraPDF checks the result in the test suite.
 */
final class PdfDocumentSetup implements PDFCreationListener {
  private final PdfMeta meta;
  private final byte[] documentId;
  private final byte[] iccProfile;
  private final boolean tagged;

  PdfDocumentSetup(PdfMeta meta, byte[] documentId, byte[] iccProfile, boolean tagged) {
    this.tagged = tagged;
    this.meta = meta;
    this.documentId = documentId.clone();
    this.iccProfile = iccProfile.clone();
  }

  @Override
  public void preOpen(ITextRenderer renderer) {
    PdfWriter writer = renderer.getWriter();
    if (tagged) {
      writer.setTagged(); // only possible before the document opens
      writer.setTabs(PdfName.S);
    }
    writer.setViewerPreferences(PdfWriter.DisplayDocTitle);
    writer.getExtraCatalog().put(PdfName.LANG, new PdfString(meta.language()));
    PdfDictionary info = writer.getInfo();
    PdfDate date = pdfDate();
    info.put(PdfName.CREATIONDATE, date);
    info.put(PdfName.MODDATE, date);
    info.put(PdfName.FILEID, PdfEncryption.createInfoId(documentId, documentId));
  }

  @Override
  public void preWrite(ITextRenderer renderer, int pageCount) {
    // Flying Saucer copies these into /Info right after this call, over any <meta> in the head.
    ITextOutputDevice device = renderer.getOutputDevice();
    device.setMetadata("title", meta.title());
    device.setMetadata("author", blankToNull(meta.author()));
    device.setMetadata("subject", blankToNull(meta.subject()));
    device.setMetadata("keywords", blankToNull(meta.keywords()));
    try {
      ArchivalMetadata.addOutputIntent(renderer.getWriter(), iccProfile);
    } catch (IOException e) {
      throw new IllegalStateException("cannot embed the sRGB output profile: " + e.getMessage(), e);
    }
  }

  @Override
  public void onClose(ITextRenderer renderer) {
    PdfWriter writer = renderer.getWriter();
    writer.setXmpMetadata(
        ArchivalMetadata.xmp(
            writer.getInfo(),
            tagged ? ArchivalMetadata.Claim.PDF_A_2A_AND_UA_1 : ArchivalMetadata.Claim.PDF_A_2B));
  }

  private PdfDate pdfDate() {
    GregorianCalendar utc = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
    utc.setTimeInMillis(meta.date().toEpochMilli());
    return new PdfDate(utc);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
