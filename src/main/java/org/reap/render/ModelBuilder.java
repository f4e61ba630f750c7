package org.reap.render;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reap.model.Length;
import org.reap.model.Markdown;
import org.reap.model.Node;
import org.reap.model.Status;
import org.reap.model.When;
import org.reap.render.view.DateView;
import org.reap.render.view.StatusView;

/**
 * Turns the typed tree into what templates see of a document as written: plain maps, lists,
 * strings, numbers and booleans (a row's fields, {@code doc}). Field names stay as in the YAML.
 * Dates become {@link DateView}s (text, short, raw, start, end); Markdown text becomes XHTML
 * markup.
 */
public final class ModelBuilder {
  private final Labels labels;

  public ModelBuilder(Labels labels) {
    this.labels = labels;
  }

  public Labels labels() {
    return labels;
  }

  public Object convert(Node n) {
    return switch (n) {
      case Node.Obj o -> object(o);
      case Node.Lst l -> {
        List<Object> items = new ArrayList<>(l.items().size());
        for (Node i : l.items()) {
          items.add(convert(i));
        }
        yield items;
      }
      case Node.Dict d -> {
        Map<String, Object> m = new LinkedHashMap<>();
        d.entries().forEach((k, v) -> m.put(k, convert(v)));
        yield m;
      }
      case Node.Val v -> value(v.value());
    };
  }

  public Map<String, Object> object(Node.Obj o) {
    Map<String, Object> m = new LinkedHashMap<>();
    o.fields().forEach((k, v) -> m.put(k, convert(v)));
    return m;
  }

  public Object value(Object v) {
    return switch (v) {
      case String s -> s;
      case Markdown md -> Text.markup(Text.blockHtml(md.source()));
      case When w -> date(w);
      case LocalDate d -> date(new When(When.Precision.DAY, d, d, true, d.toString()));
      case YearMonth ym ->
          date(new When(When.Precision.MONTH, ym.atDay(1), ym.atEndOfMonth(), true, ym.toString()));
      case Long l -> l;
      case BigDecimal b -> b;
      case Boolean b -> b;
      case Length len -> len.raw();
      default -> v.toString();
    };
  }

  public DateView date(When w) {
    return Dates.model(w, labels.locale(), labels.get("date.tbd"));
  }

  /** A status as templates see it: key, label (in the document's language) and symbol. */
  public StatusView status(Status s) {
    return new StatusView(s.key(), labels.get(s.labelKey()), s.symbol());
  }

  public DateView date(LocalDate d) {
    return date(new When(When.Precision.DAY, d, d, true, d.toString()));
  }
}
