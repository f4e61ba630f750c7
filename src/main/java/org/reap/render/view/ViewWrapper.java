package org.reap.render.view;

import freemarker.template.Configuration;
import freemarker.template.SimpleCollection;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx2;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FreeMarker's {@link SimpleObjectWrapper} (plain maps, lists, strings, numbers, booleans) plus the
 * records of this package, each as a hash of its components by their snake_case names ({@code
 * shownStatus} is {@code shown_status}, {@code next30} is {@code next_30}). No method of a record
 * can be called from a template, and a record of any other package is refused as any Java object
 * is.
 */
public final class ViewWrapper extends SimpleObjectWrapper {
  private static final String PACKAGE = ViewWrapper.class.getPackageName();

  public ViewWrapper() {
    super(Configuration.VERSION_2_3_34);
  }

  @Override
  protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
    if (obj instanceof Record r && r.getClass().getPackageName().equals(PACKAGE)) {
      return new RecordHash(r, this);
    }
    return super.handleUnknownType(obj);
  }

  /** The name templates use for a component. */
  static String key(RecordComponent c) {
    Key k = c.getAnnotation(Key.class);
    if (k != null) {
      return k.value();
    }
    String name = c.getName();
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      boolean digitRun = Character.isDigit(ch) && i > 0 && !Character.isDigit(name.charAt(i - 1));
      if (Character.isUpperCase(ch) || digitRun) {
        sb.append('_');
      }
      sb.append(Character.toLowerCase(ch));
    }
    return sb.toString();
  }

  /**
   * A record type's components: by template name, and the spread ones in order. (A class, not a
   * record: every record of this package is one a template may read.)
   */
  private static final class Shape {
    private final Map<String, MethodHandle> named;
    private final List<MethodHandle> spread;

    Shape(Map<String, MethodHandle> named, List<MethodHandle> spread) {
      this.named = named;
      this.spread = spread;
    }

    Map<String, MethodHandle> named() {
      return named;
    }

    List<MethodHandle> spread() {
      return spread;
    }
  }

  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          Map<String, MethodHandle> named = new LinkedHashMap<>();
          List<MethodHandle> spread = new ArrayList<>();
          for (RecordComponent c : type.getRecordComponents()) {
            MethodHandle h;
            try {
              h = MethodHandles.publicLookup().unreflect(c.getAccessor());
            } catch (IllegalAccessException e) {
              throw new IllegalStateException("a view record must be public: " + type.getName(), e);
            }
            if (c.isAnnotationPresent(Spread.class)) {
              spread.add(h);
            } else {
              named.put(key(c), h);
            }
          }
          return new Shape(java.util.Collections.unmodifiableMap(named), List.copyOf(spread));
        }
      };

  private static Object call(MethodHandle h, Object r) throws TemplateModelException {
    try {
      return h.invoke(r);
    } catch (Throwable t) {
      throw new TemplateModelException(t);
    }
  }

  /**
   * A record as a template sees it: a component that is null is missing, so that {@code x??} reads
   * as it did on a map without the key; a spread component's own names are looked up after the
   * record's.
   */
  static final class RecordHash implements TemplateHashModelEx2 {
    private final Record record;
    private final ViewWrapper wrapper;
    private final Shape shape;

    RecordHash(Record record, ViewWrapper wrapper) {
      this.record = record;
      this.wrapper = wrapper;
      this.shape = SHAPES.get(record.getClass());
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Object v = lookup(record, key);
      return v == null ? null : wrapper.wrap(v);
    }

    private Object lookup(Object o, String key) throws TemplateModelException {
      if (o instanceof Map<?, ?> m) {
        return m.get(key);
      }
      if (!(o instanceof Record r) || !r.getClass().getPackageName().equals(PACKAGE)) {
        return null;
      }
      Shape s = SHAPES.get(r.getClass());
      MethodHandle h = s.named().get(key);
      Object v = h == null ? null : call(h, r);
      for (int i = 0; v == null && i < s.spread().size(); i++) {
        v = lookup(call(s.spread().get(i), r), key);
      }
      return v;
    }

    private Map<String, Object> entries() throws TemplateModelException {
      Map<String, Object> out = new LinkedHashMap<>();
      collect(record, out);
      return out;
    }

    private void collect(Object o, Map<String, Object> out) throws TemplateModelException {
      if (o instanceof Map<?, ?> m) {
        m.forEach(
            (k, v) -> {
              if (k instanceof String s && v != null) {
                out.putIfAbsent(s, v);
              }
            });
      } else if (o instanceof Record r && r.getClass().getPackageName().equals(PACKAGE)) {
        Shape s = SHAPES.get(r.getClass());
        for (Map.Entry<String, MethodHandle> e : s.named().entrySet()) {
          Object v = call(e.getValue(), r);
          if (v != null) {
            out.putIfAbsent(e.getKey(), v);
          }
        }
        for (MethodHandle h : s.spread()) {
          collect(call(h, r), out);
        }
      }
    }

    @Override
    public int size() throws TemplateModelException {
      return entries().size();
    }

    @Override
    public boolean isEmpty() throws TemplateModelException {
      return entries().isEmpty();
    }

    @Override
    public TemplateCollectionModel keys() throws TemplateModelException {
      return new SimpleCollection(new ArrayList<Object>(entries().keySet()), wrapper);
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
      return new SimpleCollection(new ArrayList<Object>(entries().values()), wrapper);
    }

    @Override
    public KeyValuePairIterator keyValuePairIterator() throws TemplateModelException {
      var it = entries().entrySet().iterator();
      return new KeyValuePairIterator() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public KeyValuePair next() throws TemplateModelException {
          Map.Entry<String, Object> e = it.next();
          TemplateModel k = wrapper.wrap(e.getKey());
          TemplateModel v = wrapper.wrap(e.getValue());
          return new KeyValuePair() {
            @Override
            public TemplateModel getKey() {
              return k;
            }

            @Override
            public TemplateModel getValue() {
              return v;
            }
          };
        }
      };
    }
  }
}
