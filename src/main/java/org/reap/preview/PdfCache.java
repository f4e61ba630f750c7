package org.reap.preview;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.reap.render.RenderException;

/**
 * The preview's PDFs: a document's PDF is made when its link is first followed and kept while the
 * document's inputs key is the same (the key of out/'s manifest, so the bytes are those {@code reap
 * render} writes). Holds the last {@value #SIZE} documents asked for; one PDF is made at a time.
 */
final class PdfCache {
  /** How many documents' PDFs are kept. */
  static final int SIZE = 16;

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  /** Makes the PDF of one document. */
  interface Maker {
    byte[] make() throws RenderException;
  }

  private final PrintWriter log;
  private final Object lock = new Object();
  private final Map<String, Map.Entry<String, byte[]>> pdfs =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<String, byte[]>> eldest) {
          return size() > SIZE;
        }
      };

  /** {@code log} gets one line for each PDF made. */
  PdfCache(PrintWriter log) {
    this.log = log;
  }

  /**
   * The PDF of a Ready snapshot's document {@code name}, made by the snapshot's renderer when it is
   * not kept.
   */
  byte[] pdf(Snapshot.Ready r, String name) throws RenderException {
    return get(name, r.keys().get(name), () -> r.renderer().pdf(r.jobs().get(name)));
  }

  /**
   * The PDF kept for {@code name} when it was made from inputs {@code key}; else made now and kept.
   */
  byte[] get(String name, String key, Maker maker) throws RenderException {
    synchronized (lock) {
      Map.Entry<String, byte[]> cached = pdfs.get(name);
      if (cached != null && cached.getKey().equals(key)) {
        return cached.getValue();
      }
      long start = System.nanoTime();
      byte[] bytes = maker.make();
      pdfs.put(name, Map.entry(key, bytes));
      log.println(
          LocalTime.now().format(CLOCK)
              + " made "
              + name
              + ".pdf "
              + String.format(Locale.ROOT, "(%.1f s)", (System.nanoTime() - start) / 1e9));
      log.flush();
      return bytes;
    }
  }
}
