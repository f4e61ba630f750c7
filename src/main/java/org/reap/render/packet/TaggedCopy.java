package org.reap.render.packet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BadPdfFormatException;
import org.openpdf.text.pdf.PRIndirectReference;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfBoolean;
import org.openpdf.text.pdf.PdfCopy;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncodings;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNameTree;
import org.openpdf.text.pdf.PdfNull;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfNumberTree;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;

/**
 * A {@link PdfCopy} that keeps the structure trees of the PDFs it joins (OpenPDF's copy drops
 * them): one structure tree for the whole output, in which each input's tree hangs under an element
 * the caller chooses.
 *
 * <p>For each input, in this order: {@link #prepare} before its pages are imported (it renumbers
 * the input's /StructParents and /StructParent keys so they do not collide with earlier inputs',
 * or, for an untagged input, puts each page's content in one marked-content sequence), then the
 * pages are imported and added as with a plain {@link PdfCopy}, then {@link #copyStructure} copies
 * the input's structure elements (with /Pg, marked-content and object references mapped through the
 * copy's own table of copied objects) and records their entries of the parent tree. Role maps,
 * class maps and element ids are merged; a name or id one input uses differently from an earlier
 * one is renamed in the later input. {@link #finishStructure} writes the structure tree root, the
 * parent tree and MarkInfo.
 */
final class TaggedCopy extends PdfCopy {
  private static final PdfName CLASSMAP = new PdfName("ClassMap");
  private static final PdfName IDTREE = new PdfName("IDTree");
  private static final PdfName STM = new PdfName("Stm");
  private static final PdfName STMOWN = new PdfName("StmOwn");
  private static final PdfName HEADERS = new PdfName("Headers");
  private static final int MAX_DEPTH = 512;

  /**
   * PDF 1.7's standard structure types (ISO 32000-1, 14.8.4): their meaning is fixed packet-wide.
   */
  private static final Set<String> STANDARD =
      Set.of(
          "Document",
          "Part",
          "Art",
          "Sect",
          "Div",
          "BlockQuote",
          "Caption",
          "TOC",
          "TOCI",
          "Index",
          "NonStruct",
          "Private",
          "P",
          "H",
          "H1",
          "H2",
          "H3",
          "H4",
          "H5",
          "H6",
          "L",
          "LI",
          "Lbl",
          "LBody",
          "Table",
          "TR",
          "TH",
          "TD",
          "THead",
          "TBody",
          "TFoot",
          "Span",
          "Quote",
          "Note",
          "Reference",
          "BibEntry",
          "Code",
          "Link",
          "Annot",
          "Ruby",
          "RB",
          "RT",
          "RP",
          "Warichu",
          "WT",
          "WP",
          "Figure",
          "Formula",
          "Form");

  /** One input: where its keys start, and what of it was renamed. */
  static final class Input {
    final PdfReader reader;
    final int index;
    final boolean tagged;
    final int firstKey;
    final Map<PdfName, PdfName> roles = new HashMap<>();
    final Map<PdfName, PdfName> classes = new HashMap<>();
    final Map<String, String> ids = new HashMap<>();

    /** This input's class map entries, still to be copied (after its pages). */
    final Map<PdfName, PdfObject> newClasses = new LinkedHashMap<>();

    Input(PdfReader reader, int index, boolean tagged, int firstKey) {
      this.reader = reader;
      this.index = index;
      this.tagged = tagged;
      this.firstKey = firstKey;
    }
  }

  private final Map<Integer, PdfObject> parentTree = new HashMap<>();
  private final Map<PdfName, PdfName> roleMap = new LinkedHashMap<>();
  private final Map<PdfName, PdfObject> classMap = new LinkedHashMap<>();
  private final Map<String, PdfIndirectReference> idTree = new TreeMap<>();
  private PdfIndirectReference structTreeRoot;
  private int nextKey;
  private int inputs;

  TaggedCopy(Document document, OutputStream os) throws DocumentException {
    super(document, os);
  }

  /**
   * The reference the structure tree root will have: the /P of the top element. Once the document
   * is open.
   */
  PdfIndirectReference structTreeRoot() {
    if (structTreeRoot == null) {
      structTreeRoot = getPdfIndirectReference();
    }
    return structTreeRoot;
  }

