package org.reap.render.html;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reap.render.RenderException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes an XHTML DOM in HTML5 syntax: {@code <!DOCTYPE html>}, void elements without end tags,
 * raw-text {@code style}/{@code script}, no namespace declarations, {@code xml:lang} as {@code
 * lang}, and a {@code <meta charset="utf-8">} at the top of {@code head}. Elements listed in {@code
 * replacements} are written as the given (SVG) element instead. Output is a pure function of the
 * DOM, so it is deterministic.
 */
final class Html5Serializer {
  static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
  static final String SVG_NS = "http://www.w3.org/2000/svg";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
  private static final String XLINK_NS = "http://www.w3.org/1999/xlink";

  private static final Set<String> VOID =
      Set.of(
          "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
          "track", "wbr");
  private static final Set<String> RAW_TEXT = Set.of("style", "script");

  private final Map<Element, Element> replacements;
  private final StringBuilder out = new StringBuilder(16 * 1024);

  private Html5Serializer(Map<Element, Element> replacements) {
    this.replacements = replacements;
  }

  static String serialize(Document doc, Map<Element, Element> replacements) throws RenderException {
    Html5Serializer s = new Html5Serializer(replacements);
    s.out.append("<!DOCTYPE html>\n");
    s.html(doc.getDocumentElement());
    s.out.append('\n');
    return s.out.toString();
  }

  private void html(Element e) throws RenderException {
    Element replacement = replacements.get(e);
    if (replacement != null) {
      foreign(replacement);
      return;
    }
    if (SVG_NS.equals(e.getNamespaceURI())) {
      foreign(e);
      return;
    }
    String name = localName(e).toLowerCase(Locale.ROOT);
    out.append('<').append(name);
    htmlAttributes(e);
    out.append('>');
    if (VOID.contains(name)) {
      return;
    }
    if (name.equals("head") && !hasCharset(e)) {
      out.append("<meta charset=\"utf-8\">");
    }
    if (RAW_TEXT.contains(name)) {
      String text = e.getTextContent();
      if (text.toLowerCase(Locale.ROOT).contains("</" + name)) {
        throw new RenderException(
            "A <"
                + name
                + "> element contains the text \"</"
                + name
                + "\", which"
                + " would end it early in HTML. Remove or escape it (in CSS, write \\3C /"
                + name
                + ").");
      }
      out.append(text);
    } else {
      children(e);
    }
    out.append("</").append(name).append('>');
  }

  private void children(Element e) throws RenderException {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      switch (n.getNodeType()) {
        case Node.ELEMENT_NODE -> html((Element) n);
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(n.getNodeValue());
        case Node.COMMENT_NODE -> comment(n.getNodeValue());
        default -> {
          // processing instructions and the like have no HTML form
        }
      }
    }
  }

  private void htmlAttributes(Element e) {
    NamedNodeMap attrs = e.getAttributes();
    boolean hasLang = e.hasAttribute("lang");
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      String ns = a.getNamespaceURI();
      if (XMLNS_NS.equals(ns) || a.getName().equals("xmlns") || a.getName().startsWith("xmlns:")) {
        continue;
      }
      if (XML_NS.equals(ns) && "lang".equals(a.getLocalName())) {
        if (!hasLang) {
          attribute("lang", a.getValue());
        }
        continue;
      }
      attribute(ns == null ? a.getName().toLowerCase(Locale.ROOT) : a.getName(), a.getValue());
    }
  }

  /** SVG (foreign content): names keep their case, empty elements self-close. */
  private void foreign(Element e) {
    String name = localName(e);
    out.append('<').append(name);
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      String ns = a.getNamespaceURI();
      if (XMLNS_NS.equals(ns) || a.getName().equals("xmlns") || a.getName().startsWith("xmlns:")) {
        continue;
      }
      if (ns == null) {
        attribute(a.getName(), a.getValue());
      } else if (XLINK_NS.equals(ns)) {
        attribute("xlink:" + a.getLocalName(), a.getValue());
      } else if (XML_NS.equals(ns)) {
        attribute("xml:" + a.getLocalName(), a.getValue());
      }
      // attributes in other namespaces (e.g. a library's private hints) are dropped
    }
    if (e.getFirstChild() == null) {
      out.append("/>");
      return;
    }
    out.append('>');
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      switch (n.getNodeType()) {
        case Node.ELEMENT_NODE -> foreign((Element) n);
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(n.getNodeValue());
        default -> {
          // comments and PIs inside charts are not needed
        }
      }
    }
    out.append("</").append(name).append('>');
  }

  private void attribute(String name, String value) {
    out.append(' ').append(name).append("=\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\u00A0' -> out.append("&nbsp;");
        default -> out.append(c);
      }
    }
    out.append('"');
  }

  private void text(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\u00A0' -> out.append("&nbsp;");
        default -> out.append(c);
      }
    }
  }

  private void comment(String value) {
    String safe = value.replace("--", "- -");
    if (safe.startsWith(">") || safe.startsWith("->")) {
      safe = " " + safe;
    }
    out.append("<!--").append(safe).append("-->");
  }

  private static boolean hasCharset(Element head) {
    for (Node n = head.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element m
          && "meta".equalsIgnoreCase(localName(m))
          && (m.hasAttribute("charset")
              || "content-type".equalsIgnoreCase(m.getAttribute("http-equiv")))) {
        return true;
      }
    }
    return false;
  }

  private static String localName(Element e) {
    return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
  }
}
