package org.reap.render.pdf;

import java.awt.Font;
import java.util.Locale;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontMapper;
import org.reap.render.chart.ChartFonts;

/**
 * Maps every AWT font a chart asks for to an embedded DejaVu face (the very BaseFont objects the
 * page text uses, so glyphs share one subset), never to a non-embedded base-14 font.
 */
final class ChartFontMapper implements FontMapper {
  private final PdfFonts fonts;

  ChartFontMapper(PdfFonts fonts) {
    this.fonts = fonts;
  }

  @Override
  public BaseFont awtToPdf(Font font) {
    String name = font.getFontName(Locale.ROOT).toLowerCase(Locale.ROOT);
    boolean bold = font.isBold() || name.contains("bold");
    boolean italic = font.isItalic() || name.contains("oblique") || name.contains("italic");
    if (name.contains("mono")) {
      return fonts.font(PdfFonts.Face.MONO_REGULAR);
    }
    PdfFonts.Face face =
        bold
            ? (italic ? PdfFonts.Face.BOLD_OBLIQUE : PdfFonts.Face.BOLD)
            : (italic ? PdfFonts.Face.OBLIQUE : PdfFonts.Face.REGULAR);
    return fonts.font(face);
  }

  @Override
  public Font pdfToAwt(BaseFont font, int size) {
    String name = font.getPostscriptFontName().toLowerCase(Locale.ROOT);
    return name.contains("bold") ? ChartFonts.get().bold(size) : ChartFonts.get().regular(size);
  }
}
