package org.reap.render.html;

import java.util.IdentityHashMap;
import java.util.Map;
import org.reap.render.RenderException;
import org.reap.render.chart.ChartBuilder;
import org.reap.render.chart.ChartElement;
import org.reap.render.chart.ChartElements;
import org.reap.render.chart.SvgCharts;
import org.reap.render.pdf.SecureXml;
import org.reap.render.pdf.TextNormalizer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns the same XHTML the PDF is made from into a standalone HTML5 page: each {@code <div
 * class="reap-chart">} becomes an inline {@code <svg role="img">} with the div's aria-label, a
 * {@code <title>} carrying the same text alternative, and the div's id, class and style. Parsing is
 * as strict and safe as for the PDF; output is deterministic.
 *
 * <p>The SVG is drawn at the size the document's CSS gives the div (see {@link ChartSize}: class
 * rules in {@code <style>} and the style attribute, absolute units only); without one, 480pt wide
 * and, for line and bar charts, 9/16 as high (gantt charts: as high as their rows need). The same
 * CSS then sizes the SVG in the browser.
 */
public final class HtmlWriter {

  /** Converts one document; see the class comment. */
  public String toHtml(String xhtml) throws RenderException {
    Document doc = SecureXml.parse(xhtml, "XHTML");
    TextNormalizer.toNfc(doc);
    Map<Element, Element> replacements = new IdentityHashMap<>();
    ChartSize sizes = new ChartSize(doc);
    for (ChartElement chart : ChartElements.find(doc)) {
      replacements.put(chart.element(), svgFor(chart, sizes.of(chart.element())));
    }
    return Html5Serializer.serialize(doc, replacements);
  }

  private static Element svgFor(ChartElement chart, double[] size) throws RenderException {
    Element div = chart.element();
    double width = size[0] > 0 ? size[0] : ChartBuilder.DEFAULT_WIDTH;
    double height = size[1] > 0 ? size[1] : ChartBuilder.defaultHeight(chart.spec(), width);
    String svgText =
        SvgCharts.toSvg(chart.spec(), width, height, "reap-chart-" + chart.number() + "-");
    Element svg = SecureXml.parse(svgText, "chart " + chart.number() + " SVG").getDocumentElement();
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", chart.altText());
    for (String copied : new String[] {"id", "class", "style", "lang"}) {
      if (div.hasAttribute(copied)) {
        svg.setAttribute(copied, div.getAttribute(copied));
      }
    }
    Element title = svg.getOwnerDocument().createElementNS(Html5Serializer.SVG_NS, "title");
    title.setTextContent(chart.altText());
    svg.insertBefore(title, svg.getFirstChild());
    return svg;
  }
}
