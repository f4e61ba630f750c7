package org.reap.render.chart;

import org.w3c.dom.Element;

/**
 * A {@code <div class="reap-chart">} found in a document, with its parsed specification.
 *
 * @param element the div
 * @param number 1-based position among the document's charts
 * @param altText the text alternative (the div's aria-label)
 * @param spec the parsed data-chart specification
 */
public record ChartElement(Element element, int number, String altText, ChartSpec spec) {}
