package org.reap.validate.rules;

import java.util.List;
import org.reap.diagnostic.Severity;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/**
 * Every id is unique across the whole repository, so references cannot be ambiguous; and no
 * document's id is the name of another output in out/ ({@code index}, or a plan's {@code
 * <plan>-progress} report), which would silently replace that output's file.
 */
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
    return "Every id is used once in the whole repository, and no document takes the name of another output (index, or a plan's <plan>-progress report).";
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
                    "the id \""
                        + id
                        + "\" is already used by "
                        + References.what(first)
                        + " at "
                        + first.span().location(),
                    "give this "
                        + (d.isDocument() ? "document" : d.type().replace('-', ' '))
                        + " an id of its own, such as \""
                        + id
                        + "-2\"");
              }
            });
    java.util.Map<String, Repository.Definition> progress = new java.util.HashMap<>();
    repo.ids()
        .forEach(
            (id, defs) ->
                defs.stream()
                    .filter(
                        d ->
                            d.isDocument()
                                && d.document() != null
                                && d.document().kindName().equals("plan"))
                    .findFirst()
                    .ifPresent(plan -> progress.put(id + "-progress", plan)));
    repo.ids()
        .forEach(
            (id, defs) -> {
              for (Repository.Definition d : defs) {
                if (!d.isDocument()) {
                  continue;
                }
                if (id.equals("index")) {
                  out.report(
                      d.span(),
                      "the id \"index\" is taken: out/index.html is the list of every document, and would replace this document's HTML",
                      "give this document another id, such as \""
                          + d.document().kindName()
                          + "-index\"");
                } else if (progress.containsKey(id)) {
                  Repository.Definition plan = progress.get(id);
                  out.report(
                      d.span(),
                      "the id \""
                          + id
                          + "\" is the name of the progress report of "
                          + References.what(plan)
                          + " at "
                          + plan.span().location()
                          + " (out/"
                          + id
                          + ".pdf), which would replace this document's files",
                      "give this document an id that does not end in \"-progress\"");
                }
              }
            });
  }
}
