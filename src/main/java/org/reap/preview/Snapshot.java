package org.reap.preview;

import java.util.List;
import java.util.Map;
import org.reap.diagnostic.Diagnostic;
import org.reap.render.Manifest;
import org.reap.render.Renderer;

/**
 * What the preview shows, as of the last build: still preparing, the rendered documents, or the
 * problems that stop them. Immutable; the server swaps in a new one after each build.
 */
sealed interface Snapshot {
  /** The tag a page is served with: a page reloads when the tag of its address changes. */
  String etag(String page);

  /** Before the first build has finished. */
  record Preparing() implements Snapshot {
    @Override
    public String etag(String page) {
      return "preparing";
    }
  }

  /**
   * A valid repository, rendered. {@code pages} holds each document's HTML as rendered (no preview
   * script), {@code jobs} the jobs that make them (for PDFs on demand), {@code keys} each job's
   * inputs key (the same as in out/reap-manifest.tsv), {@code warnings} what validation found.
   */
  record Ready(
      Renderer renderer,
      Map<String, Renderer.Job> jobs,
      Map<String, byte[]> pages,
      Map<String, String> keys,
      byte[] index,
      List<Diagnostic> warnings,
      Map<String, String> etags)
      implements Snapshot {
    static Ready of(
        Renderer renderer,
        Map<String, Renderer.Job> jobs,
        Map<String, byte[]> pages,
        Map<String, String> keys,
        byte[] index,
        List<Diagnostic> warnings) {
      // the warnings are part of every page's tag: the preview bar shows how many there are
      String w = Manifest.sha256(Problems.text(warnings, List.of())).substring(0, 12);
      Map<String, String> etags = new java.util.HashMap<>();
      pages.forEach((name, html) -> etags.put(name, Manifest.sha256(html).substring(0, 20) + w));
      etags.put(Pages.INDEX, Manifest.sha256(index).substring(0, 20) + w);
      etags.put(Pages.PROBLEMS, "ok" + w);
      return new Ready(
          renderer,
          Map.copyOf(jobs),
          Map.copyOf(pages),
          Map.copyOf(keys),
          index,
          List.copyOf(warnings),
          Map.copyOf(etags));
    }

    @Override
    public String etag(String page) {
      return etags.getOrDefault(page, "missing");
    }
  }

  /** The repository has errors, or a document or the index could not be rendered. */
  record Broken(List<Diagnostic> diagnostics, List<Problems.RenderProblem> problems, String tag)
      implements Snapshot {
    Broken(List<Diagnostic> diagnostics, List<Problems.RenderProblem> problems) {
      this(
          List.copyOf(diagnostics),
          List.copyOf(problems),
          "broken" + Manifest.sha256(Problems.text(diagnostics, problems)).substring(0, 20));
    }

    @Override
    public String etag(String page) {
      return tag;
    }

    public long errors() {
      return diagnostics.stream()
              .filter(d -> d.severity() == org.reap.diagnostic.Severity.ERROR)
              .count()
          + problems.size();
    }
  }
}
