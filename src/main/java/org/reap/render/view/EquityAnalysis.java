package org.reap.render.view;

import java.util.List;
import java.util.Map;

/**
 * A Racial Equity Tool worksheet (equity-analysis.ftlx): the indicators it names, numbered, and its
 * steps.
 */
public record EquityAnalysis(
    @Spread Page page,
    List<Indicator> indicators,
    Map<String, String> indicatorNames,
    List<Step> implementationSteps)
    implements View {
  /** An implementation step with the name of its team. */
  public record Step(@Spread Map<String, Object> fields, String teamName) {}
}
