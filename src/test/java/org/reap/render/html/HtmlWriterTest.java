package org.reap.render.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.reap.render.RenderException;
import org.reap.render.pdf.SecureXml;
import org.reap.render.testing.Samples;

class HtmlWriterTest {
  private final HtmlWriter writer = new HtmlWriter();

  @Test
  void writesHtml5WithInlineSvgCharts() throws Exception {
    String html = writer.toHtml(Samples.memo(1));
    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">");
    assertThat(html)
        .contains("<head><meta charset=\"utf-8\"><title>Racial Equity Action Plan 2024</title>");
    assertThat(html).doesNotContain("xmlns", "<?xml", "data-chart", "jfreesvg", "xml:lang");
    assertThat(html)
        .containsPattern(
            "<svg aria-label=\"Line chart: share of contract dollars[^\"]*\""
                + " class=\"reap-chart\" [^>]*role=\"img\"");
    assertThat(html).contains("class=\"reap-chart gantt\"");
    assertThat(html)
        .containsPattern(
            "<svg [^>]*role=\"img\"[^>]*><title>Timeline of six tasks; two are done, one"
                + " is late.</title>");
    assertThat(html)
        .contains(
            ">Share of contracts to minority-owned firms</text>",
            ">Council vote</text>",
            ">As of Oct 29, 2024</text>");
    assertThat(html.split("<svg ", -1)).hasSize(3);
  }

  @Test
  void isDeterministic() throws Exception {
    String xhtml = Samples.memo(2);
    assertThat(writer.toHtml(xhtml)).isEqualTo(writer.toHtml(xhtml));
  }

  @Test
  void usesHtmlSyntaxForVoidElementsTextAndStyle() throws Exception {
    String xhtml =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"fr\"><head><title>t</title>"
            + "<style>p > b { color: red }</style></head><body><p>a&lt;b &amp; c&#160;d<br/>"
            + "<img src=\"x.png\" alt=\"a &quot;quote&quot;\"/></p><div></div><!-- note --></body></html>";
    String html = writer.toHtml(xhtml);
    assertThat(html)
        .isEqualTo(
            "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>t</title>"
                + "<style>p > b { color: red }</style></head><body><p>a&lt;b &amp; c&nbsp;d<br>"
                + "<img alt=\"a &quot;quote&quot;\" src=\"x.png\"></p><div></div><!-- note --></body></html>\n");
  }

  @Test
  void theSvgIsWellFormedAndKeepsTheDivsIdAndStyle() throws Exception {
    String body =
        "<div id=\"c1\" class=\"reap-chart\" style=\"width: 300pt; height: 150pt\" role=\"img\""
            + " aria-label=\"Bars\" data-chart=\""
            + Samples.attr(Samples.BAR_CHART)
            + "\"></div>";
    String html = writer.toHtml(Samples.page(body));
    String svg = html.substring(html.indexOf("<svg "), html.indexOf("</svg>") + 6);
    assertThat(svg)
        .contains(
            "id=\"c1\"",
            "style=\"width: 300pt; height: 150pt\"",
            "viewBox=\"0 0 300 150\"",
            "aria-label=\"Bars\"");
    // parses as XML once the namespace HTML implies is added back
    SecureXml.parse(svg.replaceFirst("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" "), "svg");
  }

  @Test
  void refusesXxeLikeThePdfEngine() {
    String xhtml =
        "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body>&x;</body></html>";
    assertThatThrownBy(() -> writer.toHtml(xhtml))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesAStyleThatWouldEndEarly() {
    String xhtml =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>/* </style> */</style></head>"
            + "<body/></html>";
    assertThatThrownBy(() -> writer.toHtml(xhtml.replace("/* </style> */", "/* &lt;/style> */")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("</style");
  }

  @Test
  void readsChartSizeFromDeclarations() {
    assertThat(ChartSize.parse("width: 4in; height:96px")).containsExactly(288, 72);
    assertThat(ChartSize.parse("margin: 2pt; width: 100%")).containsExactly(-1, -1);
    assertThat(ChartSize.parse("height: 2.54cm")).containsExactly(-1, 72.0);
    assertThat(ChartSize.parse("height: 2in; height: auto")).containsExactly(-1, -1);
  }

  @Test
  void readsChartSizeFromClassRulesThenTheStyleAttribute() throws Exception {
    String css =
        "@page { margin: 1in; @top-left { content: 'x'; } }\n"
            + ".reap-chart { display: block; width: 6.8in; height: 3in; }\n"
            + "/* wide */ div.reap-chart.wide { width: 9.6in; height: 4.2in; }\n"
            + ".reap-chart.gantt, .other { height: auto }\n";
    String body =
        "<div class=\"reap-chart wide\" role=\"img\" aria-label=\"w\" data-chart=\"%s\"></div>"
            + "<div class=\"reap-chart\" role=\"img\" aria-label=\"n\" data-chart=\"%s\"></div>"
            + "<div class=\"reap-chart gantt\" style=\"width: 300pt\" role=\"img\" aria-label=\"g\""
            + " data-chart=\"%s\"></div>";
    String xhtml =
        Samples.page(
                body.formatted(
                    Samples.attr(Samples.BAR_CHART),
                    Samples.attr(Samples.BAR_CHART),
                    Samples.attr(Samples.GANTT_CHART)))
            .replace("<style>", "<style>" + css);
    String html = writer.toHtml(xhtml);
    // the page's own later ".reap-chart { width: 400pt; height: 240pt }" beats the first rule
    assertThat(html).contains("viewBox=\"0 0 691.2 302.4\"", "viewBox=\"0 0 400 240\"");
    double ganttHeight =
        org.reap.render.chart.ChartBuilder.defaultHeight(
            org.reap.render.chart.ChartSpecParser.parse(Samples.GANTT_CHART, "g"), 300);
    assertThat(html).contains("viewBox=\"0 0 300 " + (long) ganttHeight + "\"");
  }
}
