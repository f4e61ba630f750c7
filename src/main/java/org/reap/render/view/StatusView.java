package org.reap.render.view;

import java.util.List;

/**
 * A status as templates see it: its key ("done"), its label in the document's language (or the
 * city's own word for it) and its symbol. The words come from {@link org.reap.model.Status}.
 */
public record StatusView(String key, String label, String symbol) {
  /** The same status under the city's word, where it has one ("Ongoing"). */
  public StatusView withLabel(String word) {
    return word == null ? this : new StatusView(key, word, symbol);
  }

  /** How many items show a status ({@code c.count}, with {@code c.key}, {@code c.label}). */
  public record Count(@Spread StatusView status, int count) {}

  /** The milestones that show a status (a progress report's groups). */
  public record Group(@Spread StatusView status, List<Milestone> rows) {}

  /** A status with the text a table cell prints for it. */
  public record Texted(@Spread StatusView status, String text) {}
}
