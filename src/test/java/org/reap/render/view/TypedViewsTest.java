package org.reap.render.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract between the code and the templates is the records of this package: every one can be
 * read by a template (public, with components the wrapper can give a template), and no string-keyed
 * map is built for templates anywhere else.
 */
class TypedViewsTest {
  private static final Path VIEWS = Path.of("src/main/java/org/reap/render/view");

  /** Every record of the package, nested ones included. */
  static List<Class<?>> records() throws IOException, ClassNotFoundException {
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(VIEWS)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().replace(".java", "");
        collect(Class.forName(TypedViewsTest.class.getPackageName() + "." + name), out);
      }
    }
    return out;
  }

  private static void collect(Class<?> c, List<Class<?>> out) {
    if (c.isRecord()) {
      out.add(c);
    }
    for (Class<?> inner : c.getDeclaredClasses()) {
      collect(inner, out);
    }
  }

  @Test
  void everyViewRecordIsPublicAndHoldsOnlyWhatATemplateCanRead() throws Exception {
    List<Class<?>> records = records();
    assertThat(records)
        .extracting(Class::getSimpleName)
        .contains(
            "Page",
            "Timeline",
            "Milestone",
            "ActionTable",
            "PacketSheet",
            "DateView",
            "StatusView");
    List<String> problems = new ArrayList<>();
    for (Class<?> r : records) {
      if (!Modifier.isPublic(r.getModifiers())) {
        problems.add(r.getName() + " is not public");
      }
      for (RecordComponent c : r.getRecordComponents()) {
        if (!readable(c.getGenericType())) {
          problems.add(
              r.getSimpleName() + "." + c.getName() + ": " + c.getGenericType().getTypeName());
        }
        if (c.isAnnotationPresent(Spread.class)
            && !(Map.class.isAssignableFrom(c.getType())
                || c.getType().isRecord()
                || c.getType() == View.class)) {
          problems.add(
              r.getSimpleName()
                  + "."
                  + c.getName()
                  + " is spread but is neither a map nor a view record");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * What ViewWrapper gives a template: text, numbers, booleans, lists and maps of those, and this
   * package's records.
   */
  private static boolean readable(Type t) {
    if (t instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      return (raw == List.class || raw == Map.class)
          && Stream.of(p.getActualTypeArguments()).allMatch(TypedViewsTest::readable);
    }
    Class<?> c = (Class<?>) t;
    return c == String.class
        || c == Object.class
        || c == int.class
        || c == Integer.class
        || c == boolean.class
        || c == Boolean.class
        || c == View.class
        || c.isRecord() && c.getPackageName().equals(TypedViewsTest.class.getPackageName());
  }

  /** Where a map with a key written in the code may still be built, and why. */
  private static final Map<String, String> ALLOWED =
      Map.of(
          "render/packet/PacketAssembler.java",
              "OpenPDF's outline (SimpleBookmark) is a map with the keys Title, Action, Page, Kids",
          "render/packet/SliceJoiner.java",
              "the same outline maps: a later slice's bookmarks go under the last one's Kids",
          "bind/SettingsLoader.java",
              "a text by language: the settings file's own text is English (en)");

  @Test
  void noStringKeyedMapIsBuiltForTemplatesOutsideTheViews() throws IOException {
    Pattern put = Pattern.compile("\\.put\\(\"");
    Map<String, Integer> found = new TreeMap<>();
    Path main = Path.of("src/main/java/org/reap");
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = put.matcher(Files.readString(f));
        int n = 0;
        while (m.find()) {
          n++;
        }
        if (n > 0) {
          found.put(main.relativize(f).toString().replace('\\', '/'), n);
        }
      }
    }
    assertThat(found.keySet())
        .as(
            "files that build maps keyed by names in the code (make them records of org.reap.render.view)")
        .isSubsetOf(ALLOWED.keySet());
  }
}
