package org.reap.render.pdf;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What each XHTML element becomes in the PDF structure tree, and where it stands in the logical
 * (document) order. Decisions are made from the DOM alone, so they are the same on every page and
 * in every render:
 *
 * <ul>
 *   <li>{@code body} is the Document; h1–h6, p, tables, lists, links, quotes and figures get their
 *       standard structure types; div-like elements become P when they hold only inline content,
 *       Div otherwise; inline elements (span, em, strong...) add nothing unless they change the
 *       language ({@code lang}), when they become a Span with /Lang.
 *   <li>{@code aria-hidden="true"} and {@code <img alt="">} are decoration: their content is
 *       painted as an artifact.
 *   <li>{@code role="presentation"} (or none) on a table makes a layout table: no Table, rows
 *       vanish, cells become Div or P.
 *   <li>{@code role="img"} makes a Figure whose /Alt is {@code aria-label}; an {@code img} is a
 *       Figure with its {@code alt}.
 * </ul>
 */
final class TagRoles {
  static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  /** Marks decoration: content under such an element is an artifact. */
  static final String ARTIFACT = "#artifact";

  /**
   * Marks the header rows of a table continued from an earlier slice of a long document: painted as
   * on any page, but artifacts, since the joined PDF's table has its header once. On the body, the
   * heading levels still open where the slice starts (see {@link #levelHeadings}).
   */
  static final String CONTINUED = "data-reap-continued";

  private static final Set<String> BLOCKS =
      Set.of(
          "address",
          "article",
          "aside",
          "blockquote",
          "dd",
          "div",
          "dl",
          "dt",
          "fieldset",
          "figure",
          "figcaption",
          "footer",
          "form",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "header",
          "hr",
          "li",
          "main",
          "nav",
          "ol",
          "p",
          "pre",
          "section",
          "table",
          "ul");

  private final Map<Node, Integer> order = new IdentityHashMap<>();
  private final Map<Element, String> types = new IdentityHashMap<>();
  private final Map<Element, Boolean> hidden = new IdentityHashMap<>();
  private final Map<Element, Integer> levels = new IdentityHashMap<>();
  private final Element body;
  private final String documentLanguage;

