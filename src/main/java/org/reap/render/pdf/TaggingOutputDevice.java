package org.reap.render.pdf;

import java.awt.Rectangle;
import java.awt.Shape;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.openpdf.text.pdf.PdfAction;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfBorderArray;
import org.openpdf.text.pdf.PdfBorderDictionary;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDestination;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xhtmlrenderer.css.constants.CSSName;
import org.xhtmlrenderer.css.constants.IdentValue;
import org.xhtmlrenderer.css.parser.FSColor;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.CalculatedStyle.Edge;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.MarkerData;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.TextDecoration;

/**
 * Flying Saucer's PDF output device, tagging as it paints (PDF/UA-1): every piece of page content
 * lands either in a marked-content sequence of its structure element ({@link StructureTree}) or in
 * an /Artifact sequence.
 *
 * <p>Real content: text of the document's flow, images and charts (Figure), numbers of ordered
 * lists (Lbl; bullets are drawings without text, so artifacts), link areas (Link annotations with
 * /StructParent and /Contents). Artifacts: backgrounds, borders, text decoration, running headers
 * and footers (margin boxes, as pagination artifacts), content under {@code aria-hidden="true"},
 * table header rows repeated on later pages, and the lines Flying Saucer paints clipped at the edge
 * of the neighbouring page (content is tagged once, on the page whose content area holds its
 * baseline).
 *
 * <p>Used only with a writer that is tagged ({@code PdfWriter.setTagged()} before the document
 * opens); otherwise it paints exactly like its superclass. Pages look the same either way: the
 * marked-content operators change nothing on screen.
 */
public class TaggingOutputDevice extends ITextOutputDevice {
  private static final PdfName PAGINATION = new PdfName("Pagination");
  private static final PdfName ARTIFACT = new PdfName("Artifact");
  private static final PdfName HEADER = new PdfName("Header");
  private static final PdfName FOOTER = new PdfName("Footer");

  private enum Open {
    NONE,
    ARTIFACT,
    CONTENT
  }

  private TagRoles roles;
  private StructureTree tree;
  private Box rootBox;
  private RenderingContext context;

  // what the current painting call is: content of tNode, or (tNode == null) an artifact
  private StructureTree.Node tNode;
  private long tKey;
  private Object tToken;
  private int tStart;
  private int tEnd;
  private boolean tPagination;

  /** /Header or /Footer for a running header or footer (by its element's class), else null. */
  private PdfName tSubtype;

  private PdfName openSubtype;
  private boolean tExplicit;

  // the marked-content sequence open in the page's content stream
  private Open open = Open.NONE;
  private StructureTree.Node openNode;
  private Object openToken;
  private int openEnd;
  private boolean openPagination;

  private final Set<Box> taggedBoxes = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<String> linkAreas = new HashSet<>();
  private Map<Long, BlockBox> markers;

  public TaggingOutputDevice(float dotsPerPoint) {
    super(dotsPerPoint);
  }

  // ---- life cycle -------------------------------------------------------------------------

  @Override
  public void setRoot(Box root) {
    super.setRoot(root);
    rootBox = root;
  }

  @Override
  public void start(Document doc) {
    super.start(doc);
    roles = new TagRoles(doc);
  }

  @Override
  public void setWriter(PdfWriter writer) {
    super.setWriter(writer);
    tree = writer.isTagged() && roles != null ? new StructureTree(roles, writer) : null;
  }

  @Override
  public void initializePage(PdfContentByte currentPage, float height) {
    super.initializePage(currentPage, height);
    open = Open.NONE;
    linkAreas.clear();
  }

  @Override
  public void finishPage() {
    close();
    super.finishPage();
  }

  @Override
  public void setClip(Shape s) {
    close(); // it writes Q q, which may not cut through a marked-content sequence
    super.setClip(s);
  }

  @Override
  public void finish(RenderingContext c, Box root) {
    close();
    super.finish(c, root);
    moveBookmarksToFirstLines(c, root);
    if (tree != null) {
      tree.finish();
    }
  }

