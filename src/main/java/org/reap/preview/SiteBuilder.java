package org.reap.preview;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reap.Pipeline;
import org.reap.diagnostic.Diagnostic;
import org.reap.render.Manifest;
import org.reap.render.RenderException;
import org.reap.render.Renderer;
import org.reap.render.output.OutputDir;

/**
 * One build of the preview: validates the whole repository (the rules look across files, and a warm
 * check of the sample takes a fraction of a second), then renders the HTML of the documents whose
 * inputs changed into the preview's private folder, with the same manifest as {@code reap render}:
 * a document whose filled-in template, metadata and reap version are what they were last time is
 * not converted again, and when no file reap reads has changed since the last good build (the
 * whole-run key) no template is filled in at all. PDFs are not made here but on demand.
 */
final class SiteBuilder {
  /** What a build produced, what it rendered again, and how long it took. */
  record Build(Snapshot snapshot, List<String> updated, long millis) {}

  private final PreviewServer.Config config;
  private final Path work;

  SiteBuilder(PreviewServer.Config config, Path work) {
    this.config = config;
    this.work = work;
  }

  Build build() {
    long start = System.nanoTime();
    List<String> updated = new ArrayList<>();
    Snapshot s;
    try {
      s = make(updated);
    } catch (RuntimeException e) {
      // a bug in reap: shown in the browser and the log rather than stopping the preview
      s =
          new Snapshot.Broken(
              List.of(),
              List.of(
                  new Problems.RenderProblem(
                      "the preview",
                      null,
                      "reap failed with an internal error ("
                          + e
                          + "). This is a bug in reap, not in your files.",
                      "save again to retry; if it persists, report it with the file you changed")));
    }
    return new Build(s, updated, (System.nanoTime() - start) / 1_000_000);
  }

  private Snapshot make(List<String> updated) {
    Pipeline.Checked checked = Pipeline.check(config.check());
    if (!checked.ok()) {
      return new Snapshot.Broken(checked.diagnostics(), List.of());
    }
    List<Diagnostic> warnings = checked.diagnostics();
    Path templates = config.templatesFor(checked.repository().root());
    Renderer.Options html =
        new Renderer.Options(
            config.asOf(),
            config.pdfDate(),
            EnumSet.of(Renderer.Format.HTML),
            templates,
            Set.of(),
            null,
            List.of(),
            config.version());
    Renderer renderer = new Renderer(checked.repository(), html);
    try (OutputDir dir = OutputDir.open(work)) {
      return make(checked, warnings, templates, renderer, dir, updated);
    } catch (RenderException e) {
      return new Snapshot.Broken(
          warnings,
          List.of(
              new Problems.RenderProblem(
                  "The preview's folder " + work, null, e.userMessage(), e.hint())));
    }
  }

  /**
   * Renders into {@code dir}, each page staged there as it is made; nothing is moved into place
   * unless all rendered.
   */
  private Snapshot make(
      Pipeline.Checked checked,
      List<Diagnostic> warnings,
      Path templates,
      Renderer renderer,
      OutputDir dir,
      List<String> updated)
      throws RenderException {
    Renderer.Result result =
        renderer.render(
            Manifest.read(work), work, false, (name, bytes) -> dir.stage(name, bytes).temp());
    if (!result.ok()) {
      List<Problems.RenderProblem> problems = new ArrayList<>();
      for (Renderer.Problem p : result.problems()) {
        problems.add(
            new Problems.RenderProblem(
                p.job().name(),
                p.job().source().file().displayPath(),
                p.error().userMessage(),
                p.error().hint()));
      }
      return new Snapshot.Broken(warnings, problems);
    }
    List<Renderer.Job> jobs = renderer.jobs();
    byte[] index;
    try {
      // the list links each document's PDF too: they are made when asked for
      Renderer.Options both =
          new Renderer.Options(
              config.asOf(),
              config.pdfDate(),
              EnumSet.allOf(Renderer.Format.class),
              templates,
              Set.of(),
              null,
              List.of(),
              config.version());
      index = new Renderer(checked.repository(), both).index(jobs);
    } catch (RenderException e) {
      return new Snapshot.Broken(
          warnings,
          List.of(
              new Problems.RenderProblem(
                  "The list of documents", "index.ftlx", e.userMessage(), e.hint())));
    }
    // as reap render does: the whole run's key, so that a save that changes no byte anything
    // reads (a save without edits, or a fix back to what was last shown) skips every template
    dir.stage("index.html", index);
    if (renderer.wholeRun()) {
      result
          .manifest()
          .put(
              Manifest.RUN,
              new Manifest.Entry(
                  renderer.runKey(work), Map.of("index.html", Manifest.fingerprint(index))));
    }
    dir.stageOwn(Manifest.FILE, result.manifest().bytes());
    dir.commitAll();
    Map<String, Renderer.Job> byName = new LinkedHashMap<>();
    Map<String, byte[]> pages = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    Set<String> fresh = new java.util.HashSet<>();
    result.files().forEach(r -> fresh.add(r.fileName()));
    for (Renderer.Job j : jobs) {
      String file = j.name() + ".html";
      if (fresh.contains(file)) {
        updated.add(j.name());
      }
      byte[] bytes;
      try {
        // the pages made now were staged and moved into place above: read back like the others
        bytes = Files.readAllBytes(work.resolve(file));
      } catch (IOException e) {
        return new Snapshot.Broken(
            warnings,
            List.of(
                new Problems.RenderProblem(
                    j.name(),
                    null,
                    "the preview could not read back "
                        + work.resolve(file)
                        + " ("
                        + e.getMessage()
                        + ")",
                    "save again to retry")));
      }
      byName.put(j.name(), j);
      pages.put(j.name(), bytes);
      Manifest.Entry e = result.manifest().get(j.name());
      keys.put(j.name(), e == null ? "" : e.key());
    }
    return Snapshot.Ready.of(renderer, byName, pages, keys, index, warnings);
  }
}
