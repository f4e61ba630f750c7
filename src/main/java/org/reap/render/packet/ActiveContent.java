package org.reap.render.packet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;

/**
 * Removes active content from a PDF that goes into a packet, before its pages are copied: packets
 * are posted publicly, so nothing in them may run, submit, launch or carry files.
 *
 * <p>Kept: link annotations whose action is a plain go-to (a destination inside the document) or a
 * URI action to an http, https or mailto address or a relative one, and plain destinations.
 * Removed, and counted by kind so the caller can name them: every other action (JavaScript, Launch,
 * SubmitForm, ResetForm, ImportData, GoToR, GoToE, Rendition, Sound, Movie, RichMediaExecute,
 * Named, Hide, SetOCGState, Trans, GoTo3DView, ... and a URI action to another scheme) wherever it
 * hangs (an annotation's or a field's /A, a /Next chain, the document's /OpenAction); every
 * additional-actions dictionary (/AA) of the document, its pages, annotations and form fields; file
 * attachment, sound, movie, screen, rich-media and 3D annotations; embedded files (/EmbeddedFiles,
 * /AF associated files); the document's JavaScript name tree; XFA forms and the AcroForm's field
 * scripts.
 *
 * <p>The reader is changed in place; the PDF's bytes are not.
 */
public final class ActiveContent {
  private static final PdfName NAMES = PdfName.NAMES;
  private static final PdfName AF = new PdfName("AF");
  private static final PdfName XFA = new PdfName("XFA");
  private static final PdfName PA = new PdfName("PA");
  private static final PdfName EMBEDDED_FILES = new PdfName("EmbeddedFiles");
  private static final PdfName JAVASCRIPT = new PdfName("JavaScript");
  private static final PdfName GOTO = new PdfName("GoTo");
  private static final PdfName URI = new PdfName("URI");
  private static final Set<String> DANGEROUS_ANNOTATIONS =
      Set.of("FileAttachment", "Sound", "Movie", "Screen", "RichMedia", "3D");
  private static final int MAX_DEPTH = 64;
  private static final List<PdfName> CONTENT_KEYS =
      List.of(
          PdfName.FS,
          PdfName.SOUND,
          new PdfName("Movie"),
          PdfName.A,
          PdfName.AA,
          AF,
          new PdfName("RichMediaContent"),
          new PdfName("RichMediaSettings"),
          new PdfName("3DD"),
          new PdfName("3DA"),
          new PdfName("MK"));

  private ActiveContent() {}

  /** What was removed: a count per kind, in the order first met. */
  public record Removed(Map<String, Integer> counts) {
    public Removed {
      counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    public boolean isEmpty() {
      return counts.isEmpty();
    }

    /** "2 JavaScript actions, 1 Launch action, 1 embedded file". */
    public String describe() {
      List<String> parts = new ArrayList<>();
      counts.forEach((kind, n) -> parts.add(n + " " + (n == 1 ? kind : plural(kind))));
      return String.join(", ", parts);
    }
  }

  private static String plural(String kind) {
    if (kind.endsWith("JavaScript") || kind.endsWith("deep")) {
      return kind;
    }
    return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
  }

  /**
   * What {@link #strip} would remove from these bytes (a PDF that {@link PacketAssembler#check}
   * accepted).
   */
  public static Removed scan(byte[] pdf) throws IOException {
    PdfReader r = new PdfReader(pdf);
    try {
      return strip(r);
    } finally {
      r.close();
    }
  }

