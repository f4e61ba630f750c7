package org.reap.render.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.reap.render.RenderException;

/**
 * The bundled DejaVu fonts as OpenPDF fonts. They are always embedded (Identity-H, subset) and
 * never write a CIDSet (PDF/A-2 and PDF/UA reject wrong ones). A render borrows a set of its own
 * (OpenPDF's fonts read their file and seed their subset prefixes as they write), so documents can
 * render on several threads; sets are parsed as needed and reused, one per concurrent render.
 */
final class PdfFonts {
  static final String SANS = "DejaVu Sans";
  static final String MONO = "DejaVu Sans Mono";

  /** One bundled face. */
  enum Face {
    REGULAR(SANS, "DejaVuSans.ttf"),
    BOLD(SANS, "DejaVuSans-Bold.ttf"),
    OBLIQUE(SANS, "DejaVuSans-Oblique.ttf"),
    BOLD_OBLIQUE(SANS, "DejaVuSans-BoldOblique.ttf"),
    MONO_REGULAR(MONO, "DejaVuSansMono.ttf"),
    CJK("Droid Sans Fallback", "DroidSansFallback.ttf");

    final String family;
    final String file;

    Face(String family, String file) {
      this.family = family;
      this.file = file;
    }

    String resource() {
      return "/reap/fonts/" + file;
    }
  }

  /** Fonts no render is using now. OpenPDF fonts are not thread-safe: one render, one set. */
  private static final java.util.concurrent.ConcurrentLinkedDeque<PdfFonts> IDLE =
      new java.util.concurrent.ConcurrentLinkedDeque<>();

  /** The font files' bytes, read from the jar once (read-only, shared by every set). */
  private static volatile Map<Face, byte[]> files;

  private final Map<Face, BaseFont> fonts;

  private PdfFonts(Map<Face, BaseFont> fonts) {
    this.fonts = fonts;
  }

  /**
   * A set of fonts for one render, for this thread alone until {@link #release}: an idle one, or a
   * newly parsed one (about 3 MB) when every set is in use.
   */
  static PdfFonts borrow() throws RenderException {
    PdfFonts idle = IDLE.pollFirst();
    if (idle != null) {
      return idle;
    }
    Map<Face, byte[]> bytes = files();
    Map<Face, BaseFont> map = new EnumMap<>(Face.class);
    for (Face f : Face.values()) {
      map.put(f, load(f, bytes.get(f)));
    }
    return new PdfFonts(map);
  }

  /** Gives fonts back once their render has finished writing. */
  static void release(PdfFonts fonts) {
    IDLE.offerFirst(fonts);
  }

  BaseFont font(Face face) {
    return fonts.get(face);
  }

  /** A URL string OpenPDF and Flying Saucer can re-read the font file from. */
  static String location(Face face) {
    URL url = PdfFonts.class.getResource(face.resource());
    if (url == null) {
      throw new IllegalStateException("bundled font " + face.resource() + " is missing");
    }
    return url.toExternalForm();
  }

  private static Map<Face, byte[]> files() throws RenderException {
    Map<Face, byte[]> f = files;
    if (f == null) {
      synchronized (PdfFonts.class) {
        if (files == null) {
          Map<Face, byte[]> read = new EnumMap<>(Face.class);
          for (Face face : Face.values()) {
            read.put(face, read(face));
          }
          files = read;
        }
        f = files;
      }
    }
    return f;
  }

  private static byte[] read(Face face) throws RenderException {
    try (InputStream in = PdfFonts.class.getResourceAsStream(face.resource())) {
      if (in == null) {
        throw new RenderException(
            "The bundled font " + face.file + " is missing from reap's jar;" + " reinstall reap.");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new RenderException(
          "The bundled font "
              + face.file
              + " cannot be read ("
              + e.getMessage()
              + "); reinstall reap.",
          null,
          e);
    }
  }

  private static BaseFont load(Face face, byte[] bytes) throws RenderException {
    try {
      BaseFont font =
          BaseFont.createFont(
              face.file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
      font.setIncludeCidSet(false);
      font.setSubset(true);
      return font;
    } catch (IOException | DocumentException e) {
      throw new RenderException(
          "The bundled font "
              + face.file
              + " cannot be read ("
              + e.getMessage()
              + "); reinstall reap.",
          null,
          e);
    }
  }
}
