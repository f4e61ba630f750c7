package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.reap.Pipeline;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;

/**
 * Fields meant for editors never reach the public unless a template asks for them: source_note,
 * date_as_written, a document's notes and a milestone's notes print in no built-in document.
 */
class EditorFieldsTest {
  static Set<String> editorTexts(Repository repo) {
    Set<String> out = new LinkedHashSet<>();
    for (Document d : repo.documents()) {
      Node.Obj root = d.root();
      if (root.string("notes") != null) {
        out.add(root.string("notes"));
      }
      Repository.walk(
          d,
          (o, path) -> {
            for (String f : List.of("source_note", "date_as_written")) {
              if (o.string(f) != null) {
                out.add(o.string(f));
              }
            }
          });
      if (d.kindName().equals("milestones")) {
        for (Node n : root.list("entries")) {
          String notes = ((Node.Obj) n).string("notes");
          if (notes != null) {
            out.add(notes);
          }
        }
      }
    }
    return out;
  }

  @Test
  void editorOnlyFieldsAreNotPrinted() {
    int checked = 0;
    for (Path repoDir : List.of(Path.of("plans"), Path.of("docs/examples"))) {
      Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(repoDir));
      assertThat(c.ok()).isTrue();
      LocalDate asOf = LocalDate.of(2024, 10, 29);
      Renderer r =
          new Renderer(
              c.repository(),
              new Renderer.Options(
                  asOf, Renderer.pdfDate(asOf), EnumSet.of(Renderer.Format.HTML), null, Set.of()));
      Set<String> editor = editorTexts(c.repository());
      assertThat(editor).as(repoDir + " has editor-only fields to check").isNotEmpty();
      List<String> problems = new ArrayList<>();
      for (Renderer.Job job : r.jobs()) {
        String text;
        try {
          text = Jsoup.parse(r.xhtml(job)).text().replaceAll("\\s+", " ");
        } catch (RenderException e) {
          throw new AssertionError(e);
        }
        assertThat(text).as(job.name()).doesNotContain("printed as");
        for (String e : editor) {
          String plain = Text.plain(e).replaceAll("\\s+", " ").strip();
          // long enough not to be a word the document prints for its own reasons (a date, "TBD")
          if (plain.length() >= 12) {
            checked++;
            if (text.contains(plain)) {
              problems.add(job.name() + " prints \"" + plain + "\"");
            }
          }
        }
      }
      assertThat(problems).isEmpty();
    }
    assertThat(checked).isPositive();
  }
}
