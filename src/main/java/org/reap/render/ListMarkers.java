package org.reap.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One marker per list item. Text often carries its own marker ("1. Content Input:", "a. Space:"),
 * and a template prints it as an item of a bulleted list; by then the Markdown is already XHTML, so
 * "1. x" has become a numbered list of its own inside the bullet and "a. x" a paragraph, and the
 * page printed "• 1." and "• a.". This pass, run on every filled template (PDF and HTML alike),
 * finds each item of a bulleted list ({@code <ul>}) that starts with its own marker and prints that
 * marker only:
 *
 * <ul>
 *   <li>an item that starts with a one-item numbered list ({@code <li><ol
 *       start="3"><li>x</li></ol>}) becomes "3. x" in the item itself;
 *   <li>an item that starts with a longer numbered list, or with text that starts "a.", "1)", "iv."
 *       keeps its content;
 * </ul>
 *
 * and such an item gets {@code class="marked"} (no bullet). A list whose items all carry their own
 * marker gets {@code class="labelled"}, as the templates give such lists, so the PDF's structure
 * tree says it paints no marker.
 */
public final class ListMarkers {
  static final String MARKED = "marked";
  private static final Pattern TAG = Pattern.compile("<(/?)(ul|ol|li)(\\s[^>]*)?>");

  /** A one-item numbered list right after an item's start, its item holding no list or item. */
  private static final Pattern ONE_ITEM_OL =
      Pattern.compile(
          "\\G<ol(?: start=\"(\\d{1,9})\")?>\\s*<li>((?:(?!</?(?:li|ol|ul)[\\s>/]).)*?)</li>\\s*</ol>",
          Pattern.DOTALL);

  /** Text that starts with its own marker, after any inline tags that open the item. */
  private static final Pattern TEXT_MARKER =
      Pattern.compile(
          "\\G(?:<(?:strong|em|b|i|span)(?:\\s[^>]*)?>)*(?:\\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\\s");

  private static final Pattern OL_START = Pattern.compile("\\G<ol[\\s>]");

  private ListMarkers() {}

  /**
   * {@code xhtml} with every item of a bulleted list that has its own marker printed with that one.
   */
  public static String apply(String xhtml) {
    int body = xhtml.indexOf("<body");
    if (body < 0 || xhtml.indexOf("<li", body) < 0) {
      return xhtml;
    }
    StringBuilder out = new StringBuilder(xhtml.length() + 64);
    Deque<ListState> open = new ArrayDeque<>();
    Matcher m = TAG.matcher(xhtml);
    int at = 0;
    m.region(body, xhtml.length());
    List<int[]> labelledAt =
        new ArrayList<>(); // positions in out where " class=..." goes on a <ul>
    while (m.find()) {
      out.append(xhtml, at, m.start());
      at = m.end();
      boolean close = !m.group(1).isEmpty();
      String name = m.group(2);
      String attrs = m.group(3) == null ? "" : m.group(3);
      if (name.equals("li")) {
        ListState parent = open.peek();
        if (close || parent == null || !parent.bulleted) {
          out.append(m.group());
          if (!close && parent != null) {
            parent.items++;
          }
          continue;
        }
        parent.items++;
        Matcher ol = ONE_ITEM_OL.matcher(xhtml).region(at, xhtml.length());
        boolean startsWithList = OL_START.matcher(xhtml).region(at, xhtml.length()).lookingAt();
        if (ol.lookingAt()) {
          String n = ol.group(1) == null ? "1" : ol.group(1);
          out.append(withClass("li", attrs, MARKED)).append(n).append(". ").append(ol.group(2));
          at = ol.end();
          m.region(at, xhtml.length()); // go on after the list just printed as a marker
          parent.marked++;
        } else if (startsWithList
            || TEXT_MARKER.matcher(xhtml).region(at, xhtml.length()).lookingAt()) {
          out.append(withClass("li", attrs, MARKED));
          parent.marked++;
        } else {
          out.append(m.group());
        }
        continue;
      }
      if (!close) {
        ListState s = new ListState(name.equals("ul"), out.length(), attrs);
        open.push(s);
        out.append(m.group());
      } else {
        ListState s = open.poll();
        if (s != null
            && s.bulleted
            && s.items > 0
            && s.marked == s.items
            && !hasClass(s.attrs, "labelled")) {
          labelledAt.add(new int[] {s.start});
        }
        out.append(m.group());
      }
    }
    out.append(xhtml, at, xhtml.length());
    // the <ul> tags of fully marked lists get class="labelled", last first so positions hold
    for (int i = labelledAt.size() - 1; i >= 0; i--) {
      int start = labelledAt.get(i)[0];
      int end = out.indexOf(">", start) + 1;
      Matcher t = TAG.matcher(out.substring(start, end));
      if (t.lookingAt()) {
        out.replace(start, end, withClass("ul", t.group(3) == null ? "" : t.group(3), "labelled"));
      }
    }
    return out.toString();
  }

  private static boolean hasClass(String attrs, String cls) {
    Matcher c = Pattern.compile("\\sclass=\"([^\"]*)\"").matcher(attrs);
    return c.find() && (" " + c.group(1) + " ").contains(" " + cls + " ");
  }

  private static String withClass(String tag, String attrs, String cls) {
    Matcher c = Pattern.compile("\\sclass=\"([^\"]*)\"").matcher(attrs);
    if (c.find()) {
      if ((" " + c.group(1) + " ").contains(" " + cls + " ")) {
        return "<" + tag + attrs + ">";
      }
      return "<"
          + tag
          + attrs.substring(0, c.start(1))
          + c.group(1)
          + " "
          + cls
          + attrs.substring(c.end(1))
          + ">";
    }
    return "<" + tag + " class=\"" + cls + "\"" + attrs + ">";
  }

  private static final class ListState {
    final boolean bulleted;
    final int start;
    final String attrs;
    int items;
    int marked;

    ListState(boolean bulleted, int start, String attrs) {
      this.bulleted = bulleted;
      this.start = start;
      this.attrs = attrs;
    }
  }
}
