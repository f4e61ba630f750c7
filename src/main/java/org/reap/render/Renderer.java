package org.reap.render;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.reap.model.Document;
import org.reap.model.Repository;
import org.reap.model.Translations;
import org.reap.render.html.HtmlWriter;
import org.reap.render.pdf.PdfEngine;
import org.reap.render.pdf.PdfMeta;

/**
 * Renders every document of a valid repository: model → FreeMarker → XHTML → PDF and HTML. Every
 * document is rendered before anything is written; if any fails, nothing is written.
 */
public final class Renderer {
  public enum Format {
    PDF,
    HTML
  }

  /** What to render and how. {@code pdfDate} is written as the PDFs' creation date. */
  /**
   * What to render and how. {@code pdfDate} is written as the PDFs' creation date. {@code languages}
   * adds translated copies (ID.es.pdf) in those languages, or with {@link #ALL} in every language a
   * document publishes in (its header field publish_in); the default copies are always made.
   */
  public record Options(LocalDate asOf, Instant pdfDate, Set<Format> formats, Path templates, Set<String> only, Since since, List<String> languages) {
    public Options(LocalDate asOf, Instant pdfDate, Set<Format> formats, Path templates, Set<String> only, Since since) {
      this(asOf, pdfDate, formats, templates, only, since, List.of());
    }

    public Options(LocalDate asOf, Instant pdfDate, Set<Format> formats, Path templates, Set<String> only) {
      this(asOf, pdfDate, formats, templates, only, null);
    }
  }

  /** The language "all": every language each document publishes in. */
  public static final String ALL = "all";

  /** The plans as they were at an earlier revision, for "changes since" in progress reports. */
  public record Since(Repository before, LocalDate date, String revision) {}

  /** One output document: its file name (without extension), template, and data. */
  public record Job(String name, String template, String title, String language, Document source, Supplier<Map<String, Object>> model, String original) {
    public Job(String name, String template, String title, String language, Document source, Supplier<Map<String, Object>> model) {
      this(name, template, title, language, source, model, null);
    }

    /** True for a translated copy; {@link #original()} is then the name of the default copy. */
    public boolean isTranslation() {
      return original != null;
    }
  }

  /** A file ready to be written. */
  public record Rendered(String fileName, byte[] bytes, Job job) {}

  /** A document that could not be rendered. */
  public record Problem(Job job, RenderException error) {}

  /** What was rendered, what failed, what was skipped as unchanged, and the manifest to write. */
  public record Result(List<Rendered> files, List<Problem> problems, List<Job> skipped, Manifest manifest) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Repository repo;
  private final Options options;
  private final TemplateEngine templates;
  private java.util.function.BiConsumer<Integer, Integer> progress = (done, total) -> {};

  /** Called after each document with (documents done, documents in all), e.g. for a progress bar. */
  public void onProgress(java.util.function.BiConsumer<Integer, Integer> listener) {
    this.progress = listener;
  }
  private final PdfEngine pdf;
  private final HtmlWriter html = new HtmlWriter();

  public Renderer(Repository repo, Options options) {
    this(repo, options, new TemplateEngine(options.templates()));
  }

  /**
   * As above with a template engine made earlier for the same {@code options.templates()}, so its
   * parsed templates are reused (a long-running caller such as the render fuzz target).
   */
  public Renderer(Repository repo, Options options, TemplateEngine templates) {
    this.repo = repo;
    this.options = options;
    this.templates = templates;
    Path root = options.templates() != null && options.templates().getParent() != null ? commonRoot(repo.root(), options.templates()) : repo.root();
    this.pdf = new PdfEngine(root);
  }

  static Path commonRoot(Path a, Path b) {
    Path x = a.toAbsolutePath().normalize();
    Path y = b.toAbsolutePath().normalize();
    while (x != null && !y.startsWith(x)) {
      x = x.getParent();
    }
    return x == null ? a : x;
  }

