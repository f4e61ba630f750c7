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
 * dates, a content-derived /ID, catalog /Lang, DisplayDocTitle, a tagged writer (structure tree
 * and MarkInfo; {@link TaggingOutputDevice} fills the tree), tab order by structure on every page,
 * an sRGB output intent and XMP metadata claiming PDF/A-2a and PDF/UA-1 (with the extension
 * schema PDF/A requires for the pdfuaid namespace). veraPDF checks the result in the test suite.
 */
final class PdfDocumentSetup implements PDFCreationListener {
    private static final String PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/";
    private static final String EXTENSION_NS = "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
            + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
            + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"";
    /** PDF/A allows only predefined XMP schemas unless described: this describes pdfuaid. */
    private static final String PDFUA_EXTENSION = "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
            + "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
            + "<pdfaSchema:namespaceURI>" + PDFUA_NS + "</pdfaSchema:namespaceURI>"
            + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
            + "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
            + "<pdfaProperty:name>part</pdfaProperty:name>"
            + "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
            + "<pdfaProperty:category>internal</pdfaProperty:category>"
            + "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>"
            + "</rdf:li></rdf:Seq></pdfaSchema:property>"
            + "</rdf:li></rdf:Bag></pdfaExtension:schemas>";

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
            XmpWriter w = new XmpWriter(xmp, writer.getInfo(), tagged ? PdfWriter.PDFA2A : PdfWriter.PDFA2B);
            if (tagged) {
                w.addRdfDescription("xmlns:pdfuaid=\"" + PDFUA_NS + "\"", "<pdfuaid:part>1</pdfuaid:part>");
                w.addRdfDescription(EXTENSION_NS, PDFUA_EXTENSION);
            }
            w.close();
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
