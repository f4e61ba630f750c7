package org.reap.render.pdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNameTree;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfStructureElement;
import org.openpdf.text.pdf.PdfStructureTreeRoot;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The structure tree of one PDF, built while Flying Saucer paints: one structure element per XHTML
 * element that {@link TagRoles} maps (created the first time content of it is painted), its parent
 * the nearest mapped ancestor in the DOM, and marked-content references in logical order.
 *
 * <p>OpenPDF keeps the ParentTree: {@link
 * PdfContentByte#beginMarkedContentSequence(PdfStructureElement, PdfDictionary)} allocates the MCID
 * and records the element for it. That method refuses elements that already have kids, so during
 * painting no element has /K; {@link #finish} writes every /K at the end, children and content
 * sorted by their position in the document (paint order is not reading order: Flying Saucer paints
 * an inline box's own text before nested inline text, list markers and images after the lines
 * around them, and a table's footer on every page).
 */
final class StructureTree {
  static final PdfName DOCUMENT = new PdfName("Document");
  static final PdfName LBODY = new PdfName("LBody");
  static final PdfName LBL = new PdfName("Lbl");
  static final PdfName TBODY = new PdfName("TBody");
  static final PdfName TR = new PdfName("TR");
  static final PdfName SPAN = new PdfName("Span");
  private static final PdfName ACTUAL_TEXT = new PdfName("ActualText");
  private static final PdfName MCR = new PdfName("MCR");
  private static final PdfName OBJR = new PdfName("OBJR");
  private static final PdfName STRUCT_ELEM = new PdfName("StructElem");
  private static final PdfName ATTR_OWNER_TABLE = new PdfName("Table");
  private static final PdfName ATTR_OWNER_LIST = new PdfName("List");
  private static final PdfName ATTR_OWNER_LAYOUT = new PdfName("Layout");
  private static final PdfName SCOPE = new PdfName("Scope");
  private static final PdfName ROW_SPAN = new PdfName("RowSpan");
  private static final PdfName HEADERS = new PdfName("Headers");
  private static final PdfName ID_TREE = new PdfName("IDTree");
  private static final PdfName COL_SPAN = new PdfName("ColSpan");
  private static final PdfName LIST_NUMBERING = new PdfName("ListNumbering");
  private static final PdfName BBOX = new PdfName("BBox");
  private static final PdfName ROW = new PdfName("Row");
  private static final PdfName COLUMN = new PdfName("Column");
  private static final PdfName BOTH = new PdfName("Both");

  /** One structure element. */
  static final class Node {
    final PdfName type;
    final Element element;
    final long key;
    final PdfStructureElement pdf;
    final List<Node> kids = new ArrayList<>(4);
    final List<Item> items = new ArrayList<>(2);

    /** The THead or TFoot this element is in (or is), whose rows repeat on later pages; or null. */
    Node section;

    /**
     * For a THead or TFoot: the page its rows were first tagged on (later copies are artifacts).
     */
    int firstPage = -1;

    private boolean numbered;
    private Node body;
    private Node label;

    Node(PdfName type, Element element, long key, PdfStructureElement pdf) {
      this.type = type;
      this.element = element;
      this.key = key;
      this.pdf = pdf;
    }
  }

  /**
   * A marked-content reference (page and MCID) or an object reference (objr), with its place in the
   * document.
   */
  record Item(long key, PdfIndirectReference page, int mcid, PdfDictionary objr) {}

  private final TagRoles roles;
  private final PdfWriter writer;
  private final PdfStructureTreeRoot root;
  private final Node document;
  private final Map<Element, Node> nodes = new IdentityHashMap<>();
  private final Map<Element, Element> mappedAncestor = new IdentityHashMap<>();
  private final List<Node> tables = new ArrayList<>();

  /** Structure element /ID to element, for the root's /IDTree (table headers that cells name). */
  private final Map<String, PdfIndirectReference> ids = new java.util.TreeMap<>();

  StructureTree(TagRoles roles, PdfWriter writer) {
    this.roles = roles;
    this.writer = writer;
    this.root = writer.getStructureTreeRoot();
    PdfStructureElement doc = new PdfStructureElement(root, DOCUMENT);
    String lang = roles.documentLanguage();
    if (lang != null) {
      doc.put(PdfName.LANG, new PdfString(lang, PdfObject.TEXT_UNICODE));
    }
    document = new Node(DOCUMENT, roles.body(), key(roles.order(roles.body()), 0), doc);
    nodes.put(roles.body(), document);
  }

  private static final Map<String, PdfName> NAMES = new java.util.concurrent.ConcurrentHashMap<>();

  /** Structure type names are few: one PdfName each. */
  static PdfName name(String type) {
    return NAMES.computeIfAbsent(type, PdfName::new);
  }

  static long key(int order, int offset) {
    return ((long) order << 32) | (offset & 0xffffffffL);
  }

  TagRoles roles() {
    return roles;
  }

  /**
   * The structure element that content of {@code e} (painted text, an image) belongs to: the
   * element's own if it is mapped, else its nearest mapped ancestor's; a list item's content goes
   * in its LBody.
   */
  Node contentNode(Element e) {
    return container(node(mapped(e)));
  }

  /** The nearest element at or above {@code e} that has a structure element (at least body). */
  Element mapped(Element e) {
    Element m = mappedAncestor.get(e);
    if (m == null) {
      m = e;
      while (m != roles.body()) {
        String t = roles.type(m);
        if (t != null && !TagRoles.ARTIFACT.equals(t)) {
          break;
        }
        if (!(m.getParentNode() instanceof Element p)) {
          m = roles.body(); // head, or outside body: the document
          break;
        }
        m = p;
      }
      mappedAncestor.put(e, m);
    }
    return m;
  }

  /** The structure element of a mapped element, created (with its ancestors) on first use. */
  Node node(Element m) {
    Node n = nodes.get(m);
    if (n != null) {
      return n;
    }
    Element parentElement = m.getParentNode() instanceof Element p ? mapped(p) : roles.body();
    Node parent = container(node(parentElement));
    PdfName type = name(roles.type(m));
    n = create(parent, type, m, key(roles.order(m), 0));
    nodes.put(m, n);
    describe(n);
    if (type.equals(PdfName.TABLE)) {
      tables.add(n);
    }
    return n;
  }

  private Node create(Node parent, PdfName type, Element element, long key) {
    PdfStructureElement pdf = new PdfStructureElement(parent.pdf, type);
    parent.pdf.remove(
        PdfName.K); // rebuilt in order at the end; OpenPDF needs it absent while painting
    Node n = new Node(type, element, key, pdf);
    n.section = type.equals(PdfName.THEAD) || type.equals(PdfName.TFOOT) ? n : parent.section;
    parent.kids.add(n);
    return n;
  }

  /**
   * A Span for a visually hidden element whose text replaces a decorative icon painted just before
   * it (see {@link TaggingOutputDevice}): /ActualText is the element's text.
   */
  Node spokenInstead(Element hidden) {
    Node n = nodes.get(hidden);
    if (n == null) {
      Element parentElement =
          hidden.getParentNode() instanceof Element p ? mapped(p) : roles.body();
      n = create(container(node(parentElement)), SPAN, hidden, key(roles.order(hidden), 0));
      n.pdf.put(
          ACTUAL_TEXT,
          new PdfString(
              hidden.getTextContent().replaceAll("\\s+", " ").strip(), PdfObject.TEXT_UNICODE));
      String lang = roles.languageChange(hidden);
      if (lang != null) {
        n.pdf.put(PdfName.LANG, new PdfString(lang, PdfObject.TEXT_UNICODE));
      }
      nodes.put(hidden, n);
    }
    return n;
  }

  boolean hasNode(Element e) {
    return nodes.containsKey(e);
  }

  /** Where children of a node go: the LBody of a list item, the node itself otherwise. */
  private Node container(Node n) {
    if (!n.type.equals(PdfName.LI)) {
      return n;
    }
    if (n.body == null) {
      n.body = create(n, LBODY, null, n.key | 2);
    }
    return n.body;
  }

  /** The Lbl of a list item (its marker), created on first use. */
  Node label(Node li) {
    if (li.label == null) {
      li.label = create(li, LBL, null, li.key | 1);
    }
    return li.label;
  }

  /** Attributes from the element: /Lang, /Alt, table scope and spans, list numbering. */
  private void describe(Node n) {
    Element e = n.element;
    String lang = roles.languageChange(e);
    if (lang != null) {
      n.pdf.put(PdfName.LANG, new PdfString(lang, PdfObject.TEXT_UNICODE));
    }
    String type = n.type.toString().substring(1);
    switch (type) {
      case "Figure" -> {
        String alt =
            e.hasAttribute("aria-label") ? e.getAttribute("aria-label") : e.getAttribute("alt");
        alt = alt.replaceAll("\\s+", " ").strip();
        if (!alt.isEmpty()) {
          n.pdf.put(PdfName.ALT, new PdfString(alt, PdfObject.TEXT_UNICODE));
        }
      }
      case "TH", "TD" -> {
        PdfDictionary a = new PdfDictionary();
        a.put(PdfName.O, ATTR_OWNER_TABLE);
        if (type.equals("TH")) {
          a.put(SCOPE, scope(e));
          String id = e.getAttribute("id").strip();
          if (!id.isEmpty() && !ids.containsKey(id)) {
            // a header that cells name in their headers attribute (a timeline's month)
            n.pdf.put(PdfName.ID, new PdfString(id));
            ids.put(id, n.pdf.getReference());
          }
        }
        String headers = e.getAttribute("headers").strip();
        if (!headers.isEmpty()) {
          PdfArray list = new PdfArray();
          for (String h : headers.split("\\s+")) {
            list.add(new PdfString(h));
          }
          a.put(HEADERS, list);
        }
        int rows = span(e.getAttribute("rowspan"));
        int cols = span(e.getAttribute("colspan"));
        if (rows > 1) {
          a.put(ROW_SPAN, new PdfNumber(rows));
        }
        if (cols > 1) {
          a.put(COL_SPAN, new PdfNumber(cols));
        }
        if (a.size() > 1) {
          n.pdf.put(PdfName.A, a);
        }
      }
      case "L" -> {
        // a list whose items carry their own letter or number paints no marker: None
        boolean labelled = (" " + e.getAttribute("class") + " ").contains(" labelled ");
        listNumbering(n, labelled ? "None" : "ol".equals(TagRoles.name(e)) ? "Decimal" : "Disc");
        n.numbered = false; // the first marker painted says what the list really uses
      }
      default -> {}
    }
  }

  /** /ListNumbering of a list, from the marker actually painted (list-style-type). */
  void listNumbering(Node list, String numbering) {
    if (list.numbered) {
      return;
    }
    list.numbered = true;
    PdfDictionary a = new PdfDictionary();
    a.put(PdfName.O, ATTR_OWNER_LIST);
    a.put(LIST_NUMBERING, new PdfName(numbering));
    list.pdf.put(PdfName.A, a);
  }

  /** The bounding box of a figure on its page, in PDF points. */
  void boundingBox(Node figure, float llx, float lly, float urx, float ury) {
    if (figure.pdf.get(PdfName.A) != null) {
      return;
    }
    PdfDictionary a = new PdfDictionary();
    a.put(PdfName.O, ATTR_OWNER_LAYOUT);
    a.put(BBOX, new PdfArray(new float[] {llx, lly, urx, ury}));
    figure.pdf.put(PdfName.A, a);
  }

  private PdfName scope(Element th) {
    String s = th.getAttribute("scope").strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "col", "colgroup" -> {
        return COLUMN;
      }
      case "row", "rowgroup" -> {
        return ROW;
      }
      default -> {
        // HTML's "auto": headers in thead, or in a row of headers only, head columns
        if (th.getParentNode() instanceof Element tr) {
          if (tr.getParentNode() instanceof Element section
              && "thead".equals(TagRoles.name(section))) {
            return COLUMN;
          }
          boolean allHeaders = true;
          for (org.w3c.dom.Node c = tr.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element ce && "td".equals(TagRoles.name(ce))) {
              allHeaders = false;
            }
          }
          return allHeaders ? COLUMN : ROW;
        }
        return BOTH;
      }
    }
  }

  private static int span(String v) {
    try {
      return v == null || v.isBlank() ? 1 : Math.max(1, Integer.parseInt(v.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /**
   * Opens a marked-content sequence for {@code n} on the current page and records its reference.
   *
   * @return the item, so that later runs merged into the same sequence keep its place
   */
  Item beginContent(PdfContentByte cb, Node n, long key) {
    PdfDictionary props = new PdfDictionary();
    cb.beginMarkedContentSequence(n.pdf, props);
    n.pdf.remove(PdfName.K);
    n.pdf.remove(PdfName.PG);
    Item item =
        new Item(
            key, writer.getCurrentPage(), ((PdfNumber) props.get(PdfName.MCID)).intValue(), null);
    n.items.add(item);
    return item;
  }

  /**
   * Connects an annotation (a link) to its structure element: /StructParent in the annotation, an
   * object reference in the element.
   */
  void addAnnotation(
      Node n, PdfDictionary annotation, PdfIndirectReference annotationRef, long key) {
    int parentKey = root.addExistingObject(n.pdf.getReference());
    annotation.put(PdfName.STRUCTPARENT, new PdfNumber(parentKey));
    PdfDictionary objr = new PdfDictionary(OBJR);
    objr.put(PdfName.OBJ, annotationRef);
    objr.put(PdfName.PG, writer.getCurrentPage());
    n.items.add(new Item(key, null, -1, objr));
  }

  /**
   * Writes every /K in logical order. Call once, after the last page, before the document closes.
   */
  void finish() {
    completeTables();
    write(document);
    root.put(PdfName.K, new PdfArray(document.pdf));
    if (!ids.isEmpty()) {
      try {
        root.put(
            ID_TREE, writer.addToBody(PdfNameTree.writeTree(ids, writer)).getIndirectReference());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * Gives every cell of a tagged table a structure element, empty ones too, so that rows keep their
   * number of columns for screen readers (and veraPDF's table checks).
   */
  private void completeTables() {
    for (int i = 0; i < tables.size(); i++) { // node() may add nested tables while we go
      Node table = tables.get(i);
      forEachCell(table.element, this::node);
    }
  }

  private void forEachCell(Element table, java.util.function.Consumer<Element> action) {
    for (org.w3c.dom.Node c = table.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (!(c instanceof Element ce)) {
        continue;
      }
      String n = TagRoles.name(ce);
      if (n.equals("thead") || n.equals("tbody") || n.equals("tfoot")) {
        forEachCell(ce, action);
      } else if (n.equals("tr")) {
        for (org.w3c.dom.Node d = ce.getFirstChild(); d != null; d = d.getNextSibling()) {
          if (d instanceof Element de
              && (TagRoles.name(de).equals("td") || TagRoles.name(de).equals("th"))
              && !roles.isDecoration(de)) {
            action.accept(de);
          }
        }
      }
    }
  }

  private static final Comparator<Object> BY_KEY = Comparator.comparingLong(StructureTree::sortKey);

  private static long sortKey(Object o) {
    if (o instanceof Node n) {
      return n.type.equals(PdfName.TFOOT) ? Long.MAX_VALUE : n.key;
    }
    return ((Item) o).key();
  }

  private void write(Node n) {
    n.pdf.remove(PdfName.TYPE); // /Type /StructElem is optional; thousands of them add up
    if (n.type.equals(PdfName.TABLE)) {
      wrapLooseRows(n);
    }
    List<Object> all = new ArrayList<>(n.kids.size() + n.items.size());
    all.addAll(n.kids);
    all.addAll(n.items);
    if (all.isEmpty()) {
      return;
    }
    all.sort(BY_KEY);
    // Content on the element's own page (/Pg) is referenced by its bare MCID; elsewhere by an
    // MCR dictionary. OpenPDF descends into an element's kids only when /K does not start
    // with a number, so an element with kids starts with a dictionary or a kid.
    PdfIndirectReference pg = null;
    PdfArray k = new PdfArray();
    for (Object o : all) {
      if (o instanceof Node kid) {
        write(kid);
        k.add(kid.pdf);
        continue;
      }
      Item item = (Item) o;
      if (item.objr() != null) {
        k.add(item.objr());
        continue;
      }
      if (pg == null) {
        pg = item.page();
        n.pdf.put(PdfName.PG, pg);
      }
      if (item.page().getNumber() == pg.getNumber() && (!k.isEmpty() || n.kids.isEmpty())) {
        k.add(new PdfNumber(item.mcid()));
      } else {
        PdfDictionary mcr = new PdfDictionary(MCR);
        mcr.put(PdfName.PG, item.page());
        mcr.put(PdfName.MCID, new PdfNumber(item.mcid()));
        k.add(mcr);
      }
    }
    n.pdf.put(PdfName.K, k.size() == 1 && k.getPdfObject(0).isNumber() ? k.getPdfObject(0) : k);
  }

  /** A table with THead or TFoot needs its other rows in a TBody (XHTML tables may omit tbody). */
  private void wrapLooseRows(Node table) {
    boolean sections =
        table.kids.stream()
            .anyMatch(k -> k.type.equals(PdfName.THEAD) || k.type.equals(PdfName.TFOOT));
    List<Node> loose = table.kids.stream().filter(k -> k.type.equals(TR)).toList();
    if (!sections || loose.isEmpty()) {
      return;
    }
    Node tbody = create(table, TBODY, null, loose.get(0).key);
    for (Node row : loose) {
      table.kids.remove(row);
      tbody.kids.add(row);
      row.pdf.put(PdfName.P, tbody.pdf.getReference());
    }
  }

  /** For tests and diagnostics: the structure type written for an element, or null. */
  String typeOf(Element e) {
    Node n = nodes.get(e);
    return n == null ? null : n.type.toString().substring(1);
  }

  static boolean isStructElem(PdfDictionary d) {
    return STRUCT_ELEM.equals(d.getAsName(PdfName.TYPE));
  }
}
