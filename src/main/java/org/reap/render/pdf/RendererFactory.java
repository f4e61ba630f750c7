package org.reap.render.pdf;

import java.nio.file.Path;
import java.util.List;
import org.reap.render.chart.ChartElement;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextReplacedElementFactory;
import org.xhtmlrenderer.pdf.ITextTextRenderer;

/**
 * The one place where Flying Saucer's renderer and its parts are put together, with reap's tagging
 * output device ({@link TaggingOutputDevice}).
 */
final class RendererFactory {
  /** Flying Saucer's defaults: 96 CSS px per inch. */
  static final float DOTS_PER_POINT = ITextRenderer.DEFAULT_DOTS_PER_POINT;

  static final int DOTS_PER_PIXEL = ITextRenderer.DEFAULT_DOTS_PER_PIXEL;

  private RendererFactory() {}

  /** The output device that paints into OpenPDF and tags what it paints (PDF/UA). */
  static ITextOutputDevice newOutputDevice(boolean tagged) {
    return tagged ? new TaggingOutputDevice(DOTS_PER_POINT) : new ITextOutputDevice(DOTS_PER_POINT);
  }

  static ITextRenderer newRenderer(
      Path realRoot,
      PdfFonts fonts,
      ReapFontResolver fontResolver,
      List<ChartElement> charts,
      ResourceProblems problems,
      boolean tagged) {
    ITextOutputDevice device = newOutputDevice(tagged);
    GuardedUserAgent userAgent = new GuardedUserAgent(device, DOTS_PER_PIXEL, realRoot, problems);
    ChartReplacedElementFactory replaced =
        new ChartReplacedElementFactory(
            new ITextReplacedElementFactory(device),
            charts,
            new ChartFontMapper(fonts),
            DOTS_PER_POINT);
    return new ITextRenderer(
        DOTS_PER_POINT,
        DOTS_PER_PIXEL,
        device,
        userAgent,
        fontResolver,
        replaced,
        new ITextTextRenderer());
  }
}