  /** What a PDF's structure tree is like. */
  enum Structure {
    /** A structure tree that can be merged: the PDF is tagged. */
    TAGGED,
    /** No structure tree (or an empty one): the PDF is not tagged. */
    NONE,
    /**
     * A structure tree that cannot be read (wrong types, cycles, nesting too deep): treated as
     * untagged.
     */
    DAMAGED
  }

  /**
   * Whether a PDF has a structure tree, and whether reap can read every part of it that it copies.
   */
  static Structure structure(PdfReader reader) {
    PdfDictionary root = dict(reader.getCatalog().get(PdfName.STRUCTTREEROOT));
    if (root == null || root.get(PdfName.K) == null) {
      return Structure.NONE;
    }
    try {
      PdfNumberTree.readTree(dict(root.get(PdfName.PARENTTREE)));
      PdfNameTree.readTree(dict(root.get(IDTREE)));
      Set<PdfObject> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      List<PdfObject> todo = new ArrayList<>();
      todo.add(root.get(PdfName.K));
      for (int n = 0; !todo.isEmpty(); n++) {
        PdfObject o = PdfReader.getPdfObject(todo.remove(todo.size() - 1));
        if (n > 10_000_000 || o == null || !(o instanceof PdfNumber) && !seen.add(o)) {
          return Structure.DAMAGED; // absurdly large, or an element reached twice (a cycle)
        }
        if (o instanceof PdfArray a) {
          todo.addAll(a.getElements());
        } else if (o instanceof PdfDictionary d && isElement(d)) {
          if (!(PdfReader.getPdfObject(d.get(PdfName.S)) instanceof PdfName)) {
            return Structure.DAMAGED;
          }
          if (d.get(PdfName.K) != null) {
            todo.add(d.get(PdfName.K));
          }
        } else if (!(o instanceof PdfDictionary) && !(o instanceof PdfNumber)) {
          return Structure.DAMAGED;
        }
      }
      return Structure.TAGGED;
    } catch (RuntimeException e) {
      return Structure.DAMAGED;
    }
  }

