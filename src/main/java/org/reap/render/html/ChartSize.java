package org.reap.render.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The width and height (in points) a chart div gets from the document's own CSS, so that the HTML's
 * SVG is drawn at the same size and aspect ratio as the PDF's chart. Understands rules in {@code
 * <style>} elements whose selector is a class list such as {@code .reap-chart} or {@code
 * div.reap-chart.wide} (more classes win, then later rules), then the div's {@code style}
 * attribute; only absolute lengths (pt, px, in, cm, mm, pc) and {@code auto} count.
 */
final class ChartSize {
  private static final Pattern RULE = Pattern.compile("([^{}]*)\\{([^{}]*)\\}");
  private static final Pattern SELECTOR = Pattern.compile("(?:div)?((?:\\.[A-Za-z0-9_-]+)+)");
  private static final Pattern LENGTH =
      Pattern.compile(
          "(?:^|;)\\s*(width|height)\\s*:\\s*(?:([0-9]*\\.?[0-9]+)\\s*(pt|px|in|cm|mm|pc)|auto)\\s*"
              + "(?:!important\\s*)?(?=;|$)",
          Pattern.CASE_INSENSITIVE);

  private record Rule(Set<String> classes, int order, String declarations) {}

  private final List<Rule> rules = new ArrayList<>();

  ChartSize(Document doc) {
    NodeList styles = doc.getElementsByTagNameNS("*", "style");
    for (int i = 0; i < styles.getLength(); i++) {
      String css = styles.item(i).getTextContent().replaceAll("(?s)/\\*.*?\\*/", "");
      Matcher m = RULE.matcher(css);
      while (m.find()) {
        for (String selector : m.group(1).split(",")) {
          Matcher s = SELECTOR.matcher(selector.strip());
          if (s.matches()) {
            Set<String> classes =
                new HashSet<>(Arrays.asList(s.group(1).substring(1).split("\\.")));
            rules.add(new Rule(classes, rules.size(), m.group(2)));
          }
        }
      }
    }
    rules.sort(Comparator.comparingInt((Rule r) -> r.classes.size()).thenComparingInt(Rule::order));
  }

  /** {width, height} in points; -1 where nothing absolute was found. */
  double[] of(Element div) {
    Set<String> classes =
        new HashSet<>(Arrays.asList(div.getAttribute("class").trim().split("\\s+")));
    double[] wh = {-1, -1};
    for (Rule r : rules) {
      if (classes.containsAll(r.classes)) {
        apply(r.declarations, wh);
      }
    }
    apply(div.getAttribute("style"), wh);
    return wh;
  }

  /** Width and height in points from a declaration list; -1 where absent or relative. */
  static double[] parse(String declarations) {
    double[] wh = {-1, -1};
    apply(declarations, wh);
    return wh;
  }

  private static void apply(String declarations, double[] wh) {
    Matcher m = LENGTH.matcher(declarations.strip());
    while (m.find()) {
      if (m.group(2) == null) { // auto
        wh["width".equalsIgnoreCase(m.group(1)) ? 0 : 1] = -1;
        continue;
      }
      double pt =
          Double.parseDouble(m.group(2))
              * switch (m.group(3).toLowerCase(Locale.ROOT)) {
                case "px" -> 0.75;
                case "in" -> 72;
                case "cm" -> 72 / 2.54;
                case "mm" -> 72 / 25.4;
                case "pc" -> 12;
                default -> 1;
              };
      wh["width".equalsIgnoreCase(m.group(1)) ? 0 : 1] = pt;
    }
  }
}