  /** Removes the active content of a PDF being read, in place, and says what it removed. */
  public static Removed strip(PdfReader reader) {
    Walk w = new Walk();
    PdfDictionary catalog = reader.getCatalog();
    PdfObject open = PdfReader.getPdfObject(catalog.get(PdfName.OPENACTION));
    if (open instanceof PdfDictionary action && !w.allowed(action, 0)) {
      catalog.remove(PdfName.OPENACTION);
    }
    w.additionalActions(catalog);
    PdfDictionary names = dict(catalog.get(NAMES));
    if (names != null) {
      if (names.get(JAVASCRIPT) != null) {
        w.count("document-level JavaScript", 1);
        names.remove(JAVASCRIPT);
      }
      if (names.get(EMBEDDED_FILES) != null) {
        w.count("embedded files list", 1);
        names.remove(EMBEDDED_FILES);
      }
    }
    w.associatedFiles(catalog);
    PdfDictionary form = dict(catalog.get(PdfName.ACROFORM));
    if (form != null) {
      if (form.get(XFA) != null) {
        w.count("XFA form", 1);
        form.remove(XFA);
      }
      PdfArray fields = array(form.get(PdfName.FIELDS));
      for (int i = 0; fields != null && i < fields.size(); i++) {
        w.fieldTree(dict(fields.getPdfObject(i)), 0);
      }
    }
    for (int p = 1; p <= reader.getNumberOfPages(); p++) {
      PdfDictionary page = reader.getPageN(p);
      w.additionalActions(page);
      w.associatedFiles(page);
      PdfArray annots = array(page.get(PdfName.ANNOTS));
      if (annots == null) {
        continue;
      }
      for (int i = annots.size() - 1; i >= 0; i--) {
        PdfDictionary a = dict(annots.getPdfObject(i));
        if (a == null) {
          continue;
        }
        PdfName subtype = a.getAsName(PdfName.SUBTYPE);
        String kind = subtype == null ? "" : PdfName.decodeName(subtype.toString());
        if (DANGEROUS_ANNOTATIONS.contains(kind)) {
          w.count(label(kind) + " annotation", 1);
          annots.remove(i);
          // a tagged file's structure tree may still point at it: leave nothing in it to play or
          // open
          for (PdfName key : CONTENT_KEYS) {
            a.remove(key);
          }
          continue;
        }
        w.annotation(a);
        if (PdfName.WIDGET.equals(subtype)) {
          w.fieldParents(dict(a.get(PdfName.PARENT)));
        }
      }
    }
    return new Removed(w.counts);
  }

  private static final class Walk {
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final Set<PdfDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    void count(String kind, int n) {
      counts.merge(kind, n, Integer::sum);
    }

    /** An annotation (or widget): its /A and /PA actions and its /AA. */
    void annotation(PdfDictionary a) {
      if (!seen.add(a)) {
        return;
      }
      for (PdfName key : new PdfName[] {PdfName.A, PA}) {
        if (PdfReader.getPdfObject(a.get(key)) instanceof PdfDictionary action
            && !allowed(action, 0)) {
          a.remove(key);
        }
      }
      additionalActions(a);
      associatedFiles(a);
    }

    final Set<PdfDictionary> fields = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * A form field: its action and its additional actions (keystroke, format, validate, calculate
     * scripts).
     */
    void field(PdfDictionary f) {
      if (f == null || !fields.add(f)) {
        return;
      }
      if (PdfReader.getPdfObject(f.get(PdfName.A)) instanceof PdfDictionary action
          && !allowed(action, 0)) {
        f.remove(PdfName.A);
      }
      additionalActions(f);
    }

    /** A field of the AcroForm and the fields below it. */
    void fieldTree(PdfDictionary f, int depth) {
      if (f == null || depth > MAX_DEPTH || fields.contains(f)) {
        return;
      }
      field(f);
      PdfArray kids = array(f.get(PdfName.KIDS));
      for (int i = 0; kids != null && i < kids.size(); i++) {
        fieldTree(dict(kids.getPdfObject(i)), depth + 1);
      }
    }

    /** A widget's field and the fields above it. */
    void fieldParents(PdfDictionary f) {
      for (int depth = 0; f != null && depth < MAX_DEPTH; depth++) {
        field(f);
        f = dict(f.get(PdfName.PARENT));
      }
    }

    /** Removes an /AA dictionary, counting the actions in it. */
    void additionalActions(PdfDictionary d) {
      PdfObject aa = PdfReader.getPdfObject(d.get(PdfName.AA));
      if (aa == null) {
        return;
      }
      int before = total();
      if (aa instanceof PdfDictionary triggers) {
        for (PdfName trigger : triggers.getKeys()) {
          if (PdfReader.getPdfObject(triggers.get(trigger)) instanceof PdfDictionary action) {
            countAction(action, 0);
          }
        }
      }
      if (total() == before) {
        count("additional-actions dictionary", 1);
      }
      d.remove(PdfName.AA);
    }

