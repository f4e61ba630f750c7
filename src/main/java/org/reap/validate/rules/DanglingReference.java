package org.reap.validate.rules;

import java.util.List;
import org.reap.diagnostic.Severity;
import org.reap.model.Repository;
import org.reap.validate.Rule;
import org.reap.validate.Suggest;

/** A reference names an id that is defined somewhere in the repository. */
public final class DanglingReference implements Rule {
  @Override
  public String id() {
    return "ref.dangling";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "A reference (team, deliverable, plan, document, indicator ...) points at an id defined in the repository.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    References.forEach(
        repo,
        ref -> {
          if (repo.find(ref.id()) != null) {
            return;
          }
          List<String> candidates =
              repo.ids().values().stream()
                  .map(defs -> defs.get(0))
                  .filter(d -> References.matches(d, ref.type()))
                  .map(Repository.Definition::id)
                  .sorted()
                  .toList();
          String what = String.join(" or ", ref.type().targets()).replace('-', ' ');
          String hint =
              candidates.isEmpty()
                  ? "define "
                      + References.wanted(ref.type())
                      + " with id \""
                      + ref.id()
                      + "\", or remove \""
                      + ref.field()
                      + "\""
                  : Suggest.didYouMean(ref.id(), candidates)
                      + (candidates.size() <= 8
                          ? "ids of that kind: " + String.join(", ", candidates)
                          : candidates.size() + " " + what + " ids exist; check the spelling");
          out.report(
              ref.span(),
              "\""
                  + ref.field()
                  + "\" points at \""
                  + ref.id()
                  + "\", but no "
                  + what
                  + " has that id",
              hint);
        });
  }
}
