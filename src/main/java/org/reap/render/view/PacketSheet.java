package org.reap.render.view;

import java.util.List;
import java.util.Map;

/**
 * A page of an agenda packet (packet-cover.ftlx): the contents page, an attachment's cover sheet,
 * or the page that stands for an attachment the repository has no file for (part).
 */
public record PacketSheet(
    Map<String, Object> doc,
    String lang,
    String generator,
    String title,
    boolean supplemental,
    List<Entry> entries,
    boolean inPacket,
    Entry attachment,
    String part,
    Integer memoPage,
    String memoHref)
    implements View {
  /**
   * An attachment as written, its status in words, how it is in the packet, and where it starts.
   */
  public record Entry(
      @Spread Map<String, Object> fields,
      String statusLabel,
      String inclusion,
      String availability,
      Integer page,
      String href) {
    public Entry at(int page, String href) {
      return new Entry(fields, statusLabel, inclusion, availability, page, href);
    }
  }
}
