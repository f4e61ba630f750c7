package org.reap.render.chart;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled DejaVu Sans faces as AWT fonts, loaded once per JVM, so that charts measure their
 * text with the same font the PDF embeds.
 */
public final class ChartFonts {
  /** Family name as AWT and CSS know it. */
  public static final String FAMILY = "DejaVu Sans";

  static final String REGULAR_RESOURCE = "/reap/fonts/DejaVuSans.ttf";
  static final String BOLD_RESOURCE = "/reap/fonts/DejaVuSans-Bold.ttf";

  private static volatile ChartFonts instance;

  private final Font regular;
  private final Font bold;

  private ChartFonts(Font regular, Font bold) {
    this.regular = regular;
    this.bold = bold;
  }

  /** The JVM-wide instance; loads the fonts on first use. */
  public static ChartFonts get() {
    ChartFonts f = instance;
    if (f == null) {
      synchronized (ChartFonts.class) {
        f = instance;
        if (f == null) {
          f = new ChartFonts(load(REGULAR_RESOURCE), load(BOLD_RESOURCE));
          instance = f;
        }
      }
    }
    return f;
  }

  public Font regular(float size) {
    return regular.deriveFont(Font.PLAIN, size);
  }

  /**
   * The bold face, flagged bold so that SVG gets font-weight: bold and the PDF font mapper picks
   * DejaVu Sans Bold (the face is bold already, so nothing is emboldened twice).
   */
  public Font bold(float size) {
    return bold.deriveFont(Font.BOLD, size);
  }

  private static Font load(String resource) {
    try (InputStream in = ChartFonts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "bundled font " + resource + " is missing from the reap jar");
      }
      return Font.createFont(Font.TRUETYPE_FONT, in);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("bundled font " + resource + " cannot be read", e);
    }
  }
}