    void associatedFiles(PdfDictionary d) {
      PdfArray af = array(d.get(AF));
      if (af != null) {
        count("embedded file", af.size());
        d.remove(AF);
      }
    }

    int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Whether an action may stay: a go-to inside the document or a URI to a web or mail address. A
     * /Next chain keeps only the actions that may stay; the rest are counted and removed.
     */
    boolean allowed(PdfDictionary action, int depth) {
      if (depth > MAX_DEPTH) {
        count("action chain nested too deep", 1);
        return false;
      }
      PdfName s = action.getAsName(PdfName.S);
      boolean ok = GOTO.equals(s) || URI.equals(s) && safeUri(action.get(URI));
      if (!ok) {
        countAction(action, depth);
        return false;
      }
      PdfObject next = PdfReader.getPdfObject(action.get(PdfName.NEXT));
      if (next instanceof PdfDictionary n) {
        if (!allowed(n, depth + 1)) {
          action.remove(PdfName.NEXT);
        }
      } else if (next instanceof PdfArray list) {
        for (int i = list.size() - 1; i >= 0; i--) {
          if (!(PdfReader.getPdfObject(list.getPdfObject(i)) instanceof PdfDictionary n)
              || !allowed(n, depth + 1)) {
            list.remove(i);
          }
        }
      }
      return true;
    }

    /** Counts an action that is removed, and those chained after it (they go with it). */
    void countAction(PdfDictionary action, int depth) {
      PdfName s = action.getAsName(PdfName.S);
      String kind = s == null ? "untyped" : PdfName.decodeName(s.toString());
      if (URI.equals(s)) {
        kind = "URI (not http, https or mailto)";
      }
      count(kind + " action", 1);
      PdfObject next = PdfReader.getPdfObject(action.get(PdfName.NEXT));
      if (depth < MAX_DEPTH && next instanceof PdfDictionary n) {
        countAction(n, depth + 1);
      } else if (depth < MAX_DEPTH && next instanceof PdfArray list) {
        for (int i = 0; i < list.size(); i++) {
          if (PdfReader.getPdfObject(list.getPdfObject(i)) instanceof PdfDictionary n) {
            countAction(n, depth + 1);
          }
        }
      }
    }
  }

  /** A URI action's target is http, https, mailto or relative (no scheme). */
  static boolean safeUri(PdfObject o) {
    if (!(PdfReader.getPdfObject(o) instanceof PdfString s)) {
      return false;
    }
    String uri = s.toString().strip().toLowerCase(Locale.ROOT);
    int colon = uri.indexOf(':');
    int end = firstOf(uri, "/?#");
    if (colon < 0 || (end >= 0 && end < colon)) {
      return !uri.startsWith("//") && uri.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
    String scheme = uri.substring(0, colon);
    return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
  }

  private static int firstOf(String s, String chars) {
    int best = -1;
    for (char c : chars.toCharArray()) {
      int i = s.indexOf(c);
      if (i >= 0 && (best < 0 || i < best)) {
        best = i;
      }
    }
    return best;
  }

  /** A kind as a reader meets it: "JavaScript", "Launch", "file attachment". */
  private static String label(String kind) {
    return switch (kind) {
      case "FileAttachment" -> "file attachment (embedded file)";
      case "RichMedia" -> "rich media";
      case "Screen" -> "screen (media)";
      case "Sound" -> "sound";
      case "Movie" -> "movie";
      case "3D" -> "3D";
      default -> kind;
    };
  }

  private static PdfDictionary dict(PdfObject o) {
    return PdfReader.getPdfObject(o) instanceof PdfDictionary d ? d : null;
  }

  private static PdfArray array(PdfObject o) {
    return PdfReader.getPdfObject(o) instanceof PdfArray a ? a : null;
  }
}
