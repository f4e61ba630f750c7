package org.reap.render;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.reap.render.packet.SliceJoiner;
import org.reap.render.view.Page;
import org.reap.render.view.Timeline;
import org.reap.render.view.View;

/**
 * A long timeline's PDF in slices: the rows are cut at month boundaries (a month's cells that span
 * rows are never cut) into slices of at most {@code rows} rows (a longer month is a slice of its
 * own), each slice is laid out as a document of its own, the slices render at the same time on up
 * to {@code threads} threads, and {@link SliceJoiner} joins them into one PDF with one page
 * numbering, one structure tree and one outline. Flying Saucer lays out one document on one thread;
 * slices put every core to work on one long table.
 *
 * <p>The first slice carries the heading and introduction, the last the Gantt chart and the
 * deliverables; every slice repeats the table's header row (timeline.ftlx, with {@link
 * Timeline.Slice}).
 */
final class TimelineSlices {
  /** Rows per slice unless the system property {@code reap.slice.rows} says otherwise. */
  static final int DEFAULT_ROWS = 1_500;

  /**
   * Where timeline.ftlx's page number sits on its landscape page (lib/style.css): right-aligned at
   * the page's right margin (0.6in), its baseline in the bottom margin (0.75in) as the running
   * pager's is.
   */
  static final float STAMP_RIGHT = 43.2f;

  static final float STAMP_BASELINE = 24.4f;

  private TimelineSlices() {}

  /** Renders one slice's view to PDF. */
  interface SlicePdf {
    byte[] pdf(View slice) throws RenderException;
  }

  /**
   * The slices' views of a timeline with more than {@code rows} rows (also inside a translated
   * copy's view), in order; null for anything else, which renders whole.
   */
  static List<View> split(View model, int rows) {
    if (model instanceof Page.Translated t) {
      List<View> inner = split(t.view(), rows);
      return inner == null
          ? null
          : inner.stream()
              .map(v -> (View) new Page.Translated(t.lang(), t.translation(), v))
              .toList();
    }
    if (!(model instanceof Timeline tl)) {
      return null;
    }
    int all = 0;
    for (Timeline.Month m : tl.months()) {
      all += m.rows().size();
    }
    if (all <= rows) {
      return null;
    }
    List<List<Timeline.Month>> groups = new ArrayList<>();
    List<Timeline.Month> current = new ArrayList<>();
    int size = 0;
    for (Timeline.Month m : tl.months()) {
      if (!current.isEmpty() && size + m.rows().size() > rows) {
        groups.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(m);
      size += m.rows().size();
    }
    groups.add(current);
    if (groups.size() < 2) {
      return null;
    }
    List<View> out = new ArrayList<>();
    int offset = 0;
    for (int i = 0; i < groups.size(); i++) {
      boolean last = i == groups.size() - 1;
      Timeline part =
          new Timeline(
              tl.page(),
              List.copyOf(groups.get(i)),
              tl.counts(),
              tl.pastWithoutStatus(),
              tl.legend(),
              last ? tl.gantt() : null,
              last ? tl.ganttAlt() : null,
              last ? tl.deliverables() : List.of(),
              tl.partnershipLabel());
      out.add(new Timeline.Slice(true, i == 0, offset, part));
      offset += groups.get(i).size();
    }
    return out;
  }

  /**
   * The slices rendered (at the same time on up to {@code threads} threads) and joined, each as
   * soon as it and those before it are ready: joining overlaps rendering.
   */
  static byte[] render(List<View> slices, SlicePdf render, int threads, String stampPattern)
      throws RenderException {
    SliceJoiner joiner = new SliceJoiner(stampPattern, STAMP_RIGHT, STAMP_BASELINE);
    int n = Math.min(threads, slices.size());
    if (n <= 1) {
      for (View v : slices) {
        joiner.add(render.pdf(v));
      }
    } else {
      AtomicInteger names = new AtomicInteger();
      List<Future<byte[]>> futures = new ArrayList<>();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              n, r -> new Thread(r, "reap-slice-" + names.incrementAndGet()));
      try {
        for (View v : slices) {
          futures.add(pool.submit(() -> render.pdf(v)));
        }
        for (int i = 0; i < futures.size(); i++) {
          byte[] pdf = futures.get(i).get();
          futures.set(i, null); // its bytes are the joiner's now
          joiner.add(pdf);
        }
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        if (c instanceof RenderException r) {
          throw r;
        }
        if (c instanceof RuntimeException r) {
          throw r;
        }
        if (c instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(c);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("rendering was interrupted", e);
      } finally {
        for (Future<byte[]> f : futures) {
          if (f != null) {
            f.cancel(true);
          }
        }
        pool.shutdown();
      }
    }
    return joiner.finish();
  }
}