  /**
   * Flying Saucer points a heading's bookmark at the top of the heading's box. When the heading is
   * pushed to the next page, that top (its margin) is still on the previous page, where only a
   * clipped copy of the heading is painted: the bookmark then lands at the foot of the wrong page.
   * Each bookmark is moved to the page and height of its heading's first line. Bookmarks and
   * headings are matched in document order by title, as Flying Saucer made them.
   */
  private void moveBookmarksToFirstLines(RenderingContext c, Box root) {
    if (root == null || getWriter() == null) {
      return;
    }
    ArrayDeque<Box> headings = new ArrayDeque<>();
    collectHeadings(root, headings);
    ArrayDeque<org.openpdf.text.pdf.PdfOutline> outlines = new ArrayDeque<>();
    collectOutlines(getWriter().getRootOutline(), outlines);
    float dpp = getDotsPerPoint();
    for (org.openpdf.text.pdf.PdfOutline o : outlines) {
      String title = o.getTitle() == null ? "" : o.getTitle().replaceAll("\\s+", " ").strip();
      Box h = null;
      while (!headings.isEmpty()) {
        Box next = headings.poll();
        String text = next.getElement().getTextContent().replaceAll("\\s+", " ").strip();
        if (!title.isEmpty() && (text.startsWith(title) || title.startsWith(text))) {
          h = next;
          break;
        }
      }
      if (h == null) {
        return; // not the outline Flying Saucer made from the headings: leave it as it is
      }
      PdfDestination dest = o.getPdfDestination();
      LineBox line = firstLine(h);
      if (dest == null || line == null || dest.size() < 4) {
        continue;
      }
      PageBox page = root.getLayer().getPage(c, line.getAbsY() + line.getBaseline());
      if (page == null) {
        continue;
      }
      int fromTop = page.getMarginBorderPadding(c, Edge.TOP) + (line.getAbsY() - page.getTop());
      dest.set(0, getWriter().getPageReference(getStartPageNo() + page.getPageNo() + 1));
      dest.set(3, new PdfNumber(page.getHeight(c) / dpp - fromTop / dpp));
    }
  }

  private static void collectHeadings(Box box, ArrayDeque<Box> out) {
    Element e = box.getElement();
    if (e != null
        && box instanceof BlockBox
        && TagRoles.name(e).matches("h[1-6]")
        && (out.isEmpty() || out.peekLast().getElement() != e)) {
      out.add(box);
      return;
    }
    for (int i = 0; i < box.getChildCount(); i++) {
      collectHeadings(box.getChild(i), out);
    }
  }

  private static void collectOutlines(
      org.openpdf.text.pdf.PdfOutline parent, ArrayDeque<org.openpdf.text.pdf.PdfOutline> out) {
    if (parent.getKids() == null) {
      return;
    }
    for (org.openpdf.text.pdf.PdfOutline kid : parent.getKids()) {
      out.add(kid);
      collectOutlines(kid, out);
    }
  }

