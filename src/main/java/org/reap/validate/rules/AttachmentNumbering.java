package org.reap.validate.rules;

import java.util.HashMap;
import java.util.Map;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** Attachments are numbered once each, and numbers run 1, 2, 3 without gaps. */
public final class AttachmentNumbering implements Rule {
  @Override
  public String id() {
    return "attachment.numbering";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "An agenda item's attachments are numbered once each, in order, without gaps.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("agenda-item")) {
      Map<String, Node.Obj> seen = new HashMap<>();
      int expected = 1;
      boolean numeric = true;
      for (Node n : d.root().list("attachments")) {
        Node.Obj a = (Node.Obj) n;
        String num = a.string("number");
        if (num == null) {
          continue;
        }
        Node.Obj earlier = seen.putIfAbsent(num.trim(), a);
        if (earlier != null) {
          out.report(
              a.spanOf("number"),
              "attachment "
                  + num
                  + " is numbered twice (also at line "
                  + earlier.spanOf("number").line()
                  + ")",
              "give each attachment its own number");
          continue;
        }
        if (numeric && num.trim().matches("\\d+")) {
          int k = Integer.parseInt(num.trim());
          if (k != expected) {
            out.report(
                a.spanOf("number"),
                k > expected
                    ? "attachment "
                        + k
                        + " follows attachment "
                        + (expected - 1)
                        + ": "
                        + (k - expected == 1
                            ? "attachment " + expected + " is"
                            : "attachments " + expected + " to " + (k - 1) + " are")
                        + " missing"
                    : "attachment " + k + " is out of order",
                "number attachments 1, 2, 3 in the order they are listed; mark one that is not ready \"status: pending\" rather than leaving a gap");
          }
          expected = k + 1;
        } else {
          numeric = false;
        }
      }
    }
  }
}
