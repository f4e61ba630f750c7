package org.reap.render.view;

import java.util.List;
import java.util.Map;

/** A committee staff report (memo.ftlx). */
public record Memo(@Spread Page page, List<Attachment> attachments, List<Section> sections)
    implements View {
  /**
   * An attachment as written, its status in words, and the reap document it is (title, kind, link).
   */
  public record Attachment(
      @Spread Map<String, Object> fields,
      String statusLabel,
      String documentTitle,
      String documentKind,
      String href) {}

  /** A section as written, with its heading (the section type's label where it gives none). */
  public record Section(@Spread Map<String, Object> fields, String heading) {}
}