  private static LineBox firstLine(Box box) {
    for (int i = 0; i < box.getChildCount(); i++) {
      Box child = box.getChild(i);
      if (child instanceof LineBox lb) {
        return lb;
      }
      LineBox inner = firstLine(child);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  /** The structure tree being built (null when the writer is not tagged). */
  StructureTree structureTree() {
    return tree;
  }

  // ---- real content -----------------------------------------------------------------------

  @Override
  public void drawText(RenderingContext c, InlineText text) {
    if (tree == null) {
      super.drawText(c, text);
      return;
    }
    context = c;
    InlineLayoutBox box = text.getParent();
    boolean margin = inMarginBox(box);
    Element e = margin ? null : element(box);
    Element spoken;
    StructureTree.Node n;
    if (margin) {
      marginArtifact(box);
    } else if (e == null || !onPage(c, box.getAbsY() + box.getBaseline())) {
      artifact(false);
    } else if (!roles.isDecoration(e)) {
      n = tree.contentNode(e);
      if (repeated(c, n)) {
        artifact(false);
      } else {
        Text node = text.getTextNode();
        if (node != null && roles.order(node) >= 0) {
          target(
              n,
              StructureTree.key(roles.order(node), text.getStart()),
              node,
              text.getStart(),
              text.getEnd());
        } else {
          target(n, generatedKey(box, e), text, 0, 0);
        }
      }
    } else if ((spoken = visuallyHiddenText(e)) != null) {
      n = tree.spokenInstead(spoken);
      target(n, n.key, spoken, 0, 0);
    } else {
      artifact(false);
    }
    try {
      super.drawText(c, text);
    } finally {
      untarget();
    }
  }

  /**
   * The "icon plus screen-reader text" pattern: {@code <span aria-hidden="true">☑</span><span
   * class="sr-only">Yes</span>}. The hidden text is positioned off the page, so Flying Saucer never
   * paints it; the icon is painted but is decoration. The icon's glyphs then become the content of
   * a Span whose /ActualText is the hidden text: screen readers say "Yes".
   *
   * @return the visually hidden element right after the aria-hidden element {@code e}, once
   */
  private Element visuallyHiddenText(Element e) {
    if (!TagRoles.ARTIFACT.equals(roles.type(e)) || context == null) {
      return null;
    }
    for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element s) {
        return visuallyHidden(s) && !tree.hasNode(s) && !s.getTextContent().isBlank() ? s : null;
      }
      if (n.getNodeValue() != null && !n.getNodeValue().isBlank()) {
        return null;
      }
    }
    return null;
  }

  /**
   * Not displayed at all (reap's own print style for .sr-only: no box, so no layer to visit on
   * every page), positioned far off the page, or absolutely positioned in a clipped box a pixel or
   * two wide. Only asked of the element right after an aria-hidden icon.
   */
  private boolean visuallyHidden(Element e) {
    CalculatedStyle style = getSharedContext().getStyle(e);
    if (style.isIdent(CSSName.DISPLAY, IdentValue.NONE)) {
      return true;
    }
    if (!style.isAbsolute() && !style.isFixed()) {
      return false;
    }
    float px = getSharedContext().getDotsPerPixel();
    float left =
        style.isIdent(CSSName.LEFT, IdentValue.AUTO)
            ? 0
            : style.getFloatPropertyProportionalWidth(CSSName.LEFT, 0, context);
    if (left < -500 * px) {
      return true;
    }
    boolean clipped = style.isIdent(CSSName.OVERFLOW, IdentValue.HIDDEN);
    return clipped
        && !style.isAutoWidth()
        && !style.isAutoHeight()
        && style.getFloatPropertyProportionalWidth(CSSName.WIDTH, 0, context) <= 2 * px
        && style.getFloatPropertyProportionalHeight(CSSName.HEIGHT, 0, context) <= 2 * px;
  }

  /**
   * Table header and footer rows are painted again on every page the table spans: they are content
   * on the first page they appear on, artifacts after that.
   */
  private static boolean repeated(RenderingContext c, StructureTree.Node n) {
    StructureTree.Node section = n.section;
    if (section == null) {
      return false;
    }
    int page = c.getPageNo();
    if (section.firstPage < 0) {
      section.firstPage = page;
    }
    return page != section.firstPage;
  }

  /**
   * ::before content sorts right after its element's start, ::after right after its last
   * descendant.
   */
  private long generatedKey(Box box, Element e) {
    boolean after = false;
    for (Box b = box; b != null && b.getElement() == e; b = b.getParent()) {
      if ("after".equals(b.getPseudoElementOrClass())) {
        after = true;
        break;
      }
    }
    if (!after) {
      return StructureTree.key(roles.order(e), 1);
    }
    Node last = e;
    while (last.getLastChild() != null) {
      last = last.getLastChild();
    }
    return StructureTree.key(roles.order(last), Integer.MAX_VALUE);
  }

