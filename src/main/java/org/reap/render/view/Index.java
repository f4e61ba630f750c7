package org.reap.render.view;

import java.util.List;

/** The index page (index.ftlx): one row per output document. */
public record Index(String lang, DateView asOf, String generator, List<Row> documents)
    implements View {
  public record Row(
      String name,
      String title,
      String kind,
      String pdf,
      String html,
      String detail,
      List<Translation> translations,
      List<Packet> packets,
      String group) {}

  /** A translated copy of a document. */
  public record Translation(String lang, String name, String title, String pdf, String html) {}

  /** An agenda packet of a memo. */
  public record Packet(String label, String pdf) {}
}