  TagRoles(Document doc) {
    Element html = doc.getDocumentElement();
    number(html, 0);
    Element b = null;
    for (Node n = html.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "body".equals(name(e))) {
        b = e;
      }
    }
    body = b == null ? html : b;
    String lang = ownLanguage(html);
    documentLanguage = lang == null ? ownLanguage(body) : lang;
    levelHeadings();
  }

  /**
   * PDF/UA wants the first heading to be H1 and no level skipped on the way down; HTML allows both
   * (a title styled as a div, then h2s; an h1 followed by h3s). Levels are renumbered by their
   * place in the outline, so siblings stay siblings and children children: each heading gets one
   * more than the number of enclosing headings (those before it with a smaller level). A template
   * whose headings already go h1, h2, h3... keeps its levels. A later slice of a long document
   * names the levels of the headings still open where it starts in the body's {@link #CONTINUED}
   * attribute ("1": under the document's h1), so its headings keep the levels they have in the
   * whole document.
   */
  private void levelHeadings() {
    int[] open = new int[7];
    int depth = 0;
    // a later slice of a long document: the headings of the slices before it that are still open
    for (String t : body.getAttribute(CONTINUED).strip().split("\\s+")) {
      if (t.length() == 1
          && t.charAt(0) >= '1'
          && t.charAt(0) <= '6'
          && depth < open.length - 1
          && (depth == 0 || open[depth - 1] < t.charAt(0) - '0')) {
        open[depth++] = t.charAt(0) - '0';
      }
    }
    Node n = body;
    while (n != null) {
      if (n instanceof Element e) {
        int level = headingLevel(e);
        String role = e.getAttribute("role").strip().toLowerCase(Locale.ROOT);
        if (level > 0
            && !"true".equals(e.getAttribute("aria-hidden").strip())
            && !role.equals("presentation")
            && !role.equals("none")) {
          while (depth > 0 && open[depth - 1] >= level) {
            depth--;
          }
          open[depth++] = level;
          levels.put(e, depth);
        }
      }
      if (n.getFirstChild() != null) {
        n = n.getFirstChild();
        continue;
      }
      while (n != null && n != body && n.getNextSibling() == null) {
        n = n.getParentNode();
      }
      n = n == null || n == body ? null : n.getNextSibling();
    }
  }

  private static int headingLevel(Element e) {
    String n = name(e);
    return n.length() == 2 && n.charAt(0) == 'h' && n.charAt(1) >= '1' && n.charAt(1) <= '6'
        ? n.charAt(1) - '0'
        : 0;
  }

  /** The heading level the PDF uses for an h1-h6 element (see {@link #levelHeadings}). */
  int headingLevel(Element e, int fallback) {
    Integer l = levels.get(e);
    return l == null ? fallback : l;
  }

  /** Preorder numbering of elements and text; iterative so deep documents do not overflow. */
  private int number(Node root, int start) {
    int i = start;
    Node n = root;
    while (n != null) {
      order.put(n, i++);
      if (n.getFirstChild() != null) {
        n = n.getFirstChild();
        continue;
      }
      while (n != null && n != root && n.getNextSibling() == null) {
        n = n.getParentNode();
      }
      n = n == null || n == root ? null : n.getNextSibling();
    }
    return i;
  }

  Element body() {
    return body;
  }

  /** The language on {@code <html>} (or body), or null. */
  String documentLanguage() {
    return documentLanguage;
  }

  /** Position in document order (elements and text nodes); -1 for nodes not in the document. */
  int order(Node n) {
    Integer i = order.get(n);
    return i == null ? -1 : i;
  }

  /**
   * The structure type of an element: a standard name ("P", "TH", ...), null when it adds no
   * structure element (its content belongs to the nearest ancestor that does), or {@link
   * #ARTIFACT}.
   */
  String type(Element e) {
    String t = types.get(e);
    if (t == null && !types.containsKey(e)) {
      t = decide(e);
      types.put(e, t);
    }
    return t;
  }

  /** True when the element or an ancestor is decoration (aria-hidden, or an image with alt=""). */
  boolean isDecoration(Element e) {
    Boolean h = hidden.get(e);
    if (h == null) {
      h =
          ARTIFACT.equals(type(e))
              || (e.getParentNode() instanceof Element p && e != body && isDecoration(p));
      hidden.put(e, h);
    }
    return h;
  }

  private String decide(Element e) {
    if (e == body) {
      return "Document";
    }
    if ("true".equals(e.getAttribute("aria-hidden").strip().toLowerCase(Locale.ROOT))) {
      return ARTIFACT;
    }
    String n = name(e);
    if (n.equals("thead") && e.hasAttribute(CONTINUED)) {
      return ARTIFACT; // a later slice's copy of the header rows: the first slice's are the table's
    }
    if (n.equals("div") && e.hasAttribute(KeepWithNext.ATTRIBUTE)) {
      return null; // a print-only wrapper: its content belongs to the parent
    }
    String role = e.getAttribute("role").strip().toLowerCase(Locale.ROOT);
    boolean presentational = role.equals("presentation") || role.equals("none");
    String t = baseType(e, n, role, presentational);
    if (t == null && hasOwnLanguageChange(e)) {
      t = "Span";
    }
    return t;
  }

  private String baseType(Element e, String n, String role, boolean presentational) {
    if (n.equals("img")) {
      boolean hasAlt = e.hasAttribute("alt");
      return (hasAlt && e.getAttribute("alt").isBlank()) || presentational ? ARTIFACT : "Figure";
    }
    if (role.equals("img")) {
      return "Figure";
    }
    int level = headingLevel(e);
    if (level > 0) {
      return presentational ? blockOrParagraph(e) : "H" + headingLevel(e, level);
    }
    switch (n) {
      case "p":
        return "P";
      case "ul":
      case "ol":
        return presentational ? "Div" : "L";
      case "li":
        return parentIsList(e) ? "LI" : blockOrParagraph(e);
      case "table":
        return presentational ? null : "Table";
      case "caption":
        return inLayoutTable(e) ? "P" : "Caption";
      case "thead":
        return inLayoutTable(e) ? null : "THead";
      case "tbody":
        return inLayoutTable(e) ? null : "TBody";
      case "tfoot":
        return inLayoutTable(e) ? null : "TFoot";
      case "tr":
        return inLayoutTable(e) ? null : "TR";
      case "th":
        return inLayoutTable(e) ? blockOrParagraph(e) : "TH";
      case "td":
        return inLayoutTable(e) ? blockOrParagraph(e) : "TD";
      case "a":
        return e.hasAttribute("href") && !presentational ? "Link" : null;
      case "blockquote":
        return "BlockQuote";
      case "q":
        return "Quote";
      case "code":
      case "kbd":
      case "samp":
        return "Code";
      case "pre":
        return "P";
      case "figcaption":
        return "Caption";
      case "section":
        return presentational ? "Div" : "Sect";
      case "article":
        return presentational ? "Div" : "Art";
      case "dl":
        return "Div";
      case "dt":
        return "P";
      case "dd":
      case "div":
      case "header":
      case "footer":
      case "aside":
      case "nav":
      case "main":
      case "address":
      case "figure":
      case "form":
      case "fieldset":
        return blockOrParagraph(e);
      default:
        return null;
    }
  }

  /** P for a block that holds only inline content and some text; Div for one that holds blocks. */
  private String blockOrParagraph(Element e) {
    boolean text = false;
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce) {
        String cn = name(ce);
        if (BLOCKS.contains(cn) || "img".equals(ce.getAttribute("role"))) {
          return "Div";
        }
        text = true; // inline elements count as content
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        text |= !c.getNodeValue().isBlank();
      }
    }
    return text ? "P" : "Div";
  }

  private boolean parentIsList(Element li) {
    if (li.getParentNode() instanceof Element p) {
      String pn = name(p);
      return (pn.equals("ul") || pn.equals("ol")) && "L".equals(type(p));
    }
    return false;
  }

  /**
   * The element sits in a table marked role="presentation" (and not in a real table nested in it).
   */
  private boolean inLayoutTable(Element e) {
    for (Node p = e.getParentNode(); p instanceof Element pe; p = p.getParentNode()) {
      if ("table".equals(name(pe))) {
        String r = pe.getAttribute("role").strip().toLowerCase(Locale.ROOT);
        return r.equals("presentation") || r.equals("none");
      }
    }
    return false;
  }

  /** The element's own lang (or xml:lang) when it differs from its parent's language. */
  String languageChange(Element e) {
    String own = ownLanguage(e);
    if (own == null || e == body) {
      return null;
    }
    String inherited = e.getParentNode() instanceof Element p ? language(p) : null;
    return own.equalsIgnoreCase(inherited == null ? "" : inherited) ? null : own;
  }

  private boolean hasOwnLanguageChange(Element e) {
    return languageChange(e) != null;
  }

  /** The language in effect for an element (its own or an ancestor's), or null. */
  String language(Element e) {
    for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
      String l = ownLanguage(el);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  static String ownLanguage(Element e) {
    String l = e.getAttributeNS(XML_NS, "lang");
    if (l == null || l.isBlank()) {
      l = e.getAttribute("lang");
    }
    return l == null || l.isBlank() ? null : l.strip();
  }

  static String name(Element e) {
    String n = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    int colon = n.indexOf(':');
    return (colon >= 0 ? n.substring(colon + 1) : n).toLowerCase(Locale.ROOT);
  }
}
