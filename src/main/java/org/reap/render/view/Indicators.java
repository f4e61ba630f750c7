package org.reap.render.view;

import java.util.List;

/** An indicators document (indicators.ftlx): each indicator with its figures and charts. */
public record Indicators(@Spread Page page, List<Indicator> indicators) implements View {}
