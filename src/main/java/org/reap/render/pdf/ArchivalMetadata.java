package org.reap.render.pdf;

import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfICCBased;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.xml.xmp.XmpWriter;
import org.reap.render.RenderException;

/**
 * The document-level parts of PDF/A-2 and PDF/UA-1 that every PDF reap writes shares, whether
 * Flying Saucer paints it ({@link PdfDocumentSetup}) or it is joined from other PDFs (the agenda
 * packet): the sRGB output intent and the XMP metadata with the conformance claims.
 */
public final class ArchivalMetadata {
  private static final String ICC_RESOURCE = "/reap/fonts/sRGB.icc";
  private static final String PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/";
  private static final String EXTENSION_NS =
      "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
          + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
          + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\"";

  /** PDF/A allows only predefined XMP schemas unless described: this describes pdfuaid. */
  private static final String PDFUA_EXTENSION =
      "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">"
          + "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>"
          + "<pdfaSchema:namespaceURI>"
          + PDFUA_NS
          + "</pdfaSchema:namespaceURI>"
          + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"
          + "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
          + "<pdfaProperty:name>part</pdfaProperty:name>"
          + "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
          + "<pdfaProperty:category>internal</pdfaProperty:category>"
          + "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>"
          + "</rdf:li></rdf:Seq></pdfaSchema:property>"
          + "</rdf:li></rdf:Bag></pdfaExtension:schemas>";

  /** What the XMP metadata says the file conforms to. */
  public enum Claim {
    /** PDF/A-2a and PDF/UA-1: tagged, accessible and archival (every tagged PDF reap makes). */
    PDF_A_2A_AND_UA_1,
    /** PDF/A-2b only (reap's untagged renders, used to measure what tagging costs). */
    PDF_A_2B,
    /**
     * Nothing: title, dates and producer only (a packet with an attachment that fails the checks).
     */
    NONE
  }

  private static byte[] iccProfile;

  private ArchivalMetadata() {}

  /** The bundled sRGB IEC61966-2.1 profile (the same bytes in every JDK). */
  static synchronized byte[] icc() throws RenderException {
    if (iccProfile == null) {
      try (InputStream in = ArchivalMetadata.class.getResourceAsStream(ICC_RESOURCE)) {
        if (in == null) {
          throw new RenderException(
              "The bundled sRGB colour profile is missing from reap's jar;" + " reinstall reap.");
        }
        iccProfile = in.readAllBytes();
      } catch (IOException e) {
        throw new RenderException(
            "The bundled sRGB colour profile cannot be read; reinstall reap.", null, e);
      }
    }
    return iccProfile;
  }

  /** Puts the sRGB output intent (PDF/A's "GTS_PDFA1") in the writer's catalog. */
  public static void addOutputIntent(PdfWriter writer) throws RenderException, IOException {
    addOutputIntent(writer, icc());
  }

  static void addOutputIntent(PdfWriter writer, byte[] icc) throws IOException {
    PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
    intent.put(PdfName.S, PdfName.GTS_PDFA1);
    intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString("sRGB IEC61966-2.1"));
    intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
    intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
    PdfICCBased profile =
        new PdfICCBased(ICC_Profile.getInstance(icc), writer.getCompressionLevel());
    intent.put(PdfName.DESTOUTPUTPROFILE, writer.addToBody(profile).getIndirectReference());
    writer.getExtraCatalog().put(PdfName.OUTPUTINTENTS, new PdfArray(intent));
  }

  /**
   * XMP metadata mirroring the info dictionary (title, author, dates, producer), with the claim:
   * for PDF/UA-1 also {@code pdfuaid:part} and the extension schema PDF/A requires for it. Call it
   * when the info dictionary is complete: PDF/A wants the two to agree.
   */
  public static byte[] xmp(PdfDictionary info, Claim claim) {
    ByteArrayOutputStream xmp = new ByteArrayOutputStream();
    try {
      int level =
          switch (claim) {
            case PDF_A_2A_AND_UA_1 -> PdfWriter.PDFA2A;
            case PDF_A_2B -> PdfWriter.PDFA2B;
            case NONE -> PdfWriter.PDFXNONE;
          };
      XmpWriter w = new XmpWriter(xmp, info, level);
      if (claim == Claim.PDF_A_2A_AND_UA_1) {
        w.addRdfDescription("xmlns:pdfuaid=\"" + PDFUA_NS + "\"", "<pdfuaid:part>1</pdfuaid:part>");
        w.addRdfDescription(EXTENSION_NS, PDFUA_EXTENSION);
      }
      w.close();
    } catch (IOException e) {
      throw new IllegalStateException("cannot write XMP metadata: " + e.getMessage(), e);
    }
    return xmp.toByteArray();
  }
}
