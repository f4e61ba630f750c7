package org.reap.render.pdf;

import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import org.openpdf.text.pdf.FontMapper;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.reap.render.chart.ChartBuilder;
import org.reap.render.chart.ChartSpec;
import org.xhtmlrenderer.layout.LayoutContext;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextReplacedElement;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.RenderingContext;

/**
 * A chart laid out like an image and painted as vectors: JFreeChart draws on OpenPDF's
 * PdfGraphics2D into a form XObject, with real text in the embedded DejaVu fonts.
 */
final class PdfChartElement implements ITextReplacedElement {
  private final ChartSpec spec;
  private final FontMapper fontMapper;
  private final int width;
  private final int height;
  private Point location = new Point(0, 0);

  /** Size in Flying Saucer dots. */
  PdfChartElement(ChartSpec spec, FontMapper fontMapper, int width, int height) {
    this.spec = spec;
    this.fontMapper = fontMapper;
    this.width = width;
    this.height = height;
  }

  @Override
  public void paint(RenderingContext c, ITextOutputDevice device, BlockBox box) {
    Rectangle area = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), c);
    float dotsPerPoint = device.getDotsPerPoint();
    float w = area.width / dotsPerPoint;
    float h = area.height / dotsPerPoint;
    if (w <= 0 || h <= 0) {
      return;
    }
    PdfContentByte page = device.getCurrentPage();
    PdfTemplate template = page.createTemplate(w, h);
    Graphics2D g2 = template.createGraphics(w, h, fontMapper);
    try {
      ChartBuilder.draw(spec, g2, w, h);
    } finally {
      g2.dispose();
    }
    // device space (dots, y down, from the page's top-left) -> PDF space (points, y up)
    Point2D bottomLeft =
        device
            .getTransform()
            .transform(new Point2D.Double(area.x, (double) area.y + area.height), null);
    float pageHeight = device.getWriter().getPageSize().getHeight();
    page.addTemplate(template, (float) bottomLeft.getX(), pageHeight - (float) bottomLeft.getY());
  }

  @Override
  public int getIntrinsicWidth() {
    return width;
  }

  @Override
  public int getIntrinsicHeight() {
    return height;
  }

  @Override
  public Point getLocation() {
    return location;
  }

  @Override
  public void setLocation(int x, int y) {
    location = new Point(x, y);
  }

  @Override
  public void detach(LayoutContext c) {
    // nothing held
  }

  @Override
  public boolean isRequiresInteractivePaint() {
    return false;
  }

  @Override
  public boolean hasBaseline() {
    return false;
  }

  @Override
  public int getBaseline() {
    return 0;
  }
}
