package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/**
 * A reference points at the right kind of thing: a milestone's team at a team, not a deliverable.
 */
public final class WrongReferenceTarget implements Rule {
  @Override
  public String id() {
    return "ref.wrong-target";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "A reference points at the kind of thing its field expects.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    References.forEach(
        repo,
        ref -> {
          Repository.Definition def = repo.find(ref.id());
          if (def == null || References.matches(def, ref.type())) {
            return;
          }
          String want = References.wanted(ref.type());
          out.report(
              ref.span(),
              "\""
                  + ref.field()
                  + "\" must point at "
                  + want
                  + ", but \""
                  + ref.id()
                  + "\" is "
                  + References.what(def)
                  + " ("
                  + def.span().location()
                  + ")",
              "use the id of " + want);
        });
  }
}
