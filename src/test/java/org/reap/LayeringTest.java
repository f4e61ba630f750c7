package org.reap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The stages depend on each other in one direction only: no cycle between the packages under
 * org.reap (a package counts with its sub-packages, so render.pdf is part of render). References
 * are read from the sources: imports, static imports and names written out in full in the code
 * (comments and string literals are left out).
 */
class LayeringTest {
  static final Path SOURCES = Path.of("src/main/java");

  /**
   * References that are known to close a cycle and are being removed elsewhere, as "from class ->
   * to class". Each one must still exist (so a stale entry is noticed) and must be the only reason
   * for its cycle.
   */
  /** References allowed to close a cycle, each with the reason; none today. */
  static final Set<String> ALLOWED = Set.of();

  /** One reference from a class to a class in another top-level package. */
  record Ref(String from, String to) {
    String fromPackage() {
      return top(from);
    }

    String toPackage() {
      return top(to);
    }

    @Override
    public String toString() {
      return from + " -> " + to;
    }
  }

  @Test
  void noCycleBetweenPackages() {
    List<Ref> refs = references(SOURCES);
    assertThat(refs).as("the scan found the references between the stages").hasSizeGreaterThan(50);
    List<Ref> kept = refs.stream().filter(r -> !ALLOWED.contains(r.toString())).toList();
    assertThat(cycles(kept))
        .as("cycles between packages (each with the references that close it)")
        .isEmpty();
  }

  @Test
  void everyAllowanceIsStillNeeded() {
    List<Ref> refs = references(SOURCES);
    Set<String> present = new TreeSet<>();
    refs.forEach(r -> present.add(r.toString()));
    for (String allowed : ALLOWED) {
      if (!present.contains(allowed)) {
        continue; // gone: the test below reports it
      }
      List<Ref> with =
          new ArrayList<>(
              refs.stream()
                  .filter(r -> !ALLOWED.contains(r.toString()) || r.toString().equals(allowed))
                  .toList());
      assertThat(cycles(with))
          .as("the allowance " + allowed + " closes a cycle; if it does not, delete it")
          .isNotEmpty();
    }
    assertThat(present)
        .as("every allowance names a reference that still exists; delete the stale ones")
        .containsAll(ALLOWED);
  }

  @Test
  void aCycleIsFound() {
    List<Ref> refs =
        List.of(
            new Ref("org.reap.load.A", "org.reap.validate.B"),
            new Ref("org.reap.validate.B", "org.reap.model.C"),
            new Ref("org.reap.model.C", "org.reap.load.D"),
            new Ref("org.reap.cli.E", "org.reap.load.A"));
    Map<String, List<String>> found = cycles(refs);
    assertThat(found).containsOnlyKeys("load, model, validate");
    assertThat(found.get("load, model, validate"))
        .contains("org.reap.load.A -> org.reap.validate.B", "org.reap.model.C -> org.reap.load.D");
    assertThat(cycles(refs.subList(0, 2))).isEmpty();
  }

  @Test
  void referencesWrittenInFullAndImportsAreBothSeen() {
    String src =
        "package org.reap.render;\n"
            + "import org.reap.model.Document;\n"
            + "import static org.reap.schema.Kinds.STATUSES;\n"
            + "import org.reap.diagnostic.*;\n"
            + "/** {@link org.reap.cli.Main} in a comment does not count */\n"
            + "class X { String s = \"org.reap.preview.Pages\"; // org.reap.export.Calendars\n"
            + "  Object v = org.reap.history.Changes.diff(null); }\n";
    assertThat(referencesIn("org.reap.render.X", src).stream().map(Ref::to))
        .containsExactlyInAnyOrder(
            "org.reap.model.Document",
            "org.reap.schema.Kinds",
            "org.reap.diagnostic.*",
            "org.reap.history.Changes");
  }

  // ---- the scan
  // ----------------------------------------------------------------------------------

  static String top(String className) {
    String[] parts = className.split("\\.");
    // org.reap.X.Y… -> X; a class directly in org.reap (Pipeline) is its own package "(root)"
    return parts.length > 3 && Character.isLowerCase(parts[2].charAt(0)) ? parts[2] : "(root)";
  }

  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern NAME =
      Pattern.compile("\\borg\\.reap\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*|\\*)");

  static List<Ref> references(Path sources) {
    List<Ref> refs = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Matcher pm = PACKAGE.matcher(text);
        assertThat(pm.find()).as(f + " has a package line").isTrue();
        String name = pm.group(1) + "." + f.getFileName().toString().replace(".java", "");
        refs.addAll(referencesIn(name, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return refs;
  }

  static List<Ref> referencesIn(String className, String text) {
    String code = stripCommentsAndStrings(text);
    List<Ref> refs = new ArrayList<>();
    Matcher m = NAME.matcher(code);
    while (m.find()) {
      String to = "org.reap." + m.group(1) + m.group(2);
      Ref r = new Ref(className, to);
      if (!r.fromPackage().equals(r.toPackage()) && !refs.contains(r)) {
        refs.add(r);
      }
    }
    return refs;
  }

  /** Java source with comments, string literals, text blocks and char literals blanked out. */
  static String stripCommentsAndStrings(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 2;
        out.append(' ');
      } else if (s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        i = end < 0 ? s.length() : end + 3;
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * The cycles among the packages: each strongly connected group of two or more packages, named by
   * its members ("load, validate"), with the references inside it.
   */
  static Map<String, List<String>> cycles(List<Ref> refs) {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (Ref r : refs) {
      graph.computeIfAbsent(r.fromPackage(), k -> new TreeSet<>()).add(r.toPackage());
      graph.computeIfAbsent(r.toPackage(), k -> new TreeSet<>());
    }
    // Tarjan's algorithm
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> groups = new ArrayList<>();
    int[] counter = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        strongConnect(v, graph, index, low, stack, onStack, groups, counter);
      }
    }
    Map<String, List<String>> out = new TreeMap<>();
    for (Set<String> g : groups) {
      if (g.size() > 1) {
        out.put(
            String.join(", ", g),
            refs.stream()
                .filter(r -> g.contains(r.fromPackage()) && g.contains(r.toPackage()))
                .map(Ref::toString)
                .sorted()
                .toList());
      }
    }
    return out;
  }

  private static void strongConnect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> groups,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : graph.get(v)) {
      if (!index.containsKey(w)) {
        strongConnect(w, graph, index, low, stack, onStack, groups, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> g = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        g.add(w);
      } while (!w.equals(v));
      groups.add(g);
    }
  }
}
