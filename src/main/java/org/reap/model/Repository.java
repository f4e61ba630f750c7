package org.reap.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.reap.source.Span;

/** Every document read from one repository folder, and an index of every id defined in them. */
public final class Repository {
  private final Path root;
  private final List<Document> documents;
  private final Map<String, List<Definition>> ids = new LinkedHashMap<>();

  /** Where an id is defined: the type of thing ("team", "plan") and the document it is in. */
  public record Definition(
      String id, String type, boolean isDocument, Node.Obj node, Document document, Span span) {}

  private final int filesRead;

  private final org.reap.schema.Settings settings;

  public Repository(Path root, List<Document> documents, int filesRead) {
    this(root, documents, filesRead, org.reap.schema.Settings.NONE);
  }

  public Repository(
      Path root, List<Document> documents, int filesRead, org.reap.schema.Settings settings) {
    this.settings = settings;
    this.filesRead = filesRead;
    this.root = root;
    this.documents = List.copyOf(documents);
    for (Document d : this.documents) {
      walk(
          d,
          (obj, path) -> {
            String id = obj.string("id");
            if (id != null) {
              boolean isDoc = obj == d.root();
              ids.computeIfAbsent(id, k -> new ArrayList<>())
                  .add(new Definition(id, obj.type().name(), isDoc, obj, d, obj.spanOf("id")));
            }
          });
    }
  }

  /** How many YAML files were found, including those that could not be read. */
  public int filesRead() {
    return filesRead;
  }

  /** The repository's own settings (its fields, status words, fiscal year, action table). */
  public org.reap.schema.Settings settings() {
    return settings;
  }

  public Path root() {
    return root;
  }

  public List<Document> documents() {
    return documents;
  }

  public List<Document> ofKind(String kind) {
    return documents.stream().filter(d -> d.kindName().equals(kind)).toList();
  }

  /** The milestone files (timelines) that name the plan, in file order. */
  public List<Document> timelinesOf(String planId) {
    return ofKind("milestones").stream()
        .filter(d -> planId.equals(d.root().string("plan")))
        .toList();
  }

  /** The milestones of a plan: every entry of every timeline that names it, in file order. */
  public List<Node.Obj> milestonesOf(String planId) {
    List<Node.Obj> out = new ArrayList<>();
    for (Document d : timelinesOf(planId)) {
      for (Node n : d.root().list("entries")) {
        out.add((Node.Obj) n);
      }
    }
    return out;
  }

  /** Every definition of every id, in file order; an id defined twice has two. */
  public Map<String, List<Definition>> ids() {
    return Collections.unmodifiableMap(ids);
  }

  public Definition find(String id) {
    List<Definition> defs = ids.get(id);
    return defs == null ? null : defs.get(0);
  }

  /** Every indicator of every indicators file, in file order. */
  public List<Node.Obj> indicators() {
    List<Node.Obj> all = new java.util.ArrayList<>();
    for (Document d : ofKind("indicators")) {
      for (Node n : d.root().list("indicators")) {
        all.add((Node.Obj) n);
      }
    }
    return all;
  }

  /** The title of what an id names (its title, name, heading or text), or the id itself. */
  public String titleOf(String id) {
    Definition def = id == null ? null : find(id);
    if (def == null) {
      return id;
    }
    for (String f : List.of("title", "name", "heading", "text")) {
      String s = def.node().string(f);
      if (s != null) {
        return s;
      }
    }
    return id;
  }

  public Document document(String id) {
    Definition d = find(id);
    return d != null && d.isDocument() ? d.document() : null;
  }

  /** Visits every object in a document, depth first, with its field path ("entries[3]"). */
  public static void walk(Document d, BiConsumer<Node.Obj, String> visitor) {
    walk(d.root(), "", visitor);
  }

  private static void walk(Node n, String path, BiConsumer<Node.Obj, String> visitor) {
    switch (n) {
      case Node.Obj o -> {
        visitor.accept(o, path);
        o.fields().forEach((k, v) -> walk(v, path.isEmpty() ? k : path + "." + k, visitor));
      }
      case Node.Lst l -> {
        for (int i = 0; i < l.items().size(); i++) {
          walk(l.items().get(i), path + "[" + i + "]", visitor);
        }
      }
      case Node.Dict dict -> dict.entries().forEach((k, v) -> walk(v, path + "." + k, visitor));
      case Node.Val v -> {}
    }
  }
}
