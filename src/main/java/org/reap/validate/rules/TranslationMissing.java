package org.reap.validate.rules;

import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.model.Translations;
import org.reap.validate.Rule;

/** Every text of a document published in other languages has a translation into each. */
public final class TranslationMissing implements Rule {
  @Override
  public String id() {
    return "translation.missing";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "Every text of a document (or plan) with publish_in has a translation into each language listed; reap translations report lists the gaps.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.documents()) {
      for (String lang : Translations.publishIn(d, repo)) {
        for (Translations.Text t : Translations.missing(d, lang)) {
          String own = Translations.defaultLanguage(d);
          out.report(
              t.value().span(),
              "\""
                  + t.field()
                  + "\" has no translation into "
                  + Translations.displayName(lang)
                  + ", which this document is published in",
              "write it as "
                  + t.field()
                  + ": {"
                  + own
                  + ": ..., "
                  + lang
                  + ": ...}; until then the "
                  + lang
                  + " copy prints the "
                  + own
                  + " text");
        }
      }
    }
  }
}