  /**
   * Call before importing any page of {@code reader}: renumbers its parent-tree keys after the
   * previous inputs' (tagged), or wraps each page's content in one marked-content sequence
   * (untagged). Every page gets structure tab order.
   */
  Input prepare(PdfReader reader) throws IOException {
    boolean tagged = structure(reader) == Structure.TAGGED;
    Input in = new Input(reader, inputs++, tagged, nextKey);
    if (tagged) {
      PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
      int max = -1;
      for (Integer k : PdfNumberTree.readTree(dict(root.get(PdfName.PARENTTREE))).keySet()) {
        max = Math.max(max, k);
      }
      Set<PdfDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        PdfDictionary page = reader.getPageN(p);
        max = Math.max(max, shift(page, PdfName.STRUCTPARENTS, in.firstKey));
        PdfArray annots = array(page.get(PdfName.ANNOTS));
        for (int i = 0; annots != null && i < annots.size(); i++) {
          PdfDictionary a = dict(annots.getPdfObject(i));
          if (a != null && seen.add(a)) {
            max = Math.max(max, shift(a, PdfName.STRUCTPARENT, in.firstKey));
          }
        }
        max = Math.max(max, shiftXObjects(dict(page.get(PdfName.RESOURCES)), in.firstKey, seen, 0));
        page.put(PdfName.TABS, PdfName.S);
      }
      nextKey = in.firstKey + max + 1;
      mergeNames(in, root);
    } else {
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        PdfDictionary page = reader.getPageN(p);
        page.put(PdfName.STRUCTPARENTS, new PdfNumber(nextKey++));
        page.put(PdfName.TABS, PdfName.S);
        PdfArray contents = new PdfArray();
        contents.add(stream("/Div <</MCID 0>> BDC\n"));
        PdfObject old = page.get(PdfName.CONTENTS);
        PdfObject resolved = PdfReader.getPdfObject(old);
        if (resolved instanceof PdfArray a) {
          for (int i = 0; i < a.size(); i++) {
            contents.add(a.getPdfObject(i));
          }
        } else if (old != null) {
          contents.add(old);
        }
        contents.add(stream("\nEMC\n"));
        page.put(PdfName.CONTENTS, contents);
      }
    }
    return in;
  }

  private PdfIndirectReference stream(String content) throws IOException {
    return addToBody(new PdfStream(content.getBytes(StandardCharsets.ISO_8859_1)))
        .getIndirectReference();
  }

  /** Adds the offset to a /StructParent(s) entry in place; returns the old key or -1. */
  private static int shift(PdfDictionary d, PdfName key, int offset) {
    PdfObject v = PdfReader.getPdfObject(d.get(key));
    if (!(v instanceof PdfNumber n)) {
      return -1;
    }
    d.put(key, new PdfNumber(n.intValue() + offset));
    return n.intValue();
  }

  /** Form and image XObjects may carry their own /StructParents or /StructParent. */
  private static int shiftXObjects(
      PdfDictionary resources, int offset, Set<PdfDictionary> seen, int depth) {
    int max = -1;
    PdfDictionary xobjects = resources == null ? null : dict(resources.get(PdfName.XOBJECT));
    if (xobjects == null || depth > MAX_DEPTH) {
      return max;
    }
    for (PdfName name : xobjects.getKeys()) {
      PdfDictionary x = dict(xobjects.get(name));
      if (x == null || !seen.add(x)) {
        continue;
      }
      max = Math.max(max, shift(x, PdfName.STRUCTPARENTS, offset));
      max = Math.max(max, shift(x, PdfName.STRUCTPARENT, offset));
      max = Math.max(max, shiftXObjects(dict(x.get(PdfName.RESOURCES)), offset, seen, depth + 1));
    }
    return max;
  }

  /** Role map, class map and ids of one input, renaming what clashes with earlier inputs. */
  private void mergeNames(Input in, PdfDictionary root) {
    String suffix = "_" + (in.index + 1);
    PdfDictionary roles = dict(root.get(PdfName.ROLEMAP));
    if (roles != null) {
      for (PdfName name : roles.getKeys()) {
        PdfObject target = PdfReader.getPdfObject(roles.get(name));
        boolean clash =
            STANDARD.contains(plain(name))
                || (roleMap.containsKey(name) && !roleMap.get(name).equals(target));
        if (clash) {
          in.roles.put(name, unique(plain(name) + suffix, roleMap.keySet()));
        }
      }
      for (PdfName name : roles.getKeys()) {
        if (PdfReader.getPdfObject(roles.get(name)) instanceof PdfName target) {
          roleMap.putIfAbsent(
              in.roles.getOrDefault(name, name), in.roles.getOrDefault(target, target));
        }
      }
    }
    PdfDictionary classes = dict(root.get(CLASSMAP));
    if (classes != null) {
      for (PdfName name : classes.getKeys()) {
        if (classMap.containsKey(name)) {
          in.classes.put(name, unique(plain(name) + suffix, classMap.keySet()));
        }
      }
      for (PdfName name : classes.getKeys()) {
        PdfName renamed = in.classes.getOrDefault(name, name);
        classMap.put(renamed, PdfNull.PDFNULL); // reserved; copied in copyStructure
        in.newClasses.put(renamed, classes.get(name));
      }
    }
    for (String id : PdfNameTree.readTree(dict(root.get(IDTREE))).keySet()) {
      if (idTree.containsKey(id)) {
        String renamed = id + suffix;
        while (idTree.containsKey(renamed)) {
          renamed = renamed + suffix;
        }
        in.ids.put(id, renamed);
      }
    }
  }

  private static PdfName unique(String base, Set<PdfName> taken) {
    PdfName n = new PdfName(base);
    int i = 2;
    while (taken.contains(n) || STANDARD.contains(plain(n))) {
      n = new PdfName(base + "_" + i++);
    }
    return n;
  }

  private static String plain(PdfName n) {
    return PdfName.decodeName(n.toString());
  }

  /**
   * Call after every page of the input was added: copies its structure elements under {@code
   * parent} and records their parent-tree entries.
   *
   * <p>The input's catalog /Lang goes on its top elements that have none, so a Spanish attachment
   * stays Spanish in an English packet; a top element of type Document becomes Art (a
   * self-contained text inside a part of the packet).
   *
   * @param firstPage the output page number of the input's first page
   * @return the copied top-level elements, in order
   */
  List<PdfIndirectReference> copyStructure(Input in, PdfIndirectReference parent, int firstPage)
      throws IOException, BadPdfFormatException {
    List<PdfIndirectReference> top = new ArrayList<>();
    PdfReader reader = in.reader;
    PdfString lang = reader.getCatalog().getAsString(PdfName.LANG);
    if (!in.tagged) {
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        PdfDictionary div = new PdfDictionary();
        div.put(PdfName.S, PdfName.DIV);
        div.put(PdfName.P, parent);
        div.put(PdfName.PG, getPageReference(firstPage + p - 1));
        div.put(PdfName.K, new PdfNumber(0));
        if (lang != null) {
          div.put(PdfName.LANG, lang);
        }
        PdfIndirectReference ref = addToBody(div).getIndirectReference();
        parentTree.put(in.firstKey + p - 1, new PdfArray(ref));
        top.add(ref);
      }
      return top;
    }
    setFromReader(reader); // map references through this input's table of copied objects
    PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
    Map<Long, PdfIndirectReference> copied = new HashMap<>();
    PdfObject k = root.get(PdfName.K);
    PdfObject resolved = PdfReader.getPdfObject(k);
    List<PdfObject> kids = new ArrayList<>();
    if (resolved instanceof PdfArray a) {
      for (int i = 0; i < a.size(); i++) {
        kids.add(a.getPdfObject(i));
      }
    } else {
      kids.add(k);
    }
    for (PdfObject kid : kids) {
      if (PdfReader.getPdfObject(kid) instanceof PdfDictionary d && isElement(d)) {
        PdfIndirectReference ref = element(in, kid, parent, copied, 0, lang, true);
        if (ref != null) {
          top.add(ref);
        }
      }
    }
    for (Map.Entry<PdfName, PdfObject> e : in.newClasses.entrySet()) {
      classMap.put(e.getKey(), copyObject(e.getValue()));
    }
    Map<Integer, PdfObject> old = PdfNumberTree.readTree(dict(root.get(PdfName.PARENTTREE)));
    for (Map.Entry<Integer, PdfObject> e : new TreeMap<>(old).entrySet()) {
      parentTree.put(in.firstKey + e.getKey(), mapParents(e.getValue(), copied));
    }
    return top;
  }

  // ---- the slices of one long document ----------------------------------------------------

  /**
   * The source keys of the first slice's elements from its root down to its table, while copying
   * it.
   */
  private List<Long> holdKeys = List.of();

  /** Those elements in the copy, root first: later slices add their kids to them. */
  private final List<PdfIndirectReference> heldRefs = new ArrayList<>();

  private final List<PdfDictionary> heldDicts = new ArrayList<>();

  /**
   * Copies the structure of one slice of a long document (call after its pages were added, as
   * {@link #copyStructure}). The slices' trees become one: the first slice's is copied as it is
   * (its Document element the output's), and each later slice's table rows go into the first
   * slice's table, what follows its table (a figure, another table) after the first slice's table
   * at the same level. The table is the last outermost Table of the first slice and the first
   * outermost Table of each later one. Call {@link #finishSlices} after the last slice.
   *
   * @return the first slice's Document element (the same for every slice)
   */
  PdfIndirectReference copySlice(Input in, boolean first)
      throws IOException, BadPdfFormatException {
    PdfReader reader = in.reader;
    if (!in.tagged) {
      throw new IOException("a slice has no structure tree");
    }
    setFromReader(reader);
    PdfDictionary root = reader.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
    PdfObject start = null;
    for (PdfObject kid : kidsOf(root.get(PdfName.K))) {
      if (dict(kid) != null && isElement(dict(kid))) {
        start = kid;
        break;
      }
    }
    List<PdfObject> path = start == null ? null : tablePath(start, first, 0);
    if (path == null || path.stream().anyMatch(o -> !(o instanceof PRIndirectReference))) {
      throw new IOException("a slice has no table to join");
    }
    Map<Long, PdfIndirectReference> copied = new HashMap<>();
    if (first) {
      holdKeys = path.stream().map(o -> key((PRIndirectReference) o)).toList();
      heldRefs.clear();
      heldDicts.clear();
      for (int i = 0; i < path.size(); i++) {
        heldRefs.add(null);
        heldDicts.add(null);
      }
      element(
          in,
          start,
          structTreeRoot(),
          copied,
          0,
          reader.getCatalog().getAsString(PdfName.LANG),
          true);
      holdKeys = List.of();
    } else {
      if (heldDicts.size() != path.size()) {
        throw new IOException("the slices' tables are nested differently");
      }
      for (int level = 0; level < path.size(); level++) {
        copied.put(key((PRIndirectReference) path.get(level)), heldRefs.get(level));
      }
      for (int level = 0; level < path.size(); level++) {
        PdfDictionary d = dict(path.get(level));
        PdfObject next = level + 1 < path.size() ? path.get(level + 1) : null;
        PdfArray into = (PdfArray) heldDicts.get(level).get(PdfName.K);
        for (PdfObject kid : kidsOf(d.get(PdfName.K))) {
          if (next != null
              && kid instanceof PRIndirectReference r
              && key(r) == key((PRIndirectReference) next)) {
            continue;
          }
          PdfObject o = PdfReader.getPdfObject(kid);
          PdfObject c;
          if (o instanceof PdfNumber mcid) {
            // content of the element itself, on its /Pg: a reference that names the page
            PdfDictionary mcr = new PdfDictionary(PdfName.MCR);
            mcr.put(PdfName.PG, copyObject(d.get(PdfName.PG)));
            mcr.put(PdfName.MCID, mcid);
            c = mcr;
          } else {
            c = kid(in, kid, heldRefs.get(level), copied, level);
          }
          if (c != null) {
            into.add(c);
          }
        }
      }
    }
    for (Map.Entry<PdfName, PdfObject> e : in.newClasses.entrySet()) {
      classMap.put(e.getKey(), copyObject(e.getValue()));
    }
    in.newClasses.clear();
    Map<Integer, PdfObject> old = PdfNumberTree.readTree(dict(root.get(PdfName.PARENTTREE)));
    for (Map.Entry<Integer, PdfObject> e : new TreeMap<>(old).entrySet()) {
      parentTree.put(in.firstKey + e.getKey(), mapParents(e.getValue(), copied));
    }
    return heldRefs.get(0);
  }

  /** Writes the elements the slices were joined into. Call once, after the last slice. */
  void finishSlices() throws IOException {
    for (int i = 0; i < heldDicts.size(); i++) {
      addToBody(heldDicts.get(i), heldRefs.get(i));
    }
    heldDicts.clear();
  }

  /**
   * The path from {@code node} to its first (or, with {@code last}, last) outermost Table; null if
   * none.
   */
  private static List<PdfObject> tablePath(PdfObject node, boolean last, int depth)
      throws IOException {
    if (depth > MAX_DEPTH) {
      throw new IOException("its structure tree is nested more than " + MAX_DEPTH + " deep");
    }
    PdfDictionary d = dict(node);
    if (d == null || !isElement(d)) {
      return null;
    }
    if (PdfName.TABLE.equals(d.get(PdfName.S))) {
      List<PdfObject> path = new ArrayList<>();
      path.add(node);
      return path;
    }
    List<PdfObject> kids = kidsOf(d.get(PdfName.K));
    if (last) {
      Collections.reverse(kids);
    }
    for (PdfObject kid : kids) {
      List<PdfObject> path = tablePath(kid, last, depth + 1);
      if (path != null) {
        path.add(0, node);
        return path;
      }
    }
    return null;
  }

  /** A /K as a list of its entries (unresolved). */
  private static List<PdfObject> kidsOf(PdfObject k) {
    List<PdfObject> out = new ArrayList<>();
    if (PdfReader.getPdfObject(k) instanceof PdfArray a) {
      for (int i = 0; i < a.size(); i++) {
        out.add(a.getPdfObject(i));
      }
    } else if (k != null) {
      out.add(k);
    }
    return out;
  }

  private static boolean isElement(PdfDictionary d) {
    PdfName type = d.getAsName(PdfName.TYPE);
    return !PdfName.MCR.equals(type) && !PdfName.OBJR.equals(type) && d.get(PdfName.S) != null;
  }

  /** A parent-tree value (an array per page or form, one element per annotation) in the copy. */
  private static PdfObject mapParents(PdfObject value, Map<Long, PdfIndirectReference> copied) {
    PdfObject resolved = PdfReader.getPdfObject(value);
    if (resolved instanceof PdfArray a) {
      PdfArray out = new PdfArray();
      for (int i = 0; i < a.size(); i++) {
        PdfObject o = a.getPdfObject(i);
        PdfIndirectReference r = o instanceof PRIndirectReference pr ? copied.get(key(pr)) : null;
        out.add(r == null ? PdfNull.PDFNULL : r);
      }
      return out;
    }
    PdfIndirectReference r = value instanceof PRIndirectReference pr ? copied.get(key(pr)) : null;
    return r == null ? PdfNull.PDFNULL : r;
  }

  private static long key(PRIndirectReference r) {
    return ((long) r.getNumber() << 16) | (r.getGeneration() & 0xffff);
  }

  /**
   * Copies one structure element and, depth first, its kids; null for one already copied (a cycle).
   */
  private PdfIndirectReference element(
      Input in,
      PdfObject source,
      PdfIndirectReference parent,
      Map<Long, PdfIndirectReference> copied,
      int depth,
      PdfString lang,
      boolean top)
      throws IOException, BadPdfFormatException {
    if (depth > MAX_DEPTH) {
      throw new IOException("its structure tree is nested more than " + MAX_DEPTH + " deep");
    }
    if (source instanceof PRIndirectReference r && copied.containsKey(key(r))) {
      return null;
    }
    PdfDictionary d = (PdfDictionary) PdfReader.getPdfObject(source);
    PdfIndirectReference ref = getPdfIndirectReference();
    if (source instanceof PRIndirectReference r) {
      copied.put(key(r), ref);
    }
    PdfDictionary out = new PdfDictionary();
    for (PdfName key : d.getKeys()) {
      PdfObject v = d.get(key);
      if (key.equals(PdfName.P)) {
        out.put(key, parent);
      } else if (key.equals(PdfName.K)) {
        PdfObject kids = kids(in, v, ref, copied, depth);
        if (kids != null) {
          out.put(key, kids);
        }
      } else if (key.equals(PdfName.S)) {
        PdfName s = (PdfName) PdfReader.getPdfObject(v);
        s = in.roles.getOrDefault(s, s);
        // The input's own root: a self-contained document inside a part of the packet.
        out.put(key, top && s.equals(PdfName.DOCUMENT) ? PdfName.ART : s);
      } else if (key.equals(PdfName.ID) && PdfReader.getPdfObject(v) instanceof PdfString id) {
        String renamed = in.ids.getOrDefault(text(id), text(id));
        PdfString s = new PdfString(renamed, null);
        out.put(key, s);
        idTree.put(renamed, ref);
      } else if (key.equals(PdfName.C)) {
        out.put(key, renameClasses(in, PdfReader.getPdfObject(v)));
      } else if (key.equals(PdfName.A)) {
        out.put(key, attributes(in, PdfReader.getPdfObject(v)));
      } else {
        out.put(key, copyObject(v));
      }
    }
    if (top && lang != null && out.get(PdfName.LANG) == null) {
      out.put(PdfName.LANG, lang);
    }
    int held = source instanceof PRIndirectReference r ? holdKeys.indexOf(key(r)) : -1;
    if (held >= 0) {
      // an element later slices add to: written by finishSlices, with every slice's kids
      if (top && PdfName.ART.equals(out.get(PdfName.S))) {
        out.put(PdfName.S, PdfName.DOCUMENT); // a slice's root is the joined document's
      }
      PdfObject k = out.get(PdfName.K);
      PdfArray kids = k instanceof PdfArray a ? a : new PdfArray();
      if (k != null && !(k instanceof PdfArray)) {
        kids.add(k);
      }
      out.put(PdfName.K, kids);
      heldRefs.set(held, ref);
      heldDicts.set(held, out);
      return ref;
    }
    addToBody(out, ref);
    return ref;
  }

  /** /K: structure elements, MCIDs, marked-content and object references. */
  private PdfObject kids(
      Input in,
      PdfObject k,
      PdfIndirectReference self,
      Map<Long, PdfIndirectReference> copied,
      int depth)
      throws IOException, BadPdfFormatException {
    PdfObject resolved = PdfReader.getPdfObject(k);
    if (resolved instanceof PdfArray a) {
      PdfArray out = new PdfArray();
      for (int i = 0; i < a.size(); i++) {
        PdfObject kid = kid(in, a.getPdfObject(i), self, copied, depth);
        if (kid != null) {
          out.add(kid);
        }
      }
      return out;
    }
    return kid(in, k, self, copied, depth);
  }

  private PdfObject kid(
      Input in,
      PdfObject k,
      PdfIndirectReference self,
      Map<Long, PdfIndirectReference> copied,
      int depth)
      throws IOException, BadPdfFormatException {
    PdfObject o = PdfReader.getPdfObject(k);
    if (o instanceof PdfNumber) {
      return o;
    }
    if (!(o instanceof PdfDictionary d)) {
      return null;
    }
    PdfName type = d.getAsName(PdfName.TYPE);
    if (PdfName.MCR.equals(type) || PdfName.OBJR.equals(type)) {
      PdfDictionary out = new PdfDictionary();
      for (PdfName key : d.getKeys()) {
        // /Pg, /Obj, /Stm and /StmOwn name pages, annotations and forms: copied with the pages
        out.put(key, copyObject(d.get(key)));
      }
      return out;
    }
    return isElement(d) ? element(in, k, self, copied, depth + 1, null, false) : null;
  }

  private PdfObject renameClasses(Input in, PdfObject c) {
    if (c instanceof PdfName n) {
      return in.classes.getOrDefault(n, n);
    }
    if (c instanceof PdfArray a) {
      PdfArray out = new PdfArray();
      for (int i = 0; i < a.size(); i++) {
        PdfObject o = PdfReader.getPdfObject(a.getPdfObject(i));
        out.add(o instanceof PdfName n ? in.classes.getOrDefault(n, n) : o);
      }
      return out;
    }
    return c == null ? PdfNull.PDFNULL : c;
  }

  /**
   * /A: an attribute object, or an array of them with revision numbers; /Headers follow renamed
   * ids.
   */
  private PdfObject attributes(Input in, PdfObject a) throws IOException, BadPdfFormatException {
    if (a instanceof PdfArray arr) {
      PdfArray out = new PdfArray();
      for (int i = 0; i < arr.size(); i++) {
        out.add(attributes(in, PdfReader.getPdfObject(arr.getPdfObject(i))));
      }
      return out;
    }
    if (a instanceof PdfDictionary d && !(a instanceof PdfStream) && !in.ids.isEmpty()) {
      PdfDictionary out = new PdfDictionary();
      for (PdfName key : d.getKeys()) {
        PdfObject v = PdfReader.getPdfObject(d.get(key));
        if (key.equals(HEADERS) && v instanceof PdfArray headers) {
          PdfArray renamed = new PdfArray();
          for (int i = 0; i < headers.size(); i++) {
            PdfObject h = PdfReader.getPdfObject(headers.getPdfObject(i));
            renamed.add(
                h instanceof PdfString s && in.ids.containsKey(text(s))
                    ? new PdfString(in.ids.get(text(s)), null)
                    : copyObject(h));
          }
          out.put(key, renamed);
        } else {
          out.put(key, copyObject(d.get(key)));
        }
      }
      return out;
    }
    return copyObject(a);
  }

  /** Ids as the id tree's keys are read and written (PDFDocEncoding). */
  private static String text(PdfString s) {
    return PdfEncodings.convertToString(s.getBytes(), null);
  }

  /**
   * Writes the structure tree root (with the merged parent tree, role map, class map and id tree)
   * and MarkInfo into the catalog. Call once, after the last input, before closing.
   */
  void finishStructure(PdfIndirectReference top) throws IOException {
    PdfDictionary root = new PdfDictionary(PdfName.STRUCTTREEROOT);
    root.put(PdfName.K, new PdfArray(top));
    PdfDictionary tree = PdfNumberTree.writeTree(parentTree, this);
    if (tree != null) {
      root.put(PdfName.PARENTTREE, addToBody(tree).getIndirectReference());
    }
    root.put(PdfName.PARENTTREENEXTKEY, new PdfNumber(nextKey));
    if (!roleMap.isEmpty()) {
      PdfDictionary roles = new PdfDictionary();
      roleMap.forEach(roles::put);
      root.put(PdfName.ROLEMAP, roles);
    }
    if (!classMap.isEmpty()) {
      PdfDictionary classes = new PdfDictionary();
      classMap.forEach(classes::put);
      root.put(CLASSMAP, classes);
    }
    if (!idTree.isEmpty()) {
      Map<String, PdfObject> ids = new HashMap<>();
      idTree.forEach((id, ref) -> ids.put(id, ref));
      PdfDictionary names = PdfNameTree.writeTree(ids, this);
      root.put(IDTREE, addToBody(names).getIndirectReference());
    }
    addToBody(root, structTreeRoot());
    getExtraCatalog().put(PdfName.STRUCTTREEROOT, structTreeRoot());
    PdfDictionary mark = new PdfDictionary();
    mark.put(PdfName.MARKED, PdfBoolean.PDFTRUE);
    getExtraCatalog().put(PdfName.MARKINFO, mark);
  }

  private static PdfDictionary dict(PdfObject o) {
    return PdfReader.getPdfObject(o) instanceof PdfDictionary d ? d : null;
  }

  private static PdfArray array(PdfObject o) {
    return PdfReader.getPdfObject(o) instanceof PdfArray a ? a : null;
  }
}
