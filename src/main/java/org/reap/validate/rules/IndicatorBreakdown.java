package org.reap.validate.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reap.diagnostic.Severity;
import org.reap.model.Breakdown;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.source.Span;
import org.reap.validate.Rule;
import org.reap.validate.Suggest;

/**
 * A breakdown names only the indicator's declared dimensions, and in each only its listed groups; a
 * dimension is declared once, and a measure gives each combination of groups once.
 */
public final class IndicatorBreakdown implements Rule {
  @Override
  public String id() {
    return "indicator.breakdown";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "An indicator's breakdowns use its declared dimensions and their listed groups, each combination once per measure.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Node.Obj ind : repo.indicators()) {
      check(ind, out);
    }
  }

  private static void check(Node.Obj ind, Reporter out) {
    String id = ind.string("id");
    Map<String, Span> declared = new HashMap<>();
    for (Node n : ind.list("dimensions")) {
      Node.Obj dim = (Node.Obj) n;
      String key = dim.string("key");
      if (key == null) {
        continue;
      }
      Span first = declared.putIfAbsent(key, dim.spanOf("key"));
      if (first != null) {
        out.report(
            dim.spanOf("key"),
            "the dimension \""
                + key
                + "\" is declared twice in indicator \""
                + id
                + "\" (first at "
                + first.location()
                + ")",
            "declare each dimension once");
      }
    }
    List<Breakdown.Dimension> dims = Breakdown.dimensions(ind);
    List<String> keys = dims.stream().map(Breakdown.Dimension::key).toList();
    for (Node.Obj m : Breakdown.measures(ind)) {
      Map<Map<String, String>, Span> seen = new HashMap<>();
      for (Breakdown.Cell c : Breakdown.cells(m)) {
        boolean ok = true;
        for (Map.Entry<String, String> e : c.by().entrySet()) {
          Breakdown.Dimension dim = Breakdown.dimension(dims, e.getKey());
          if (dim == null) {
            ok = false;
            String hint = Suggest.didYouMean(e.getKey(), keys);
            out.report(
                c.keySpans().get(e.getKey()),
                "\"" + e.getKey() + "\" is not a dimension of indicator \"" + id + "\"",
                hint
                    + (keys.isEmpty()
                        ? "declare it under \"dimensions:\" with \"key: " + e.getKey() + "\""
                        : "its dimensions are: "
                            + String.join(", ", keys)
                            + "; declare others under \"dimensions:\""));
          } else if (!dim.values().isEmpty() && !dim.values().contains(e.getValue())) {
            ok = false;
            out.report(
                c.groupSpans().get(e.getKey()),
                "\""
                    + e.getValue()
                    + "\" is not one of the groups of dimension \""
                    + dim.key()
                    + "\" in indicator \""
                    + id
                    + "\"",
                Suggest.didYouMean(e.getValue(), dim.values())
                    + "the groups are: "
                    + String.join(", ", dim.values())
                    + " ("
                    + dim.span().location()
                    + ")");
          }
        }
        if (ok) {
          Span first = seen.putIfAbsent(c.by(), c.span());
          if (first != null) {
            out.report(
                c.span(),
                "this measure gives the group "
                    + name(c, dims)
                    + " twice (first at "
                    + first.location()
                    + ")",
                "keep one value per group");
          }
        }
      }
    }
  }

  static String name(Breakdown.Cell c, List<Breakdown.Dimension> dims) {
    List<String> parts = new ArrayList<>();
    for (String k : c.keys(dims)) {
      parts.add(c.by().get(k));
    }
    return Breakdown.join(parts);
  }
}