  @Override
  public void paintReplacedElement(RenderingContext c, BlockBox box) {
    if (tree == null) {
      super.paintReplacedElement(c, box);
      return;
    }
    context = c;
    boolean margin = inMarginBox(box);
    Element e = margin ? null : box.getElement();
    if (e != null && onPage(c, box.getAbsY()) && !roles.isDecoration(e) && taggedBoxes.add(box)) {
      StructureTree.Node n = tree.contentNode(e);
      target(n, StructureTree.key(roles.order(e), 0), box, 0, 0);
      if (n.element == e && n.type.equals(PdfName.FIGURE)) {
        org.openpdf.text.Rectangle r = createLocalTargetArea(c, box);
        tree.boundingBox(n, r.getLeft(), r.getBottom(), r.getRight(), r.getTop());
      }
    } else {
      artifact(margin);
    }
    try {
      begin(); // charts write to the page directly, not through this device
      super.paintReplacedElement(c, box);
    } finally {
      untarget();
    }
  }

  // ---- list markers: painted with no box; found by position -------------------------------

  @Override
  public void fillOval(int x, int y, int width, int height) {
    boolean marker = marker(x, y, false);
    try {
      super.fillOval(x, y, width, height);
    } finally {
      if (marker) {
        untarget();
      }
    }
  }

  @Override
  public void drawOval(int x, int y, int width, int height) {
    boolean marker = marker(x, y, false);
    try {
      super.drawOval(x, y, width, height);
    } finally {
      if (marker) {
        untarget();
      }
    }
  }

  @Override
  public void fillRect(int x, int y, int width, int height) {
    boolean marker = marker(x, y, false);
    try {
      super.fillRect(x, y, width, height);
    } finally {
      if (marker) {
        untarget();
      }
    }
  }

  @Override
  public void drawString(String s, float x, float y, JustificationInfo info) {
    boolean marker = marker(Math.round(x), Math.round(y), true);
    try {
      begin();
      super.drawString(s, x, y, info);
    } finally {
      if (marker) {
        untarget();
      }
    }
  }

  /**
   * If a list marker is being painted at (x, y): its list gets /ListNumbering from the marker's
   * list-style-type, and a text marker ("1.", "a.") becomes the Lbl of its list item. A bullet
   * (disc, circle, square) is a drawing with no text: it stays an artifact, and the list's
   * /ListNumbering says what it looked like.
   *
   * @return true when the current target is now the Lbl
   */
  private boolean marker(int x, int y, boolean text) {
    if (tree == null || tExplicit || context == null) {
      return false;
    }
    BlockBox li = markers().get(position(x, y));
    if (li == null
        || !(li.getElement() instanceof Element e)
        || !onPage(context, y)
        || !taggedBoxes.add(li)
        || roles.isDecoration(e)
        || !"LI".equals(roles.type(e))) {
      return false;
    }
    StructureTree.Node item = tree.node(e);
    if (e.getParentNode() instanceof Element list) {
      String numbering = numbering(li.getStyle().getIdent(CSSName.LIST_STYLE_TYPE));
      if (numbering != null) {
        tree.listNumbering(tree.node(list), numbering);
      }
    }
    if (!text) {
      return false;
    }
    StructureTree.Node label = tree.label(item);
    target(label, label.key, li, 0, 0);
    tExplicit = false;
    return true;
  }

  private static String numbering(IdentValue v) {
    if (v == IdentValue.DISC) {
      return "Disc";
    } else if (v == IdentValue.CIRCLE) {
      return "Circle";
    } else if (v == IdentValue.SQUARE) {
      return "Square";
    } else if (v == IdentValue.DECIMAL || v == IdentValue.DECIMAL_LEADING_ZERO) {
      return "Decimal";
    } else if (v == IdentValue.LOWER_ROMAN) {
      return "LowerRoman";
    } else if (v == IdentValue.UPPER_ROMAN) {
      return "UpperRoman";
    } else if (v == IdentValue.LOWER_ALPHA || v == IdentValue.LOWER_LATIN) {
      return "LowerAlpha";
    } else if (v == IdentValue.UPPER_ALPHA || v == IdentValue.UPPER_LATIN) {
      return "UpperAlpha";
    }
    return null;
  }

