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
    private static final Set<String> FOLLOWERS = Set.of("p", "ul", "ol", "dl", "blockquote", "div", "table", "pre");

    private KeepWithNext() {}

    static void apply(Document doc) {
        List<Element> headings = new ArrayList<>();
        collect(doc.getDocumentElement(), headings);
        for (Element h : headings) {
            Element next = nextElement(h);
            if (next == null || !FOLLOWERS.contains(TagRoles.name(next)) || HEADINGS.contains(TagRoles.name(next))) {
                continue;
            }
            Element wrap = doc.createElementNS(h.getNamespaceURI(), "div");
            wrap.setAttribute(ATTRIBUTE, "");
            wrap.setAttribute("style", "page-break-inside: avoid");
            h.getParentNode().insertBefore(wrap, h);
            wrap.appendChild(h);
            wrap.appendChild(next);
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
