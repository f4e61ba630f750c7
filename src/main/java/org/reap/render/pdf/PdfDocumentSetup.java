package org.reap.render.pdf;

import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.TimeZone;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfICCBased;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.xml.xmp.XmpWriter;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.PDFCreationListener;

/**
 * Writes the document-level parts of the PDF: info dictionary from {@link PdfMeta} with fixed
 * dates, a content-derived /ID, catalog /Lang, DisplayDocTitle, an sRGB output intent and XMP
 * metadata claiming PDF/A-2b (the basics; conformance is checked by a later veraPDF step).
 */
final class PdfDocumentSetup implements PDFCreationListener {
    private final PdfMeta meta;
    private final byte[] documentId;
    private final byte[] iccProfile;

    PdfDocumentSetup(PdfMeta meta, byte[] documentId, byte[] iccProfile) {
        this.meta = meta;
        this.documentId = documentId.clone();
        this.iccProfile = iccProfile.clone();
    }

    @Override
    public void preOpen(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
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
            addOutputIntent(renderer.getWriter());
        } catch (IOException e) {
            throw new IllegalStateException("cannot embed the sRGB output profile: " + e.getMessage(), e);
        }
    }

    @Override
    public void onClose(ITextRenderer renderer) {
        PdfWriter writer = renderer.getWriter();
        ByteArrayOutputStream xmp = new ByteArrayOutputStream();
        try {
            new XmpWriter(xmp, writer.getInfo(), PdfWriter.PDFA2B).close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write XMP metadata: " + e.getMessage(), e);
        }
        writer.setXmpMetadata(xmp.toByteArray());
    }

    private void addOutputIntent(PdfWriter writer) throws IOException {
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, PdfName.GTS_PDFA1);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString("sRGB IEC61966-2.1"));
        intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
        PdfICCBased profile = new PdfICCBased(ICC_Profile.getInstance(iccProfile), writer.getCompressionLevel());
        intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
        writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
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
