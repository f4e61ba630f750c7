package org.reap.render.pdf;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.pdf.FontMapper;
import org.reap.render.chart.ChartBuilder;
import org.reap.render.chart.ChartElement;
import org.reap.render.chart.ChartSpec;
import org.w3c.dom.Element;
import org.xhtmlrenderer.extend.ReplacedElement;
import org.xhtmlrenderer.extend.ReplacedElementFactory;
import org.xhtmlrenderer.extend.UserAgentCallback;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.simple.extend.FormSubmissionListener;

/**
 * Turns each validated {@code reap-chart} div into a {@link PdfChartElement}; everything else
 * (images, form fields) goes to Flying Saucer's own factory.
 */
final class ChartReplacedElementFactory implements ReplacedElementFactory {
  private final ReplacedElementFactory fallback;
  private final Map<Element, ChartSpec> charts = new IdentityHashMap<>();
  private final FontMapper fontMapper;
  private final float dotsPerPoint;

  ChartReplacedElementFactory(
      ReplacedElementFactory fallback,
      List<ChartElement> charts,
      FontMapper fontMapper,
      float dotsPerPoint) {
    this.fallback = fallback;
    this.fontMapper = fontMapper;
    this.dotsPerPoint = dotsPerPoint;
    charts.forEach(c -> this.charts.put(c.element(), c.spec()));
  }

  @Override
  public ReplacedElement createReplacedElement(
      LayoutContext c, BlockBox box, UserAgentCallback uac, int cssWidth, int cssHeight) {
    Element e = box.getElement();
    ChartSpec spec = e == null ? null : charts.get(e);
    if (spec == null) {
      return fallback.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }
    int width =
        cssWidth > 0 ? cssWidth : Math.round((float) ChartBuilder.DEFAULT_WIDTH * dotsPerPoint);
    int height =
        cssHeight > 0
            ? cssHeight
            : Math.round(
                (float) ChartBuilder.defaultHeight(spec, width / dotsPerPoint) * dotsPerPoint);
    return new PdfChartElement(spec, fontMapper, width, height);
  }

  @Override
  public void reset() {
    fallback.reset();
  }

  @Override
  public void remove(Element e) {
    fallback.remove(e);
  }

  @Override
  public void setFormSubmissionListener(FormSubmissionListener listener) {
    fallback.setFormSubmissionListener(listener);
  }
}
