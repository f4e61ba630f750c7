package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/** A baseline, target or observation carries a value, values by group, or a value in words. */
public final class IndicatorEmptyMeasure implements Rule {
  @Override
  public String id() {
    return "indicator.empty-measure";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "An indicator's baseline, target and observations each carry a value, values by group or a value in words.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("indicators")) {
      Repository.walk(
          d,
          (obj, path) -> {
            if (obj.type().name().equals("measure")
                && !obj.has("value")
                && !obj.has("groups")
                && !obj.has("breakdown")
                && !obj.has("text")
                && !obj.invalid("value")
                && !obj.invalid("groups")
                && !obj.invalid("breakdown")
                && !obj.invalid("text")) {
              out.report(
                  obj.span(),
                  "this measurement has a date but no value",
                  "add \"value: ...\", values by group under \"groups:\" or \"breakdown:\", or the value in words as \"text: ...\"");
            }
          });
    }
  }
}
