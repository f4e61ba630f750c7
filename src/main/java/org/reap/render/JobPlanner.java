package org.reap.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.model.Translations;
import org.reap.render.Renderer.Job;
import org.reap.render.view.Page;
import org.reap.render.view.View;
import org.reap.schema.DocumentKinds;

/**
 * Which documents a render makes: for each document its kind's outputs ({@link DocumentKinds}),
 * each filled from its view ({@link Renderer#view}), then the translated copies asked for ({@code
 * --language}, in a stable order), less the outputs {@code --only} leaves out and the progress
 * reports that have nothing to report yet. Plans only: nothing is filled in or rendered.
 */
final class JobPlanner {
  private final Repository repo;
  private final Renderer.Options options;

  JobPlanner(Repository repo, Renderer.Options options) {
    this.repo = repo;
    this.options = options;
  }

  /**
   * The progress reports not made because their plan has nothing to report yet (no milestones,
   * deliverables, indicators, accomplishments, actions or tasks with a status), by output name.
   */
  List<String> leftOut() {
    List<String> out = new ArrayList<>();
    Map<String, Views> byLanguage = new LinkedHashMap<>();
    for (Document d : repo.documents()) {
      DocumentKinds.DocumentKind kind = DocumentKinds.get(d.kindName());
      if (kind == null) {
        continue;
      }
      Views views =
          byLanguage.computeIfAbsent(Translations.defaultLanguage(d), l -> views(repo, l));
      for (DocumentKinds.Output o : kind.rendered()) {
        if (o.id().equals("progress") && !views.hasProgress(d)) {
          out.add(d.id() + o.suffix());
        }
      }
    }
    return out;
  }

  /**
   * Every output the repository makes, in a stable order: the default copies, then translated ones.
   */
  List<Job> jobs() {
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Document d : repo.documents()) {
      outputs.put(d.id(), d.id());
    }
    Map<String, Views> byLanguage = new LinkedHashMap<>();
    List<Job> jobs = new ArrayList<>();
    for (Document d : repo.documents()) {
      String lang = Translations.defaultLanguage(d);
      Views views = byLanguage.computeIfAbsent(lang, l -> views(repo, l));
      jobs.addAll(jobsOf(d, d, lang, views, outputs, null));
    }
    Map<String, Repository> localized = new LinkedHashMap<>();
    Map<String, Views> translatedViews = new LinkedHashMap<>();
    for (int i = 0; i < repo.documents().size(); i++) {
      Document d = repo.documents().get(i);
      for (String lang : languagesOf(d)) {
        Repository r = localized.computeIfAbsent(lang, l -> Translations.localize(repo, l));
        Views views = translatedViews.computeIfAbsent(lang, l -> views(r, l));
        jobs.addAll(jobsOf(d, r.documents().get(i), lang, views, outputs, banner(d, lang)));
      }
    }
    if (options.only() != null && !options.only().isEmpty()) {
      jobs.removeIf(
          j ->
              !options.only().contains(j.name())
                  && !options.only().contains(j.source().id())
                  && !(j.isTranslation() && options.only().contains(j.original())));
    }
    return jobs;
  }

  private Views views(Repository r, String lang) {
    Views v = new Views(r, Labels.of(lang), options.asOf(), options.generator());
    v.since(options.since());
    return v;
  }

  /** The translated copies a document gets: the languages asked for, less its own. */
  List<String> languagesOf(Document d) {
    List<String> asked = options.languages() == null ? List.of() : options.languages();
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String l : asked) {
      if (l.equals(Renderer.ALL)) {
        out.addAll(Translations.publishIn(d, repo));
      } else {
        out.add(Translations.canonical(l));
      }
    }
    out.remove(Translations.defaultLanguage(d));
    return List.copyOf(out);
  }

  /**
   * The banner of a translated copy: the document's translation_notice in that language, else the
   * label.
   */
  static String banner(Document d, String lang) {
    if (d.root().fields().get("translation_notice") instanceof org.reap.model.Node.Val v
        && v.translations().containsKey(lang)) {
      return String.valueOf(v.translations().get(lang).value());
    }
    return Labels.of(lang).get("translation.banner");
  }

  /**
   * The outputs of one document. {@code d} is the document as written (names and sources), {@code
   * shown} the copy whose text is printed; a non-null {@code banner} makes translated copies.
   */
  private List<Job> jobsOf(
      Document d,
      Document shown,
      String lang,
      Views views,
      Map<String, String> outputs,
      String banner) {
    // file names are lower case (out/ accepts nothing else): ID.zh-hans.pdf for zh-Hans
    String suffix = banner == null ? "" : "." + lang.toLowerCase(Locale.ROOT);
    List<Job> jobs = new ArrayList<>();
    java.util.function.Function<Supplier<View>, Supplier<View>> wrap =
        model -> banner == null ? model : () -> new Page.Translated(lang, banner, model.get());
    DocumentKinds.DocumentKind kind = DocumentKinds.get(d.kindName());
    if (kind == null) {
      throw new IllegalStateException("no output for kind " + d.kindName());
    }
    for (DocumentKinds.Output o : kind.rendered()) {
      if (o.id().equals("progress") && !views.hasProgress(shown)) {
        continue; // nothing to report: see leftOut()
      }
      String name = d.id() + o.suffix();
      String title =
          o.titlePrefix() == null
              ? shown.fullTitle()
              : Labels.of(lang).get(o.titlePrefix()) + ": " + shown.fullTitle();
      jobs.add(
          new Job(
              name + suffix,
              o.template(),
              title,
              lang,
              d,
              wrap.apply(Renderer.view(o, views, shown, name, outputs)),
              banner == null ? null : name));
    }
    return jobs;
  }
}
