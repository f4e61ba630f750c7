package org.reap.validate.rules;

import java.util.HashMap;
import java.util.Map;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** Memo sections of type "other" have a heading, and no standard section appears twice. */
public final class MemoSectionHeading implements Rule {
  @Override
  public String id() {
    return "memo.sections";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "A memo section of type other has a heading, and no standard section type appears twice.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("agenda-item")) {
      Map<String, Node.Obj> seen = new HashMap<>();
      for (Node n : d.root().list("sections")) {
        Node.Obj s = (Node.Obj) n;
        String type = s.string("type");
        if (type == null) {
          continue;
        }
        if (type.equals("other")) {
          if (!s.has("heading")) {
            out.report(
                s.spanOf("type"),
                "a section of type other needs a heading",
                "add \"heading: ...\" with the section's title");
          }
        } else if (seen.putIfAbsent(type, s) != null) {
          out.report(
              s.spanOf("type"),
              "the section \""
                  + type
                  + "\" appears twice (first at line "
                  + seen.get(type).spanOf("type").line()
                  + ")",
              "merge the two sections into one");
        }
      }
    }
  }
}