  /** Where ListItemPainter paints each marker (glyph: top-left of the bullet; text: baseline). */
  private Map<Long, BlockBox> markers() {
    if (markers == null) {
      markers = new HashMap<>();
      if (rootBox != null) {
        ArrayDeque<Box> stack = new ArrayDeque<>();
        stack.push(rootBox);
        while (!stack.isEmpty()) {
          Box b = stack.pop();
          if (b instanceof BlockBox bb
              && bb.getMarkerData() != null
              && bb.getStyle().isListItem()) {
            addMarker(bb);
          }
          for (int i = b.getChildCount() - 1; i >= 0; i--) {
            stack.push(b.getChild(i));
          }
        }
      }
    }
    return markers;
  }

  private void addMarker(BlockBox box) {
    MarkerData data = box.getMarkerData();
    int referenceX =
        data.getReferenceLine() != null
            ? data.getReferenceLine().getAbsX()
            : box.getAbsX() + (int) box.getMargin(context).left();
    if (data.getGlyphMarker() != null) {
      MarkerData.GlyphMarker g = data.getGlyphMarker();
      markers.put(
          position(referenceX - g.getLayoutWidth(), centerBaseline(box) - g.getDiameter() / 2),
          box);
    } else if (data.getTextMarker() != null) {
      LineBox line = data.getReferenceLine();
      int baseline =
          line != null
              ? line.getAbsY() + data.getStructMetrics().getBaseline()
              : box.getAbsY() + box.getTy() + data.getStructMetrics().getBaseline();
      markers.put(position(referenceX - data.getTextMarker().getLayoutWidth(), baseline), box);
    }
  }

  private int centerBaseline(BlockBox box) {
    Box child = box;
    while (child.getChildCount() > 0) {
      child = child.getChild(0);
    }
    return child.getAbsY()
        + child.getHeight() / 2
        + (int) child.getMargin(context).top() / 2
        - (int) child.getMargin(context).bottom() / 2
        + (int) child.getPadding(context).top() / 2
        - (int) child.getPadding(context).bottom() / 2;
  }

  private static long position(int x, int y) {
    return ((long) x << 32) | (y & 0xffffffffL);
  }

  // ---- decoration: always artifacts -------------------------------------------------------

  @Override
  public void paintBackground(RenderingContext c, Box box) {
    // Flying Saucer's own override also makes link annotations, untagged: paint the
    // background the same way (AbstractOutputDevice's code path) and make tagged links here.
    if (tree == null) {
      super.paintBackground(c, box);
      return;
    }
    context = c;
    CalculatedStyle style = box.getStyle();
    if (style.isVisible()) {
      Rectangle bounds = box.getPaintingBorderEdge(c);
      paintBackground(c, style, bounds, bounds, style.getBorder(c));
    }
    link(c, box);
  }

  @Override
  public void paintBackground(
      RenderingContext c,
      CalculatedStyle style,
      Rectangle bounds,
      Rectangle bgImageContainer,
      BorderPropertySet border) {
    context = c;
    artifact(false);
    try {
      super.paintBackground(c, style, bounds, bgImageContainer, border);
    } finally {
      untarget();
    }
  }

  @Override
  public void paintBorder(RenderingContext c, Box box) {
    artifact(false);
    try {
      super.paintBorder(c, box);
    } finally {
      untarget();
    }
  }

  @Override
  public void paintBorder(RenderingContext c, CalculatedStyle style, Rectangle edge, int sides) {
    artifact(false);
    try {
      super.paintBorder(c, style, edge, sides);
    } finally {
      untarget();
    }
  }

