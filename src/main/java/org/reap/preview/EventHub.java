package org.reap.preview;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The open server-sent-event streams, one per visible preview tab, each remembering which page it
 * shows and that page's tag. When a build changes a page's tag, its streams get a {@code reload}
 * event and are closed (the reloaded page opens a new one). Pages whose tag did not change are left
 * alone, so saving one file reloads only the tabs that show something it changed.
 */
final class EventHub {
  private record Stream(HttpExchange exchange, OutputStream out, String page, String etag) {}

  private final List<Stream> streams = new ArrayList<>();
  private Snapshot current = new Snapshot.Preparing();
  private boolean closed;

  synchronized Snapshot current() {
    return current;
  }

  /** Makes {@code next} the current snapshot and tells every stream whose page changed. */
  synchronized void publish(Snapshot next) {
    current = next;
    for (Iterator<Stream> it = streams.iterator(); it.hasNext(); ) {
      Stream s = it.next();
      if (!next.etag(s.page()).equals(s.etag())) {
        send(s, "event: reload\ndata: " + s.page() + "\n\n");
        end(s);
        it.remove();
      }
    }
    notifyAll();
  }

  /**
   * Starts a stream for a page that was served with {@code etag}. If the page has changed since, it
   * is told to reload at once (a build may have finished between serving the page and this call).
   */
  synchronized void open(HttpExchange exchange, String page, String etag) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.sendResponseHeaders(200, 0);
    Stream s = new Stream(exchange, exchange.getResponseBody(), page, etag);
    if (closed) {
      end(s);
      return;
    }
    // retry: how soon the browser reconnects after the stream ends (or the server restarts)
    if (!send(s, "retry: 1000\n: reap preview\n\n")) {
      end(s);
    } else if (!current.etag(page).equals(etag)) {
      send(s, "event: reload\ndata: " + page + "\n\n");
      end(s);
    } else {
      streams.add(s);
    }
  }

  /** A comment line on every stream, so streams whose tab has gone are noticed and dropped. */
  synchronized void ping() {
    streams.removeIf(
        s -> {
          if (send(s, ": ping\n\n")) {
            return false;
          }
          end(s);
          return true;
        });
  }

  synchronized int size() {
    return streams.size();
  }

  synchronized void closeAll() {
    closed = true;
    streams.forEach(EventHub::end);
    streams.clear();
    notifyAll();
  }

  private static boolean send(Stream s, String text) {
    try {
      s.out().write(text.getBytes(StandardCharsets.UTF_8));
      s.out().flush();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void end(Stream s) {
    try {
      s.out().close();
    } catch (IOException e) {
      // the tab is gone already
    }
    s.exchange().close();
  }
}
