package org.reap.render.view;

import java.util.List;
import java.util.Map;

/**
 * What every document's template gets: the document as written ({@code doc}), its kind, language
 * and output name, the as-of date, the generator ("reap 1.2.0"), the plan it belongs to (when that
 * is another document) and the repository's own fields by schema group ({@code custom_fields}).
 */
public record Page(
    Map<String, Object> doc,
    String kind,
    String lang,
    String output,
    DateView asOf,
    String generator,
    Map<String, Object> plan,
    Map<String, List<CustomField>> customFields)
    implements View {
  /** A field a city adds (reap-settings.yaml), with its label in the document's language. */
  public record CustomField(String name, String label, String type) {}

  /** A translated copy: its language and banner over the document's own view. */
  public record Translated(String lang, String translation, @Spread View view) implements View {}

  /** A document rendered for an agenda packet, whose stamp replaces its page numbers. */
  public record InPacket(boolean inPacket, @Spread View view) implements View {}
}