  @Override
  public void paintCollapsedBorder(
      RenderingContext c, BorderPropertySet border, Rectangle bounds, int side) {
    artifact(false);
    try {
      super.paintCollapsedBorder(c, border, bounds, side);
    } finally {
      untarget();
    }
  }

  @Override
  public void drawTextDecoration(
      RenderingContext c, InlineLayoutBox box, TextDecoration decoration) {
    artifact(false);
    try {
      super.drawTextDecoration(c, box, decoration);
    } finally {
      untarget();
    }
  }

  @Override
  public void drawTextDecoration(RenderingContext c, LineBox lineBox) {
    artifact(false);
    try {
      super.drawTextDecoration(c, lineBox);
    } finally {
      untarget();
    }
  }

  @Override
  public void drawDebugOutline(RenderingContext c, Box box, FSColor color) {
    artifact(false);
    try {
      super.drawDebugOutline(c, box, color);
    } finally {
      untarget();
    }
  }

  // ---- every painting operation goes through one of these ----------------------------------

  @Override
  public void fill(Shape s) {
    begin();
    super.fill(s);
  }

  @Override
  public void draw(Shape s) {
    begin();
    super.draw(s);
  }

  @Override
  public void drawImage(FSImage image, int x, int y) {
    begin();
    super.drawImage(image, x, y);
  }

  // ---- links ------------------------------------------------------------------------------

  private void link(RenderingContext c, Box box) {
    Element e = box.getElement();
    if (e == null || inMarginBox(box)) {
      return; // running headers are artifacts, and an artifact cannot hold a link
    }
    String uri = getSharedContext().getNamespaceHandler().getLinkUri(e);
    if (uri == null || uri.isEmpty() || !"Link".equals(roles.type(e)) || roles.isDecoration(e)) {
      return;
    }
    int y = box instanceof InlineLayoutBox ib ? ib.getAbsY() + ib.getBaseline() : box.getAbsY();
    if (!onPage(c, y)) {
      return;
    }
    PdfAction action;
    if (uri.charAt(0) == '#') {
      PdfDestination dest = destination(c, uri.substring(1));
      if (dest == null) {
        return;
      }
      action = new PdfAction();
      action.put(PdfName.S, PdfName.GOTO);
      action.put(PdfName.D, dest);
    } else {
      action = new PdfAction(uri);
    }
    org.openpdf.text.Rectangle area = createLocalTargetArea(c, box);
    String areaKey =
        area.getLeft() + ":" + area.getBottom() + ":" + area.getRight() + ":" + area.getTop();
    if (!linkAreas.add(areaKey)) {
      return;
    }
    PdfWriter writer = getWriter();
    PdfAnnotation annot =
        new PdfAnnotation(
            writer, area.getLeft(), area.getBottom(), area.getRight(), area.getTop(), action);
    annot.put(PdfName.SUBTYPE, PdfName.LINK);
    annot.put(PdfName.F, new PdfNumber(PdfAnnotation.FLAGS_PRINT));
    annot.setBorderStyle(new PdfBorderDictionary(0.0f, 0));
    annot.setBorder(new PdfBorderArray(0.0f, 0.0f, 0));
    annot.put(PdfName.CONTENTS, new PdfString(linkDescription(e, uri), PdfObject.TEXT_UNICODE));
    tree.addAnnotation(
        tree.node(e), annot, annot.getIndirectReference(), StructureTree.key(roles.order(e), 0));
    writer.addAnnotation(annot);
  }

