package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.cli.Run;
import org.reap.schema.DocumentKinds;
import org.reap.schema.Kinds;

/**
 * The registry of document kinds is the one list: the schema's kinds, the template files, the
 * template engine's defaults, the labels, the views, {@code reap new}, {@code reap templates} and
 * docs/templates.md all agree with it.
 */
class DocumentKindsTest {
  static final Path TEMPLATES = Path.of("templates");

  @Test
  void theRegistryHasEveryKindOfTheSchemaAndNoOther() {
    assertThat(DocumentKinds.all().stream().map(DocumentKinds.DocumentKind::name))
        .containsExactlyInAnyOrderElementsOf(Kinds.all().keySet());
    for (DocumentKinds.DocumentKind k : DocumentKinds.all()) {
      assertThat(k.schema()).as(k.name()).isNotNull();
      assertThat(k.rendered()).as(k.name() + " is rendered").isNotEmpty();
    }
  }

  @Test
  void everyTemplateFileIsReachableFromTheRegistryAndEveryNamedTemplateExists() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(TEMPLATES)) {
      s.filter(Files::isRegularFile)
          .forEach(p -> files.add(TEMPLATES.relativize(p).toString().replace('\\', '/')));
    }
    assertThat(files).as("the files of templates/").hasSizeGreaterThan(5);
    assertThat(DocumentKinds.templates())
        .as("the registry's templates")
        .containsExactlyInAnyOrderElementsOf(files);
    assertThat(DocumentKinds.templates()).doesNotHaveDuplicates();
    for (String t : DocumentKinds.templates()) {
      assertThat(DocumentKinds.makes(t)).as("what " + t + " makes").isNotBlank();
      try (InputStream in =
          TemplateEngine.class.getResourceAsStream(TemplateEngine.BUILTIN + "/" + t)) {
        assertThat(in).as(t + " is in the jar's defaults").isNotNull();
      }
    }
  }

  @Test
  void theTemplateEngineListsTheRegistrysTemplates() {
    assertThat(TemplateEngine.builtinNames())
        .containsExactlyElementsOf(DocumentKinds.templates())
        .contains("packet-cover.ftlx");
  }

  @Test
  void everyLabelKeyOfTheRegistryIsInTheLabels() throws IOException {
    Properties labels = new Properties();
    try (InputStream in = Labels.class.getResourceAsStream("/reap/labels/labels.properties")) {
      labels.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    for (DocumentKinds.DocumentKind k : DocumentKinds.all()) {
      assertThat(labels).as(k.name()).containsKey(k.label());
      for (DocumentKinds.Output o : k.outputs()) {
        assertThat(labels).as(o.id()).containsKey(o.label());
        if (o.titlePrefix() != null) {
          assertThat(labels).as(o.id()).containsKey(o.titlePrefix());
        }
      }
    }
  }

  @Test
  void everyRenderedOutputHasAView() {
    for (DocumentKinds.DocumentKind k : DocumentKinds.all()) {
      for (DocumentKinds.Output o : k.rendered()) {
        assertThatCode(() -> Renderer.view(o, null, null, "x", null))
            .as(o.id())
            .doesNotThrowAnyException();
      }
    }
    // a kind with no view of its own gets the document as written (Views.simple), so adding one
    // needs its schema, its DocumentKinds entry, its template and its labels, and no Java besides
    DocumentKinds.Output unknown =
        new DocumentKinds.Output(
            "nothing", "nothing.ftlx", "", "kind.plan", null, DocumentKinds.MadeBy.RENDER, "");
    assertThat(Renderer.view(unknown, null, null, "x", null)).isNotNull();
  }

  @Test
  void docsTemplatesNamesEveryTemplate() throws IOException {
    String doc = Files.readString(Path.of("docs/templates.md"), StandardCharsets.UTF_8);
    for (String t : DocumentKinds.templates()) {
      assertThat(doc).as("docs/templates.md names " + t).contains("`" + t + "`");
    }
    assertThat(doc)
        .as(
            "docs/templates.md has the registry's table of templates (DocumentKinds.markdownTable()); paste it in")
        .contains(DocumentKinds.markdownTable());
  }

  @Test
  void docsCliNamesEveryRenderedOutputWithItsTemplateAndFile() throws IOException {
    List<String> rows =
        Files.readString(Path.of("docs/cli.md"), StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("| ") && l.contains(".ftlx`"))
            .toList();
    for (DocumentKinds.DocumentKind k : DocumentKinds.all()) {
      for (DocumentKinds.Output o : k.rendered()) {
        assertThat(rows)
            .as(
                "docs/cli.md's table of outputs has a row with "
                    + o.template()
                    + " and ID"
                    + o.suffix()
                    + ".pdf")
            .anyMatch(
                r ->
                    r.contains("`" + o.template() + "`")
                        && r.contains("`ID" + o.suffix() + ".pdf`"));
      }
    }
    long rendered =
        DocumentKinds.all().stream().mapToLong(k -> k.rendered().isEmpty() ? 0 : 1).sum();
    assertThat(rows).as("one row per kind").hasSize((int) rendered);
  }

  @Test
  void everyTemplateCanBeExportedAndListed(@TempDir Path dir) throws IOException {
    Run list = Run.in(dir, "templates", "list");
    assertThat(list.exit()).as(list.all()).isZero();
    for (String t : DocumentKinds.templates()) {
      assertThat(list.out())
          .as("reap templates list")
          .containsPattern("(?m)^" + java.util.regex.Pattern.quote(t) + "\\s+default$");
      Run export = Run.in(dir, "templates", "export", t);
      assertThat(export.exit()).as(t + ": " + export.all()).isZero();
      try (InputStream in =
          TemplateEngine.class.getResourceAsStream(TemplateEngine.BUILTIN + "/" + t)) {
        assertThat(dir.resolve("templates").resolve(t)).hasBinaryContent(in.readAllBytes());
      }
    }
  }

  @Test
  void reapNewMakesAValidFileOfEveryKind(@TempDir Path dir) throws IOException {
    assertThat(Run.in(dir, "init", "city").exit()).isZero();
    Path city = dir.resolve("city");
    Run help = Run.in(city, "new", "--help");
    for (DocumentKinds.DocumentKind k : DocumentKinds.all()) {
      assertThat(help.out()).as("reap new --help names " + k.newName()).contains(k.newName());
      Run made = Run.in(city, "new", k.newName(), "new-" + k.name(), "--date", "2025-06-10");
      assertThat(made.exit()).as(k.name() + ": " + made.all()).isZero();
      assertThat(made.out()).startsWith("wrote plans/" + k.name() + "-new-" + k.name() + ".yaml");
    }
    Run v = Run.in(city, "validate");
    assertThat(v.exit()).as(v.all()).isZero();
  }
}
