package org.reap.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.render.Renderer;

/**
 * Nothing the schema accepts is silently dropped: for every kind, a document is made from the
 * schema itself with every text field filled with a word of its own (optional fields included),
 * rendered with the default templates, and every word must appear in some output, unless its field
 * is declared editor-only in {@link Kinds#EDITOR_ONLY}.
 */
class EveryFieldIsPrintedTest {
  @TempDir Path dir;

  private int counter;

  /** marker word → field path it was written into ("plan.goals[].title"). */
  private final Map<String, String> markers = new LinkedHashMap<>();

  private String marker(String path) {
    int n = counter++;
    StringBuilder sb = new StringBuilder("qz");
    do {
      sb.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    String m = sb.append("xw").toString();
    markers.put(m, path);
    return m;
  }

  /**
   * Fields whose values must match another field's, so the walk cannot give them a marker of their
   * own.
   */
  private static final java.util.Set<String> CROSS_CHECKED =
      java.util.Set.of("dimension.values", "breakdown-cell.by");

  /** YAML for a value of type t, indented by {@code indent}; null to leave the field out. */
  private String value(
      Type t, String path, String typeName, String field, List<ObjType> stack, int indent) {
    String pad = " ".repeat(indent);
    return switch (t) {
      case ObjType o -> {
        if (stack.stream().anyMatch(x -> x.name().equals(o.name()))) {
          yield null;
        }
        yield "\n" + object(o, path, stack, indent);
      }
      case ListType l -> {
        String item = value(l.item(), path + "[]", typeName, field, stack, indent + 2);
        if (item == null) {
          yield null;
        }
        yield "\n"
            + pad
            + "- "
            + (item.startsWith("\n") ? item.substring(indent + 3) : item.strip());
      }
      case MapType m -> {
        String v = value(m.value(), path + ".*", typeName, field, stack, indent + 2);
        yield v == null ? null : "\n" + pad + "Group: " + (v.startsWith("\n") ? v : v.strip());
      }
      case ScalarType s ->
          switch (s.scalar()) {
            // a breakdown's groups must name a declared dimension value, which a made-up marker
            // word
            // cannot: they are printed (as row and column names) once valid, checked in
            // BreakdownRenderTest
            case STRING, TEXT ->
                Kinds.EDITOR_ONLY.contains(typeName + "." + field)
                        || Kinds.EDITOR_ONLY.contains("*." + field)
                    ? "editor"
                    : CROSS_CHECKED.contains(typeName + "." + field)
                        ? "Group" + counter++
                        : marker(path);
            case ID -> "id-" + counter++;
            case REF -> "nowhere";
            case DATE -> "2024-01-15";
            case MONTH -> "2024-01";
            case WHEN -> "2024-01";
            case INTEGER -> field.equals("reap") ? "1" : "2";
            case NUMBER -> "3";
            case BOOLEAN -> "yes";
            case ENUM -> "\"" + s.values().get(0) + "\"";
            case EMAIL -> "a@example.org";
            case URL -> "https://example.org";
            case PATH -> "none.pdf";
            case DURATION -> "2 hours";
            case LANGUAGE -> "en";
          };
    };
  }

  /**
   * The repository's own fields the made documents carry (none, or one text field on every target).
   */
  private Settings settings = Settings.NONE;

  private String object(ObjType declared, String path, List<ObjType> stack, int indent) {
    ObjType o = settings.extend(declared);
    List<ObjType> inner = new ArrayList<>(stack);
    inner.add(o);
    StringBuilder sb = new StringBuilder();
    String pad = " ".repeat(indent);
    for (Field f : o.fields().values()) {
      if (SKIPPED.contains(f.name())) {
        continue;
      }
      String v = value(f.type(), path + "." + f.name(), o.name(), f.name(), inner, indent + 2);
      if (v == null) {
        continue;
      }
      sb.append(pad)
          .append(f.name())
          .append(":")
          .append(v.startsWith("\n") ? v : " " + v)
          .append("\n");
    }
    return sb.toString().replaceAll("\n+", "\n").replaceAll("\n$", "");
  }

  /**
   * Fields left out of the made document: they would make translated copies or point outside it.
   */
  static final Set<String> SKIPPED = Set.of("publish_in", "plan", "document", "file");

  @Test
  void aRepositorysOwnFieldsArePrintedOnEveryRowAndKind() throws Exception {
    StringBuilder yaml = new StringBuilder("reap: 1\nfields:\n");
    for (String target : Settings.TARGETS.keySet()) {
      yaml.append("  ")
          .append(target)
          .append(":\n    - name: local_word\n      label: Local\n      type: text\n");
    }
    Files.writeString(dir.resolve(Settings.FILE), yaml.toString(), StandardCharsets.UTF_8);
    settings = org.reap.bind.SettingsLoader.load(dir, dir, new org.reap.diagnostic.Diagnostics());
    assertThat(settings.fieldsFor("milestone")).hasSize(1);
    everyTextFieldOfEveryKindIsPrintedOrDeclaredEditorOnly();
    assertThat(markers.values()).anyMatch(p -> p.endsWith(".local_word"));
  }

  @Test
  void everyTextFieldOfEveryKindIsPrintedOrDeclaredEditorOnly() throws Exception {
    for (Kinds.Kind k : Kinds.all().values()) {
      String yaml = object(k.root(), k.name(), List.of(), 0) + "\n";
      Files.writeString(dir.resolve(k.name() + ".yaml"), yaml, StandardCharsets.UTF_8);
    }
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(dir));
    assertThat(c.repository().documents())
        .as(c.diagnostics().toString())
        .hasSize(Kinds.all().size());
    LocalDate asOf = LocalDate.of(2024, 6, 1);
    Renderer r =
        new Renderer(
            c.repository(),
            new Renderer.Options(
                asOf, Renderer.pdfDate(asOf), EnumSet.of(Renderer.Format.HTML), null, Set.of()));
    StringBuilder all = new StringBuilder();
    for (Renderer.Job job : r.jobs()) {
      all.append(r.xhtml(job));
    }
    String out = all.toString();
    List<String> dropped = new ArrayList<>();
    markers.forEach(
        (m, path) -> {
          if (!out.contains(m)) {
            dropped.add(path);
          }
        });
    assertThat(dropped)
        .as("fields that no default template prints (print them, or add them to Kinds.EDITOR_ONLY)")
        .isEmpty();
  }
}
