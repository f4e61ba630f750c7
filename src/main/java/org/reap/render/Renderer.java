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
  public record Options(LocalDate asOf, Instant pdfDate, Set<Format> formats, Path templates, Set<String> only, Since since) {
    public Options(LocalDate asOf, Instant pdfDate, Set<Format> formats, Path templates, Set<String> only) {
      this(asOf, pdfDate, formats, templates, only, null);
    }
  }

  /** The plans as they were at an earlier revision, for "changes since" in progress reports. */
  public record Since(Repository before, LocalDate date, String revision) {}

  /** One output document: its file name (without extension), template, and data. */
  public record Job(String name, String template, String title, String language, Document source, Supplier<Map<String, Object>> model) {}

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
    this.repo = repo;
    this.options = options;
    this.templates = new TemplateEngine(options.templates());
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

  /** Every output the repository makes, in a stable order. */
  public List<Job> jobs() {
    Labels labels = new Labels(Locale.US);
    Views views = new Views(repo, labels, options.asOf());
    views.since(options.since());
    Map<String, String> outputs = new LinkedHashMap<>();
    for (Document d : repo.documents()) {
      outputs.put(d.id(), d.id());
    }
    List<Job> jobs = new ArrayList<>();
    for (Document d : repo.documents()) {
      String lang = d.root().string("language") == null ? "en" : d.root().string("language");
      switch (d.kindName()) {
        case "agenda-item" -> jobs.add(new Job(d.id(), "memo.ftlx", d.title(), lang, d, () -> views.memo(d, outputs)));
        case "milestones" -> jobs.add(new Job(d.id(), "timeline.ftlx", d.title(), lang, d, () -> views.timeline(d)));
        case "plan" -> {
          jobs.add(new Job(d.id(), "plan.ftlx", d.title(), lang, d, () -> views.plan(d)));
          jobs.add(new Job(d.id() + "-progress", "progress.ftlx", labels.get("progress.title") + ": " + d.title(), lang, d, () -> views.progress(d, d.id() + "-progress")));
        }
        case "outcome-matrix" -> jobs.add(new Job(d.id(), "outcome-matrix.ftlx", d.title(), lang, d, () -> views.outcomeMatrixPage(d)));
        case "findings" -> jobs.add(new Job(d.id(), "findings.ftlx", d.title(), lang, d, () -> views.simple(d)));
        case "equity-analysis" -> jobs.add(new Job(d.id(), "equity-analysis.ftlx", d.title(), lang, d, () -> views.simple(d)));
        case "indicators" -> jobs.add(new Job(d.id(), "indicators.ftlx", d.title(), lang, d, () -> views.indicatorsPage(d)));
        default -> throw new IllegalStateException("no output for kind " + d.kindName());
      }
    }
    if (options.only() != null && !options.only().isEmpty()) {
      jobs.removeIf(j -> !options.only().contains(j.name()) && !options.only().contains(j.source().id()));
    }
    return jobs;
  }

  /** The XHTML of one job, before it becomes PDF or HTML (for golden tests and debugging). */
  public String xhtml(Job job) throws RenderException {
    return templates.render(job.template(), job.model().get(), new Labels(Locale.US));
  }

  /** The PDF of one job. */
  public byte[] pdf(Job job) throws RenderException {
    String xhtml = templates.render(job.template(), job.model().get(), new Labels(Locale.US));
    return pdf.render(xhtml, new PdfMeta(job.title(), job.language(), author(job), null, null, "reap " + org.reap.cli.Versions.version(), options.pdfDate()));
  }

  /** A PDF from any template and data (packet cover sheets). */
  public byte[] pdf(String template, Map<String, Object> model, String title, String language) throws RenderException {
    String xhtml = templates.render(template, model, new Labels(Locale.US));
    return pdf.render(xhtml, new PdfMeta(title, language, null, null, null, "reap " + org.reap.cli.Versions.version(), options.pdfDate()));
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
    Labels labels = new Labels(Locale.US);
    List<Rendered> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Job> skipped = new ArrayList<>();
    Manifest next = Manifest.empty();
    List<Job> all = jobs();
    int count = 0;
    for (Job job : all) {
      progress.accept(count++, all.size());
      try {
        String xhtml = templates.render(job.template(), job.model().get(), labels);
        PdfMeta meta = new PdfMeta(job.title(), job.language(), author(job), null, null, "reap " + org.reap.cli.Versions.version(), options.pdfDate());
        String key = Manifest.sha256(String.join("\n", "reap " + org.reap.cli.Versions.version(), options.formats().toString(), meta.toString(), xhtml));
        if (!force && outDir != null && previous.upToDate(job.name(), key, outDir)) {
          skipped.add(job);
          next.put(job.name(), previous.get(job.name()));
          continue;
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        if (options.formats().contains(Format.PDF)) {
          byte[] bytes = pdf.render(xhtml, meta);
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