  private static String linkDescription(Element e, String uri) {
    String text =
        e.getTextContent() == null ? "" : e.getTextContent().replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      text = e.getAttribute("title").strip();
    }
    if (text.isEmpty()) {
      text = e.getAttribute("aria-label").strip();
    }
    return text.isEmpty() ? uri : text;
  }

  private PdfDestination destination(RenderingContext c, String anchor) {
    Box target = getSharedContext().getBoxById(anchor);
    if (target == null || rootBox == null) {
      return null;
    }
    int y =
        target instanceof InlineLayoutBox ib ? ib.getAbsY() + ib.getBaseline() : target.getAbsY();
    PageBox page = rootBox.getLayer().getPage(c, y);
    if (page == null) {
      return null;
    }
    float dpp = getDotsPerPoint();
    int fromTop =
        page.getMarginBorderPadding(c, Edge.TOP)
            + (int) (target.getAbsY() + target.getMargin(c).top() - page.getTop());
    PdfDestination dest =
        new PdfDestination(PdfDestination.XYZ, 0, page.getHeight(c) / dpp - fromTop / dpp, 0);
    dest.addPage(getWriter().getPageReference(getStartPageNo() + page.getPageNo() + 1));
    return dest;
  }

  // ---- marked content -----------------------------------------------------------------------

  private void target(StructureTree.Node node, long key, Object token, int start, int end) {
    tNode = node;
    tKey = key;
    tToken = token;
    tStart = start;
    tEnd = end;
    tPagination = false;
    tExplicit = true;
  }

  private void artifact(boolean pagination) {
    tNode = null;
    tToken = null;
    tPagination = pagination;
    tSubtype = null;
    tExplicit = true;
  }

  /** A margin-box artifact: a running header or footer gets its subtype from its element. */
  private void marginArtifact(Box box) {
    artifact(true);
    for (Element e = element(box);
        e != null;
        e = e.getParentNode() instanceof Element p ? p : null) {
      String cls = " " + e.getAttribute("class") + " ";
      if (cls.contains(" running-header ")) {
        tSubtype = HEADER;
        return;
      }
      if (cls.contains(" running-footer ") || cls.contains(" running-pager ")) {
        tSubtype = FOOTER;
        return;
      }
    }
  }

  private void untarget() {
    tNode = null;
    tToken = null;
    tPagination = false;
    tExplicit = false;
  }

  /** Makes sure the sequence the current target needs is open. */
  private void begin() {
    if (tree == null) {
      return;
    }
    PdfContentByte cb = getCurrentPage();
    if (tNode == null) {
      if (open == Open.ARTIFACT && openPagination == tPagination && openSubtype == tSubtype) {
        return;
      }
      close();
      if (tPagination) {
        PdfDictionary props = new PdfDictionary();
        props.put(PdfName.TYPE, PAGINATION);
        if (tSubtype != null) {
          props.put(PdfName.SUBTYPE, tSubtype);
        }
        cb.beginMarkedContentSequence(ARTIFACT, props, true);
      } else {
        cb.beginMarkedContentSequence(ARTIFACT);
      }
      open = Open.ARTIFACT;
      openPagination = tPagination;
      openSubtype = tSubtype;
      return;
    }
    if (open == Open.CONTENT
        && openNode == tNode
        && openToken == tToken
        && (!(tToken instanceof Text) || tStart >= openEnd)) {
      openEnd = Math.max(openEnd, tEnd);
      return; // the next run of the same text, or more of the same image: same sequence
    }
    close();
    tree.beginContent(cb, tNode, tKey);
    open = Open.CONTENT;
    openNode = tNode;
    openToken = tToken;
    openEnd = tEnd;
  }

  private void close() {
    if (open != Open.NONE) {
      getCurrentPage().endMarkedContentSequence();
      open = Open.NONE;
      openNode = null;
      openToken = null;
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The content area of the page being painted holds this y (document coordinates). */
  private static boolean onPage(RenderingContext c, int y) {
    PageBox page = c.getPage();
    return page == null || (y >= page.getTop() && y < page.getBottom());
  }

  private static boolean inMarginBox(Box box) {
    return box.isContainedInMarginBox();
  }

  private static Element element(Box box) {
    for (Box b = box; b != null; b = b.getParent()) {
      if (b.getElement() != null) {
        return b.getElement();
      }
    }
    return null;
  }
}
