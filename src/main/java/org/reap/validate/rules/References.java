package org.reap.validate.rules;

import java.util.function.Consumer;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.schema.Field;
import org.reap.schema.ListType;
import org.reap.schema.Scalar;
import org.reap.schema.ScalarType;
import org.reap.source.Span;

/** Finds every reference (a REF field, or a list of them) in the repository. */
final class References {
  record Ref(String id, ScalarType type, Span span, String field, Document document) {}

  private References() {}

  static void forEach(Repository repo, Consumer<Ref> action) {
    for (Document d : repo.documents()) {
      Repository.walk(
          d,
          (obj, path) -> {
            for (Field f : obj.type().fields().values()) {
              Node n = obj.fields().get(f.name());
              if (n == null) {
                continue;
              }
              if (f.type() instanceof ScalarType st
                  && st.scalar() == Scalar.REF
                  && n instanceof Node.Val v) {
                action.accept(new Ref((String) v.value(), st, v.span(), f.name(), d));
              } else if (f.type() instanceof ListType lt
                  && lt.item() instanceof ScalarType st
                  && st.scalar() == Scalar.REF
                  && n instanceof Node.Lst l) {
                for (Node item : l.items()) {
                  if (item instanceof Node.Val v) {
                    action.accept(new Ref((String) v.value(), st, v.span(), f.name(), d));
                  }
                }
              }
            }
          });
    }
  }

  /** "a team", "an indicator". */
  static String a(String noun) {
    String n = noun.replace('-', ' ');
    return ("aeiou".indexOf(n.charAt(0)) >= 0 ? "an " : "a ") + n;
  }

  /** "a team", or "the milestones document" for an id that names a whole document. */
  static String what(Repository.Definition def) {
    return def.isDocument() ? "the " + def.type().replace('-', ' ') + " document" : a(def.type());
  }

  /** "a team", "a deliverable or an objective". */
  static String wanted(ScalarType type) {
    return String.join(
        " or ",
        type.targets().stream().map(t -> t.equals("document") ? "a document" : a(t)).toList());
  }

  static boolean matches(Repository.Definition def, ScalarType type) {
    for (String t : type.targets()) {
      if (t.equals(def.type()) || (t.equals("document") && def.isDocument())) {
        return true;
      }
    }
    return false;
  }
}
