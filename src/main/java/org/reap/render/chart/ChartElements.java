package org.reap.render.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reap.render.RenderException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Finds and validates every chart placeholder in a document. */
public final class ChartElements {
  /** The class that marks a chart placeholder. */
  public static final String CHART_CLASS = "reap-chart";

  private ChartElements() {}

  /** All chart placeholders in document order, each with its parsed specification. */
  public static List<ChartElement> find(Document doc) throws RenderException {
    List<ChartElement> result = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (isChart(e)) {
        result.add(read(e, result.size() + 1));
      }
    }
    return List.copyOf(result);
  }

  static boolean isChart(Element e) {
    String cls = e.getAttribute("class");
    return !cls.isEmpty() && Arrays.asList(cls.trim().split("\\s+")).contains(CHART_CLASS);
  }

  private static ChartElement read(Element e, int number) throws RenderException {
    String alt = e.getAttribute("aria-label").strip();
    String where = "chart " + number + (alt.isEmpty() ? "" : " (\"" + shorten(alt) + "\")");
    if (!"div".equals(localName(e))) {
      throw new RenderException(
          "Only a <div> can be a chart placeholder, but class \""
              + CHART_CLASS
              + "\" is on a <"
              + localName(e)
              + ">. Use <div class=\""
              + CHART_CLASS
              + "\" ...>.",
          where);
    }
    if (alt.isEmpty()) {
      throw new RenderException(
          "The chart has no text alternative. Add aria-label=\"...\" saying what the"
              + " chart shows (its main finding), for screen-reader users.",
          where);
    }
    if (hasContent(e)) {
      throw new RenderException(
          "The chart placeholder has content, which would be hidden by the chart. Leave"
              + " the <div> empty and put the description in aria-label or in text next to it.",
          where);
    }
    if (!e.hasAttribute("data-chart")) {
      throw new RenderException(
          "The chart placeholder has no data-chart attribute; it must hold the chart's"
              + " JSON specification.",
          where);
    }
    ChartSpec spec = ChartSpecParser.parse(e.getAttribute("data-chart"), where);
    return new ChartElement(e, number, alt, spec);
  }

  private static boolean hasContent(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        return true;
      }
      if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
          && !n.getNodeValue().isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
