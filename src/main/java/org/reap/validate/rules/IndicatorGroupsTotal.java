package org.reap.validate.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reap.diagnostic.Severity;
import org.reap.model.Breakdown;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/**
 * Where an indicator says a dimension's groups make up everyone ({@code adds_up: yes}), a measure's
 * groups add up to its total, and cross-tabulated groups (race × gender) add up to the groups of
 * one dimension given on their own (race), within the indicator's tolerance.
 */
public final class IndicatorGroupsTotal implements Rule {
  @Override
  public String id() {
    return "indicator.groups-total";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "Where an indicator's dimensions add up, each measure's groups add up to its total (and cross-tabulated groups to the groups given on their own), within its tolerance.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Node.Obj ind : repo.indicators()) {
      check(ind, out);
    }
  }

  private static void check(Node.Obj ind, Reporter out) {
    List<Breakdown.Dimension> dims = Breakdown.dimensions(ind);
    if (dims.stream().noneMatch(Breakdown.Dimension::addsUp)) {
      return;
    }
    BigDecimal tol =
        ind.value("tolerance") == null
            ? BigDecimal.ZERO
            : ((BigDecimal) ind.value("tolerance")).abs();
    for (Node.Obj m : Breakdown.measures(ind)) {
      // cells grouped by the set of dimensions they name, in the indicator's order
      Map<List<String>, List<Breakdown.Cell>> bySet = new LinkedHashMap<>();
      for (Breakdown.Cell c : Breakdown.cells(m)) {
        if (c.keys(dims).stream().allMatch(k -> Breakdown.dimension(dims, k) != null)) {
          bySet.computeIfAbsent(c.keys(dims), k -> new ArrayList<>()).add(c);
        }
      }
      BigDecimal total = m.value("value");
      bySet.forEach(
          (set, cells) -> {
            if (total != null
                && set.stream().allMatch(k -> Breakdown.dimension(dims, k).addsUp())) {
              BigDecimal sum =
                  cells.stream()
                      .map(Breakdown.Cell::value)
                      .reduce(BigDecimal.ZERO, BigDecimal::add);
              if (sum.subtract(total).abs().compareTo(tol) > 0) {
                out.report(
                    cells.get(0).span(),
                    "the groups by "
                        + labels(set, dims)
                        + " add up to "
                        + text(sum)
                        + ", not to the total "
                        + text(total)
                        + " ("
                        + m.spanOf("value").location()
                        + ")",
                    hint(set, dims, ind));
              }
            }
            if (set.size() < 2) {
              return;
            }
            for (String summed : set) {
              if (!Breakdown.dimension(dims, summed).addsUp()) {
                continue;
              }
              List<String> rest = set.stream().filter(k -> !k.equals(summed)).toList();
              for (Breakdown.Cell margin : bySet.getOrDefault(rest, List.of())) {
                BigDecimal sum = BigDecimal.ZERO;
                boolean any = false;
                for (Breakdown.Cell c : cells) {
                  if (rest.stream().allMatch(k -> c.by().get(k).equals(margin.by().get(k)))) {
                    sum = sum.add(c.value());
                    any = true;
                  }
                }
                if (any && sum.subtract(margin.value()).abs().compareTo(tol) > 0) {
                  out.report(
                      margin.span(),
                      "the groups by "
                          + labels(List.of(summed), dims)
                          + " for "
                          + IndicatorBreakdown.name(margin, dims)
                          + " add up to "
                          + text(sum)
                          + ", not to its value "
                          + text(margin.value()),
                      hint(List.of(summed), dims, ind));
                }
              }
            }
          });
    }
  }

  private static String labels(List<String> keys, List<Breakdown.Dimension> dims) {
    return Breakdown.join(keys);
  }

  private static String hint(List<String> keys, List<Breakdown.Dimension> dims, Node.Obj ind) {
    Breakdown.Dimension first = Breakdown.dimension(dims, keys.get(0));
    return "check the figures; where they are rounded, set \"tolerance:\" on the indicator; where the groups do not make up everyone, remove \"adds_up: yes\" ("
        + first.span().location()
        + ")";
  }

  private static String text(BigDecimal b) {
    return b.stripTrailingZeros().toPlainString();
  }
}