  /** Every output the repository makes, in a stable order: the default copies, then translated ones. */
  public List<Job> jobs() {
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
      jobs.removeIf(j -> !options.only().contains(j.name()) && !options.only().contains(j.source().id()) && !(j.isTranslation() && options.only().contains(j.original())));
    }
    return jobs;
  }

  private Views views(Repository r, String lang) {
    Views v = new Views(r, Labels.of(lang), options.asOf());
    v.since(options.since());
    return v;
  }

  /** The translated copies a document gets: the languages asked for, less its own. */
  private List<String> languagesOf(Document d) {
    List<String> asked = options.languages() == null ? List.of() : options.languages();
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String l : asked) {
      if (l.equals(ALL)) {
        out.addAll(Translations.publishIn(d, repo));
      } else {
        out.add(Translations.canonical(l));
      }
    }
    out.remove(Translations.defaultLanguage(d));
    return List.copyOf(out);
  }

  /** The banner of a translated copy: the document's translation_notice in that language, else the label. */
  private static String banner(Document d, String lang) {
    if (d.root().fields().get("translation_notice") instanceof org.reap.model.Node.Val v && v.translations().containsKey(lang)) {
      return String.valueOf(v.translations().get(lang).value());
    }
    return Labels.of(lang).get("translation.banner");
  }

  /**
   * The outputs of one document. {@code d} is the document as written (names and sources),
   * {@code shown} the copy whose text is printed; a non-null {@code banner} makes translated copies.
   */
  private List<Job> jobsOf(Document d, Document shown, String lang, Views views, Map<String, String> outputs, String banner) {
    // file names are lower case (out/ accepts nothing else): ID.zh-hans.pdf for zh-Hans
    String suffix = banner == null ? "" : "." + lang.toLowerCase(Locale.ROOT);
    List<Job> jobs = new ArrayList<>();
    java.util.function.Function<Supplier<Map<String, Object>>, Supplier<Map<String, Object>>> wrap =
        model -> banner == null ? model : () -> {
          Map<String, Object> m = new LinkedHashMap<>(model.get());
          m.put("lang", lang);
          m.put("translation", banner);
          return m;
        };
    switch (d.kindName()) {
      case "agenda-item" -> jobs.add(new Job(d.id() + suffix, "memo.ftlx", shown.title(), lang, d, wrap.apply(() -> views.memo(shown, outputs)), banner == null ? null : d.id()));
      case "milestones" -> jobs.add(new Job(d.id() + suffix, "timeline.ftlx", shown.title(), lang, d, wrap.apply(() -> views.timeline(shown)), banner == null ? null : d.id()));
      case "plan" -> {
        jobs.add(new Job(d.id() + suffix, "plan.ftlx", shown.title(), lang, d, wrap.apply(() -> views.plan(shown)), banner == null ? null : d.id()));
        jobs.add(new Job(d.id() + "-progress" + suffix, "progress.ftlx", Labels.of(lang).get("progress.title") + ": " + shown.title(), lang, d, wrap.apply(() -> views.progress(shown, d.id() + "-progress")), banner == null ? null : d.id() + "-progress"));
      }
      case "outcome-matrix" -> jobs.add(new Job(d.id() + suffix, "outcome-matrix.ftlx", shown.title(), lang, d, wrap.apply(() -> views.outcomeMatrixPage(shown)), banner == null ? null : d.id()));
      case "findings" -> jobs.add(new Job(d.id() + suffix, "findings.ftlx", shown.title(), lang, d, wrap.apply(() -> views.simple(shown)), banner == null ? null : d.id()));
      case "equity-analysis" -> jobs.add(new Job(d.id() + suffix, "equity-analysis.ftlx", shown.title(), lang, d, wrap.apply(() -> views.simple(shown)), banner == null ? null : d.id()));
      case "indicators" -> jobs.add(new Job(d.id() + suffix, "indicators.ftlx", shown.title(), lang, d, wrap.apply(() -> views.indicatorsPage(shown)), banner == null ? null : d.id()));
      default -> throw new IllegalStateException("no output for kind " + d.kindName());
    }
    return jobs;
  }

  /** The XHTML of one job, before it becomes PDF or HTML (for golden tests and debugging). */
  public String xhtml(Job job) throws RenderException {
    return templates.render(job.template(), job.model().get(), Labels.of(job.language()));
  }

  /** The PDF of one job. */
  public byte[] pdf(Job job) throws RenderException {
    String xhtml = templates.render(job.template(), job.model().get(), Labels.of(job.language()));
    return pdf.render(CjkText.wrap(xhtml), new PdfMeta(job.title(), job.language(), author(job), null, null, "reap " + org.reap.cli.Versions.version(), options.pdfDate()));
  }

  /** A PDF from any template and data (packet cover sheets). */
  public byte[] pdf(String template, Map<String, Object> model, String title, String language) throws RenderException {
    String xhtml = templates.render(template, model, new Labels(Locale.US));
    return pdf.render(CjkText.wrap(xhtml), new PdfMeta(title, language, null, null, null, "reap " + org.reap.cli.Versions.version(), options.pdfDate()));
  }

  public Views views() {
    Views v = new Views(repo, new Labels(Locale.US), options.asOf());
    v.since(options.since());
    return v;
  }

  /** Renders every job; writes nothing. */
  public Result render() {
    return render(Manifest.empty(), null, true);
  }

  /**
   * Renders the jobs whose inputs changed since {@code previous} (all of them when {@code force});
   * writes nothing. {@code outDir} is where the previous files are checked.
   */
  public Result render(Manifest previous, Path outDir, boolean force) {
    List<Rendered> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Job> skipped = new ArrayList<>();
    Manifest next = Manifest.empty();
    List<Job> all = jobs();
    int count = 0;
    for (Job job : all) {
      progress.accept(count++, all.size());
      try {
        String xhtml = templates.render(job.template(), job.model().get(), Labels.of(job.language()));
        PdfMeta meta = new PdfMeta(job.title(), job.language(), author(job), null, null, "reap " + org.reap.cli.Versions.version(), options.pdfDate());
        String key = Manifest.sha256(String.join("\n", "reap " + org.reap.cli.Versions.version(), options.formats().toString(), meta.toString(), xhtml));
        if (!force && outDir != null && previous.upToDate(job.name(), key, outDir)) {
          skipped.add(job);
          next.put(job.name(), previous.get(job.name()));
          continue;
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        if (options.formats().contains(Format.PDF)) {
          byte[] bytes = pdf.render(CjkText.wrap(xhtml), meta);
          files.add(new Rendered(job.name() + ".pdf", bytes, job));
          hashes.put(job.name() + ".pdf", Manifest.sha256(bytes));
        }
        if (options.formats().contains(Format.HTML)) {
          byte[] bytes = html.toHtml(xhtml).getBytes(StandardCharsets.UTF_8);
          files.add(new Rendered(job.name() + ".html", bytes, job));
          hashes.put(job.name() + ".html", Manifest.sha256(bytes));
        }
        next.put(job.name(), new Manifest.Entry(key, hashes));
      } catch (RenderException e) {
        problems.add(new Problem(job, e));
      }
    }
    progress.accept(all.size(), all.size());
    return new Result(files, problems, skipped, next);
  }

  /** out/index.html: every document with its links, kind, date and status, for a CI artifact or a site. */
  public byte[] index(List<Job> jobs) throws RenderException {
    Labels labels = new Labels(Locale.US);
    Views views = new Views(repo, labels, options.asOf());
    String xhtml = templates.render("index.ftlx", views.index(jobs, options.formats().contains(Format.PDF), options.formats().contains(Format.HTML)), labels);
    return html.toHtml(xhtml).getBytes(StandardCharsets.UTF_8);
  }

  private String author(Job job) {
    Document d = job.source();
    if (d.kindName().equals("agenda-item")) {
      var c = d.root().obj("committee");
      return c.string("jurisdiction") + ", " + c.string("name");
    }
    String j = d.root().string("jurisdiction");
    return j != null ? j : d.root().string("prepared_by");
  }

  /** The PDFs' date: midnight UTC at the start of the as-of day. */
  public static Instant pdfDate(LocalDate asOf) {
    return asOf.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
