package org.reap.validate.rules;

import java.util.List;
import org.reap.diagnostic.Severity;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** Every id is unique across the whole repository, so references cannot be ambiguous. */
public final class DuplicateId implements Rule {
  @Override
  public String id() {
    return "id.duplicate";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "Every id is used once in the whole repository.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    repo.ids()
        .forEach(
            (id, defs) -> {
              if (defs.size() < 2) {
                return;
              }
              Repository.Definition first = defs.get(0);
              List<Repository.Definition> rest = defs.subList(1, defs.size());
              for (Repository.Definition d : rest) {
                out.report(
                    d.span(),
                    "the id \"" + id + "\" is already used by " + References.what(first) + " at " + first.span().location(),
                    "give this " + (d.isDocument() ? "document" : d.type().replace('-', ' ')) + " an id of its own, such as \"" + id + "-2\"");
              }
            });
  }
}
