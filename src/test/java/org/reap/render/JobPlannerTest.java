package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;
import org.reap.model.Repository;

/**
 * Which jobs a render plans, without rendering any: translated copies, --only, their order and
 * names.
 */
class JobPlannerTest {
  static final String MEMO = TranslatedRenderTest.MEMO;

  static JobPlanner planner(Repository repo, Set<String> only, List<String> languages) {
    return new JobPlanner(
        repo,
        new Renderer.Options(
            TranslatedRenderTest.AS_OF,
            Renderer.pdfDate(TranslatedRenderTest.AS_OF),
            EnumSet.allOf(Renderer.Format.class),
            null,
            only,
            null,
            languages));
  }

  static Repository repo(Path dir) throws Exception {
    Pipeline.Checked c = Pipeline.check(Pipeline.Options.of(TranslatedRenderTest.repo(dir)));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return c.repository();
  }

  static List<String> names(List<Renderer.Job> jobs) {
    return jobs.stream().map(Renderer.Job::name).toList();
  }

  @Test
  void theDefaultCopiesComeFirstThenTheTranslatedOnes(@TempDir Path dir) throws Exception {
    Repository repo = repo(dir);
    List<Renderer.Job> plain = planner(repo, Set.of(), List.of()).jobs();
    List<Renderer.Job> all = planner(repo, Set.of(), List.of(Renderer.ALL)).jobs();
    assertThat(plain).noneMatch(Renderer.Job::isTranslation);
    assertThat(names(all).subList(0, plain.size())).isEqualTo(names(plain));
    assertThat(names(all).subList(plain.size(), all.size()))
        .containsExactly(MEMO + ".es", MEMO + ".vi", MEMO + ".zh-hans");
    Renderer.Job zh = all.get(all.size() - 1);
    assertThat(zh.language()).isEqualTo("zh-Hans");
    assertThat(zh.original()).isEqualTo(MEMO);
    assertThat(zh.source().id()).isEqualTo(MEMO);
    assertThat(zh.title()).isEqualTo("小型房屋维修许可费减免");
  }

  @Test
  void theLanguagesAskedForLessTheDocumentsOwn(@TempDir Path dir) throws Exception {
    Repository repo = repo(dir);
    var memo = repo.document(MEMO);
    assertThat(planner(repo, Set.of(), List.of("EN", "zh-hans", "es")).languagesOf(memo))
        .containsExactly("zh-Hans", "es");
    assertThat(planner(repo, Set.of(), List.of(Renderer.ALL, "fr")).languagesOf(memo))
        .containsExactly("es", "vi", "zh-Hans", "fr");
    assertThat(planner(repo, Set.of(), null).languagesOf(memo)).isEmpty();
    // a language the document has no text in still gets its copy, in the document's own text
    assertThat(names(planner(repo, Set.of(), List.of("fr")).jobs()))
        .contains(MEMO + ".fr", "riverton-2025-timeline.fr");
  }

  @Test
  void onlyKeepsTheNamedOutputsDocumentsAndTheirTranslations(@TempDir Path dir) throws Exception {
    Repository repo = repo(dir);
    assertThat(names(planner(repo, Set.of(MEMO), List.of("es")).jobs()))
        .containsExactly(MEMO, MEMO + ".es");
    assertThat(names(planner(repo, Set.of(MEMO + ".es"), List.of("es")).jobs()))
        .containsExactly(MEMO + ".es");
    assertThat(names(planner(repo, Set.of("riverton-reap-2025"), List.of()).jobs()))
        .allMatch(n -> n.startsWith("riverton-reap-2025"));
    assertThat(planner(repo, Set.of("no-such-output"), List.of()).jobs()).isEmpty();
  }

  @Test
  void aTranslatedCopysBannerIsItsNoticeElseTheLabel(@TempDir Path dir) throws Exception {
    Repository repo = repo(dir);
    assertThat(JobPlanner.banner(repo.document(MEMO), "es"))
        .isEqualTo(Labels.of("es").get("translation.banner"));
    assertThat(
            planner(repo, Set.of(), List.of("es"))
                .jobs()
                .get(planner(repo, Set.of(), List.of()).jobs().size())
                .model()
                .get())
        .isInstanceOfSatisfying(
            org.reap.render.view.Page.Translated.class,
            t -> {
              assertThat(t.lang()).isEqualTo("es");
              assertThat(t.translation()).isEqualTo(Labels.of("es").get("translation.banner"));
            });
  }
}
