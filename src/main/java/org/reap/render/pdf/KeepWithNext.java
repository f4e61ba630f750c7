package org.reap.render.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Keeps each heading with what follows it, in print only. Flying Saucer does not honour {@code
 * page-break-after: avoid} when the next block moves to the next page, so a heading could be left
 * alone at the foot of a page. Before layout, each heading and the block after it are wrapped in a
 * {@code <div data-reap-keep="">} that may not break inside ({@code page-break-inside: avoid}):
 * together they move to the next page when they do not fit. A pair taller than a page breaks as
 * before. The wrapper adds no structure element (see {@link TagRoles}).
 */
final class KeepWithNext {
  static final String ATTRIBUTE = "data-reap-keep";
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> FOLLOWERS =
      Set.of("p", "ul", "ol", "dl", "blockquote", "div", "table", "pre");

  private KeepWithNext() {}

  static void apply(Document doc) {
    List<Element> headings = new ArrayList<>();
    collect(doc.getDocumentElement(), headings);
    java.util.Set<Element> wrapped =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Element h : headings) {
      if (wrapped.contains(h)) {
        continue;
      }
      // a heading followed by headings (h2, then h3) keeps with all of them and the block after
      List<Element> group = new ArrayList<>(List.of(h));
      Element next = nextElement(h);
      while (next != null && HEADINGS.contains(TagRoles.name(next)) && group.size() < 4) {
        group.add(next);
        next = nextElement(next);
      }
      if (next == null || !FOLLOWERS.contains(TagRoles.name(next))) {
        continue;
      }
      group.add(next);
      Element wrap = doc.createElementNS(h.getNamespaceURI(), "div");
      wrap.setAttribute(ATTRIBUTE, "");
      wrap.setAttribute("style", "page-break-inside: avoid");
      h.getParentNode().insertBefore(wrap, h);
      for (Element e : group) {
        wrap.appendChild(e);
        wrapped.add(e);
      }
    }
  }

  private static void collect(Element e, List<Element> out) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element ce) {
        String n = TagRoles.name(ce);
        if (HEADINGS.contains(n)) {
          out.add(ce);
        } else if (!n.equals("head") && !n.equals("table") && !n.equals("li")) {
          collect(ce, out);
        }
      }
    }
  }

  private static Element nextElement(Element e) {
    for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element ne) {
        return ne;
      }
      if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
        return null;
      }
    }
    return null;
  }
}
