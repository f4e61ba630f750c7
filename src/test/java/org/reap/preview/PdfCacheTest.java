package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reap.render.RenderException;

/**
 * The preview's PDFs on demand: made once per inputs key, made again when the key changes, the
 * oldest dropped.
 */
class PdfCacheTest {
  private final StringWriter log = new StringWriter();
  private final PdfCache cache = new PdfCache(new PrintWriter(log, true));
  private final AtomicInteger made = new AtomicInteger();

  private PdfCache.Maker maker(String content) {
    return () -> {
      made.incrementAndGet();
      return content.getBytes(StandardCharsets.UTF_8);
    };
  }

  @Test
  void keepsAPdfWhileItsKeyIsTheSame() throws Exception {
    byte[] first = cache.get("riverton-timeline", "k1", maker("one"));
    byte[] again = cache.get("riverton-timeline", "k1", maker("two"));
    assertThat(again).isSameAs(first);
    assertThat(made).hasValue(1);
    assertThat(log.toString()).contains(" made riverton-timeline.pdf (").containsOnlyOnce("made");
  }

  @Test
  void makesItAgainWhenTheInputsChanged() throws Exception {
    cache.get("riverton-timeline", "k1", maker("one"));
    byte[] changed = cache.get("riverton-timeline", "k2", maker("two"));
    assertThat(new String(changed, StandardCharsets.UTF_8)).isEqualTo("two");
    assertThat(made).hasValue(2);
    // the new key replaced the old one
    cache.get("riverton-timeline", "k2", maker("three"));
    assertThat(made).hasValue(2);
  }

  @Test
  void documentsAreKeptApart() throws Exception {
    cache.get("a", "k", maker("a"));
    byte[] b = cache.get("b", "k", maker("b"));
    assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("b");
    assertThat(made).hasValue(2);
  }

  @Test
  void dropsTheLeastRecentlyAskedForBeyondItsSize() throws Exception {
    for (int i = 0; i < PdfCache.SIZE; i++) {
      cache.get("d" + i, "k", maker("x"));
    }
    cache.get("d0", "k", maker("x")); // d0 asked for again: d1 is now the oldest
    cache.get("new", "k", maker("x"));
    assertThat(made).hasValue(PdfCache.SIZE + 1);
    cache.get("d0", "k", maker("x"));
    assertThat(made).as("d0 was kept").hasValue(PdfCache.SIZE + 1);
    cache.get("d1", "k", maker("x"));
    assertThat(made).as("d1 was dropped").hasValue(PdfCache.SIZE + 2);
  }

  @Test
  void aFailedPdfIsNotKept() throws Exception {
    PdfCache.Maker failing =
        () -> {
          made.incrementAndGet();
          throw new RenderException("no");
        };
    assertThatThrownBy(() -> cache.get("a", "k", failing)).isInstanceOf(RenderException.class);
    cache.get("a", "k", maker("ok"));
    assertThat(made).hasValue(2);
    assertThat(log.toString()).containsOnlyOnce("made a.pdf");
  }
}
