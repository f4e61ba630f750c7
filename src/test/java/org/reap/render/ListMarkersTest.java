package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.reap.Pipeline;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** One marker per list item (issue 16 item 7): no bullet before an item's own "1." or "a.". */
class ListMarkersTest {
  private static final Pattern MARKER =
      Pattern.compile("^\\s*(?:\\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\\s.*", Pattern.DOTALL);

  private static String page(String body) {
    return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title></head><body>"
        + body
        + "</body></html>";
  }

  /** Items printed with a bullet and their own marker as well: "• 1. x", "• a. x". */
  static List<String> doubleMarkers(String xhtml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    org.w3c.dom.Document doc =
        f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    List<String> found = new ArrayList<>();
    NodeList lis = doc.getElementsByTagNameNS("*", "li");
    for (int i = 0; i < lis.getLength(); i++) {
      Element li = (Element) lis.item(i);
      if (!(li.getParentNode() instanceof Element ul) || !ul.getLocalName().equals("ul")) {
        continue;
      }
      if (hasClass(ul, "labelled") || hasClass(li, "marked")) {
        continue; // no bullet painted
      }
      Node first = li.getFirstChild();
      while (first != null
          && first.getNodeType() == Node.TEXT_NODE
          && first.getNodeValue().isBlank()) {
        first = first.getNextSibling();
      }
      boolean list = first instanceof Element e && e.getLocalName().equals("ol");
      if (list || MARKER.matcher(li.getTextContent()).matches()) {
        found.add("• " + li.getTextContent().strip().lines().findFirst().orElse(""));
      }
    }
    return found;
  }

  private static boolean hasClass(Element e, String cls) {
    return (" " + e.getAttribute("class") + " ").contains(" " + cls + " ");
  }

  @Test
  void aOneItemNumberedListInABulletBecomesTheItemsNumber() throws Exception {
    String in =
        page(
            "<ul><li><ol start=\"3\">\n<li>Content Input:</li>\n</ol><ul><li>a. <strong>Space:</strong> x</li><li>b. y</li></ul></li><li>plain</li></ul>");
    assertThat(doubleMarkers(in)).hasSize(3);
    String out = ListMarkers.apply(in);
    assertThat(doubleMarkers(out)).isEmpty();
    assertThat(out).contains("<li class=\"marked\">3. Content Input:<ul class=\"labelled\">");
    assertThat(out).contains("<li>plain</li>"); // an item without a marker keeps its bullet
    assertThat(out).doesNotContain("<ol");
  }

  @Test
  void aLongerNumberedListOrAnOrderedListsOwnItemsAreLeftAsTheyAre() throws Exception {
    String in =
        page(
            "<ul><li><ol><li>x</li><li>y</li></ol></li></ul><ol><li>a. z</li></ol><p>a. not an item</p>");
    String out = ListMarkers.apply(in);
    assertThat(out)
        .contains(
            "<ul class=\"labelled\"><li class=\"marked\"><ol><li>x</li><li>y</li></ol></li></ul>");
    assertThat(out).contains("<ol><li>a. z</li></ol><p>a. not an item</p>");
    assertThat(doubleMarkers(out)).isEmpty();
    assertThat(ListMarkers.apply(out)).isEqualTo(out); // a second pass changes nothing
  }

  @Test
  void noSampleDocumentPrintsABulletBeforeItsOwnMarker() throws Exception {
    List<String> problems = new ArrayList<>();
    int marked = 0;
    for (Object[] set :
        new Object[][] {
          {"plans", LocalDate.of(2024, 10, 29)}, {"docs/examples", LocalDate.of(2025, 5, 1)}
        }) {
      Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(Path.of((String) set[0])));
      assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
      LocalDate asOf = (LocalDate) set[1];
      Renderer r =
          new Renderer(
              c.repository(),
              new Renderer.Options(
                  asOf,
                  Renderer.pdfDate(asOf),
                  EnumSet.allOf(Renderer.Format.class),
                  null,
                  Set.of()));
      for (Renderer.Job job : r.jobs()) {
        String xhtml = r.xhtml(job);
        marked += xhtml.split("class=\"marked\"", -1).length - 1;
        for (String p : doubleMarkers(xhtml)) {
          problems.add(set[0] + "/" + job.name() + ": " + p);
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(marked)
        .as("the Sacramento partnership list is printed with its own markers")
        .isGreaterThanOrEqualTo(20);
  }
}
