package org.reap.render.pdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.pdf.BaseFont;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.sheet.FontFaceRule;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFontResolver;

/**
 * A font resolver that knows only the bundled, embedded DejaVu fonts (plus fonts a stylesheet loads
 * with {@code @font-face}). Flying Saucer's generic and fallback names (serif, sans-serif,
 * monospace, Times, Helvetica, Courier, Symbol...) all map to DejaVu, so no non-embedded base-14
 * font can reach the PDF, not even from a margin box without a font-family.
 */
final class ReapFontResolver extends ITextFontResolver {
  private static final List<String> SANS_ALIASES =
      List.of(
          "Serif",
          "SansSerif",
          "Dialog",
          "TimesRoman",
          "Times",
          "Times-Roman",
          "Times New Roman",
          "Helvetica",
          "Arial",
          "Symbol",
          "ZapfDingbats",
          "DejaVu Serif");
  private static final List<String> MONO_ALIASES =
      List.of("Monospaced", "DialogInput", "Courier", "Courier New");

  ReapFontResolver(PdfFonts fonts) {
    for (PdfFonts.Face face : PdfFonts.Face.values()) {
      addFont(fonts.font(face), PdfFonts.location(face), face.family);
    }
    Map<String, FontFamily> all = getFonts();
    FontFamily sans = all.get(PdfFonts.SANS);
    FontFamily mono = all.get(PdfFonts.MONO);
    SANS_ALIASES.forEach(name -> all.put(name, sans));
    MONO_ALIASES.forEach(name -> all.put(name, mono));
  }

  /** Instead of Flying Saucer's base-14 fonts: none. */
  @Override
  protected Map<String, FontFamily> loadFonts() {
    return new HashMap<>();
  }

  /**
   * Fonts loaded with {@code @font-face} are embedded too (Identity-H), whatever the rule says;
   * Flying Saucer's default would leave them out of the PDF.
   */
  @Override
  public void importFontFaces(List<FontFaceRule> fontFaces, UserAgentCallback userAgentCallback) {
    resetEmbedFontFace();
    for (FontFaceRule rule : fontFaces) {
      if (rule.hasFontFamily()) {
        addEmbedFontFace(
            rule.getCalculatedStyle().valueByName(CSSName.FONT_FAMILY).asString(),
            BaseFont.IDENTITY_H);
      }
    }
    super.importFontFaces(fontFaces, userAgentCallback);
  }

  /** Every font any document of this resolver may use, bundled or from @font-face. */
  List<BaseFont> allFonts() {
    return getFonts().values().stream()
        .flatMap(f -> f.getFontDescriptions().stream())
        .map(FontDescription::getFont)
        .distinct()
        .toList();
  }
}
