package org.reap.render;

import org.reap.model.Document;
import org.reap.model.Node;

/**
 * What the memo, the packet's contents page, its cover sheets and its bookmarks say about an
 * attachment, in one place so they agree: a status only where the YAML gives one (an attachment
 * without a status is not "Final"), and, for an attachment the repository holds no file for, the
 * words a clerk would use: the attachment's own {@code availability}, else "To be distributed at
 * the meeting" for one still to be provided (pending), else "Available from the" committee's
 * publisher as the memo's header names it ("Office of the City Clerk"), else "Available from the
 * clerk". The words are labels, translated like every label.
 */
public final class AttachmentWording {
  private final Labels labels;
  private final String publisher;

  public AttachmentWording(Labels labels, Document memo) {
    this.labels = labels;
    Node.Obj committee = memo.root().obj("committee");
    this.publisher = committee == null ? null : committee.string("publisher");
  }

  /**
   * The attachment's status in words ({@code status_label} for templates), or null when the YAML
   * gives none.
   */
  public String statusLabel(Node.Obj attachment) {
    String status = attachment.string("status");
    return status == null ? null : labels.get("attachment." + status);
  }

  /** Where a reader gets an attachment that is not in the packet (no file or document for it). */
  public String availability(Node.Obj attachment) {
    String own = attachment.string("availability");
    if (own != null) {
      return own;
    }
    if ("pending".equals(attachment.string("status"))) {
      return labels.get("packet.to-be-distributed");
    }
    return publisher != null
        ? labels.get("packet.available-from", publisher)
        : labels.get("packet.available-from-clerk");
  }
}
