package org.reap.render.pdf;

import java.time.Instant;
import java.util.Objects;

/**
 * Document information written into the PDF.
 *
 * @param title the document title (/Title, dc:title; shown in the viewer's title bar); required
 * @param language BCP 47 language tag of the document, e.g. "en" or "es-US" (catalog /Lang);
 *     required
 * @param author /Author, or null
 * @param subject /Subject, or null
 * @param keywords /Keywords, or null
 * @param creator the application that made the source, e.g. "reap 0.1.0" (/Creator), or null
 * @param date /CreationDate and /ModDate; fix it (e.g. to the commit time) for reproducible output
 *     <p>{@link PdfEngine#render} rejects a blank title or a malformed language tag with a {@link
 *     org.reap.render.RenderException}.
 */
public record PdfMeta(
    String title,
    String language,
    String author,
    String subject,
    String keywords,
    String creator,
    Instant date) {
  public PdfMeta {
    Objects.requireNonNull(date, "date");
  }
}
