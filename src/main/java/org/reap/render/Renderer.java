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
import org.reap.render.view.View;
import org.reap.schema.DocumentKinds;

/**
 * Renders every document of a valid repository: model → FreeMarker → XHTML → PDF and HTML. Each
 * finished file goes to a {@link Sink} at once (reap render stages it in out/ under a temp name)
 * and its bytes are dropped, so memory does not grow with the number of documents; the caller moves
 * the staged files into place only when every document rendered, so if any fails, nothing is
 * written.
 */
public final class Renderer {
  public enum Format {
    PDF,
    HTML
  }

  /**
   * What to render and how. {@code pdfDate} is written as the PDFs' creation date. {@code
   * languages} adds translated copies (ID.es.pdf) in those languages, or with {@link #ALL} in every
   * language a document publishes in (its header field publish_in); the default copies are always
   * made. {@code version} is reap's own version, written into every output as "reap VERSION" (the
   * CLI passes the jar's; the shorter constructors say {@link #DEV}, as a run from classes does).
   */
  public record Options(
      LocalDate asOf,
      Instant pdfDate,
      Set<Format> formats,
      Path templates,
      Set<String> only,
      Since since,
      List<String> languages,
      String version) {
    /** The version of a reap that is not run from its jar. */
    public static final String DEV = "dev";

    public Options(
        LocalDate asOf,
        Instant pdfDate,
        Set<Format> formats,
        Path templates,
        Set<String> only,
        Since since,
        List<String> languages) {
      this(asOf, pdfDate, formats, templates, only, since, languages, DEV);
    }

    public Options(
        LocalDate asOf,
        Instant pdfDate,
        Set<Format> formats,
        Path templates,
        Set<String> only,
        Since since) {
      this(asOf, pdfDate, formats, templates, only, since, List.of());
    }

    public Options(
        LocalDate asOf, Instant pdfDate, Set<Format> formats, Path templates, Set<String> only) {
      this(asOf, pdfDate, formats, templates, only, null);
    }

    /** These options with reap's version {@code v}. */
    public Options withVersion(String v) {
      return new Options(asOf, pdfDate, formats, templates, only, since, languages, v);
    }

    /** "reap VERSION", as outputs name their maker. */
    public String generator() {
      return "reap " + version;
    }
  }

  /** The language "all": every language each document publishes in. */
  public static final String ALL = "all";

  /** The plans as they were at an earlier revision, for "changes since" in progress reports. */
  public record Since(Repository before, LocalDate date, String revision) {}

  /** One output document: its file name (without extension), template, and data. */
  public record Job(
      String name,
      String template,
      String title,
      String language,
      Document source,
      Supplier<View> model,
      String original) {
    public Job(
        String name,
        String template,
        String title,
        String language,
        Document source,
        Supplier<View> model) {
      this(name, template, title, language, source, model, null);
    }

    /** True for a translated copy; {@link #original()} is then the name of the default copy. */
    public boolean isTranslation() {
      return original != null;
    }
  }

  /**
   * Where each finished file goes the moment it is made, so that a run holds no document's bytes
   * once it is rendered: reap render stages it in out/ under a temp name ({@code OutputDir.stage}),
   * to be moved into place when the whole run succeeded. May be called from several render threads
   * at once.
   */
  @FunctionalInterface
  public interface Sink {
    /**
     * Keeps {@code bytes} as the file {@code fileName}; returns where they can be read back until
     * the run ends.
     */
    Path put(String fileName, byte[] bytes) throws RenderException;
  }

  /**
   * A file made: its name, where it waits ({@code staged}: a temp file in out/ until the caller
   * commits or discards the run), its size, and its job. Its bytes are not held in memory.
   */
  public record Rendered(String fileName, Path staged, long size, Job job) {
    /**
     * The file's bytes, read back from where it is staged (before the run is committed or
     * discarded).
     */
    public byte[] bytes() {
      try {
        return java.nio.file.Files.readAllBytes(staged);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot read back the staged " + fileName + " at " + staged, e);
      }
    }
  }

  /** A document that could not be rendered. */
  public record Problem(Job job, RenderException error) {}

  /**
   * What was rendered, what failed, what was skipped as unchanged, and the manifest to write.
   * {@code unchanged}: nothing the run depends on changed since the last one (see {@link #runKey}),
   * so every document was skipped without filling in its template.
   */
  public record Result(
      List<Rendered> files,
      List<Problem> problems,
      List<Job> skipped,
      Manifest manifest,
      boolean unchanged) {
    public Result(
        List<Rendered> files, List<Problem> problems, List<Job> skipped, Manifest manifest) {
      this(files, problems, skipped, manifest, false);
    }

    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final Repository repo;
  private final Options options;
  private final java.util.function.Supplier<TemplateEngine> templates;
  private java.util.function.BiConsumer<Integer, Integer> progress = (done, total) -> {};
  private int threads = defaultThreads();

  /**
   * Called with (documents done, documents in all) before the first document and after each one,
   * e.g. for a progress bar; never from two threads at once.
   */
  public void onProgress(java.util.function.BiConsumer<Integer, Integer> listener) {
    this.progress = listener;
  }

  /** How many documents render at once by default: one per core, at most four. */
  public static int defaultThreads() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * How many documents render at once (at least 1). The output does not depend on it: each PDF's
   * bytes come from its own input only.
   */
  public Renderer threads(int n) {
    this.threads = Math.max(1, n);
    return this;
  }

  private final PdfEngine pdf;
  private final HtmlWriter html = new HtmlWriter();
  private final JobPlanner planner;
  private final RenderCache cache;

  public Renderer(Repository repo, Options options) {
    this(repo, options, lazily(() -> new TemplateEngine(options.templates())));
  }

  /**
   * As above with a template engine made earlier for the same {@code options.templates()}, so its
   * parsed templates are reused (a long-running caller such as the render fuzz target).
   */
  public Renderer(Repository repo, Options options, TemplateEngine templates) {
    this(repo, options, () -> templates);
  }

  /**
   * The template engine is made on first use: a run with nothing changed never needs FreeMarker.
   */
  private Renderer(
      Repository repo, Options options, java.util.function.Supplier<TemplateEngine> templates) {
    this.repo = repo;
    this.options = options;
    this.templates = templates;
    this.planner = new JobPlanner(repo, options);
    this.cache = new RenderCache(repo, options);
    Path root =
        options.templates() != null && options.templates().getParent() != null
            ? commonRoot(repo.root(), options.templates())
            : repo.root();
    this.pdf = new PdfEngine(root);
  }

  private static <T> java.util.function.Supplier<T> lazily(java.util.function.Supplier<T> make) {
    return new java.util.function.Supplier<>() {
      private T made;

      @Override
      public synchronized T get() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }
    };
  }

  static Path commonRoot(Path a, Path b) {
    Path x = a.toAbsolutePath().normalize();
    Path y = b.toAbsolutePath().normalize();
    while (x != null && !y.startsWith(x)) {
      x = x.getParent();
    }
    return x == null ? a : x;
  }

  /**
   * The progress reports not made because their plan has nothing to report yet (no milestones,
   * deliverables, indicators, accomplishments, actions or tasks with a status), by output name.
   */
  public List<String> leftOut() {
    return planner.leftOut();
  }

  /**
   * Every output the repository makes, in a stable order: the default copies, then translated ones.
   */
  public List<Job> jobs() {
    return planner.jobs();
  }

  /** What fills output {@code o} of {@code shown}, by the output's id. */
  static Supplier<View> view(
      DocumentKinds.Output o,
      Views views,
      Document shown,
      String name,
      Map<String, String> outputs) {
    return switch (o.id()) {
      case "memo" -> () -> views.memo(shown, outputs);
      case "timeline" -> () -> views.timeline(shown);
      case "plan" -> () -> views.plan(shown);
      case "progress" -> () -> views.progress(shown, name);
      case "outcome-matrix" -> () -> views.outcomeMatrixPage(shown);
      case "equity-analysis" -> () -> views.equityAnalysis(shown);
      case "indicators" -> () -> views.indicatorsPage(shown);
      // any other kind (findings among them): the document as written, with what every page gets,
      // so a new kind whose template needs nothing computed adds no Java here
      default -> () -> views.simple(shown);
    };
  }

  /** The XHTML of one job, before it becomes PDF or HTML (for golden tests and debugging). */
  public String xhtml(Job job) throws RenderException {
    return fill(job);
  }

  private final Map<String, FallbackText.Fallbacks> fallbacks =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The job's template filled in; in a translated copy every run of text that falls back to the
   * document's own language is marked with that language (see {@link FallbackText}).
   */
  private String fill(Job job) throws RenderException {
    return fill(job, job.model().get());
  }

  /** As {@link #fill(Job)} with the view {@code model} (one slice of the job's). */
  private String fill(Job job, View model) throws RenderException {
    String xhtml =
        ListMarkers.apply(templates.get().render(job.template(), model, Labels.of(job.language())));
    if (!job.isTranslation()) {
      return xhtml;
    }
    String own = Translations.defaultLanguage(job.source());
    FallbackText.Fallbacks f =
        fallbacks.computeIfAbsent(
            job.language() + "|" + own, k -> FallbackText.of(repo, job.language(), own));
    return FallbackText.mark(xhtml, f);
  }

  /** The PDF of one job. */
  public byte[] pdf(Job job) throws RenderException {
    View model = job.model().get();
    String xhtml = fill(job, model);
    return pdf(
        slices(job, model),
        xhtml,
        new PdfMeta(
            job.title(),
            job.language(),
            author(job),
            null,
            null,
            options.generator(),
            options.pdfDate()));
  }

  private int sliceRows = Integer.getInteger("reap.slice.rows", TimelineSlices.DEFAULT_ROWS);

  /**
   * Timelines longer than {@code n} rows are laid out in slices (default: the property
   * reap.slice.rows, else 1,500).
   */
  Renderer sliceRows(int n) {
    this.sliceRows = Math.max(1, n);
    return this;
  }

  /** A job's PDF in slices: their views, with the label of the page numbers the join stamps. */
  private record Slices(Job job, List<View> views, String stamp) {}

  /**
   * The slices of a timeline longer than {@link #sliceRows} rows whose view is {@code model}; null
   * for any other job, which renders whole. Slices need reap's own timeline and layout templates (a
   * city's own do not know them) and a page-number label the join's font can stamp.
   */
  private Slices slices(Job job, View model) {
    if (!job.template().equals("timeline.ftlx")
        || overridden("timeline.ftlx")
        || overridden("lib/layout.ftlx")) {
      return null;
    }
    List<View> views = TimelineSlices.split(model, sliceRows);
    String stamp = views == null ? null : Labels.of(job.language()).get("page.x-of-y");
    return stamp == null || !org.reap.render.packet.SliceJoiner.canStamp(stamp)
        ? null
        : new Slices(job, views, stamp);
  }

  /**
   * The PDF of XHTML {@code xhtml}, or of {@code slices} (when not null) rendered on up to {@link
   * #threads} threads and joined ({@link TimelineSlices}).
   */
  private byte[] pdf(Slices slices, String xhtml, PdfMeta meta) throws RenderException {
    if (slices == null) {
      return pdf.render(CjkText.wrap(xhtml), meta);
    }
    return TimelineSlices.render(
        slices.views(),
        v -> pdf.render(CjkText.wrap(fill(slices.job(), v)), meta),
        threads,
        slices.stamp());
  }

  /** Whether the user's templates folder has its own {@code name}. */
  private boolean overridden(String name) {
    Path user = templates.get().userTemplates();
    return user != null && java.nio.file.Files.exists(user.resolve(name));
  }

  /** A PDF from any template and data (packet cover sheets). */
  public byte[] pdf(String template, View model, String title, String language)
      throws RenderException {
    String xhtml =
        ListMarkers.apply(templates.get().render(template, model, new Labels(Locale.US)));
    return pdf.render(
        CjkText.wrap(xhtml),
        new PdfMeta(title, language, null, null, null, options.generator(), options.pdfDate()));
  }

  public Views views() {
    Views v = new Views(repo, new Labels(Locale.US), options.asOf(), options.generator());
    v.since(options.since());
    return v;
  }

  /**
   * Renders every job into a temporary folder of its own (removed when the JVM exits), for tests
   * and tools that read the files back with {@link Rendered#bytes()}; writes nothing else.
   */
  public Result render() {
    try {
      return render(Manifest.empty(), null, true, temporarySink());
    } catch (RenderException e) {
      throw new IllegalStateException(
          "cannot write to the temporary folder: " + e.userMessage(), e);
    }
  }

  /** A sink into a fresh temporary folder; its files are deleted when the JVM exits. */
  static Sink temporarySink() {
    java.io.File dir;
    try {
      dir = java.nio.file.Files.createTempDirectory("reap-render-").toFile();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot make a temporary folder", e);
    }
    dir.deleteOnExit(); // files registered later are deleted first
    return (name, bytes) -> {
      Path p = dir.toPath().resolve(name);
      try {
        java.nio.file.Files.write(p, bytes);
      } catch (java.io.IOException e) {
        throw new RenderException("Could not write " + p + " (" + e.getMessage() + ").", null, e);
      }
      p.toFile().deleteOnExit();
      return p;
    };
  }

  /**
   * Renders the jobs whose inputs changed since {@code previous} (all of them when {@code force}),
   * handing each file to {@code sink} as soon as it is made. {@code outDir} is where the previous
   * files are checked.
   *
   * @throws RenderException if the sink could not take a file (out/ cannot be written, the disk is
   *     full): the documents not begun by then are not rendered. A document that cannot be rendered
   *     is not thrown but reported in {@link Result#problems()}; in both cases the caller discards
   *     what was staged.
   */
  public Result render(Manifest previous, Path outDir, boolean force, Sink sink)
      throws RenderException {
    List<Job> all = jobs();
    if (cache.unchanged(previous, outDir, force)) {
      progress.accept(all.size(), all.size());
      return new Result(List.of(), List.of(), all, previous, true);
    }
    Outcome[] outcomes = new Outcome[all.size()];
    Object progressLock = new Object();
    int[] done = {0};
    java.util.concurrent.atomic.AtomicReference<RenderException> sinkFailed =
        new java.util.concurrent.atomic.AtomicReference<>();
    progress.accept(0, all.size());
    java.util.function.IntConsumer one =
        i -> {
          if (sinkFailed.get() != null) {
            outcomes[i] = new Outcome(all.get(i), List.of(), null, false, null);
            return;
          }
          try {
            outcomes[i] = render(all.get(i), previous, outDir, force, sink);
          } catch (SinkFailed e) {
            sinkFailed.compareAndSet(null, e.cause);
            outcomes[i] = new Outcome(all.get(i), List.of(), null, false, null);
            return;
          }
          synchronized (progressLock) {
            progress.accept(++done[0], all.size());
          }
        };
    int n = Math.min(threads, all.size());
    if (n <= 1) {
      for (int i = 0; i < all.size(); i++) {
        one.accept(i);
      }
    } else {
      java.util.concurrent.atomic.AtomicInteger names =
          new java.util.concurrent.atomic.AtomicInteger();
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      try (java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(
              n, r -> new Thread(r, "reap-render-" + names.incrementAndGet()))) {
        for (int i = 0; i < all.size(); i++) {
          int index = i;
          futures.add(pool.submit(() -> one.accept(index)));
        }
        for (java.util.concurrent.Future<?> f : futures) {
          f.get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        // a bug, not a user's mistake (those are RenderExceptions, kept in the outcome): rethrow as
        // is
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("rendering was interrupted", e);
      }
    }
    if (sinkFailed.get() != null) {
      throw sinkFailed.get();
    }
    List<Rendered> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    List<Job> skipped = new ArrayList<>();
    Manifest next = Manifest.empty();
    for (Outcome o : outcomes) {
      files.addAll(o.files());
      if (o.problem() != null) {
        problems.add(o.problem());
      }
      if (o.skipped()) {
        skipped.add(o.job());
      }
      if (o.entry() != null) {
        next.put(o.job().name(), o.entry());
      }
    }
    return new Result(files, problems, skipped, next);
  }

  /**
   * True when this run makes every document (no --only) from the plans as they are now (no
   * --since).
   */
  public boolean wholeRun() {
    return cache.wholeRun();
  }

  /**
   * A hash of everything a whole run depends on: reap's build, the options, and every file under
   * the repository's folder and the templates folder (see {@link RenderCache#runKey}).
   */
  public String runKey(Path outDir) {
    return cache.runKey(outDir);
  }

  /**
   * What became of one job: its files and manifest entry, or that it was unchanged, or its problem.
   */
  private record Outcome(
      Job job, List<Rendered> files, Manifest.Entry entry, boolean skipped, Problem problem) {}

  /** The sink could not take a file: the whole run stops (unlike one document's problem). */
  private static final class SinkFailed extends RuntimeException {
    final RenderException cause;

    SinkFailed(RenderException cause) {
      super(cause.getMessage(), cause, false, false);
      this.cause = cause;
    }
  }

  /** Hands a finished file to the sink; the caller drops its bytes right after. */
  private static Rendered put(Sink sink, String fileName, byte[] bytes, Job job) {
    try {
      return new Rendered(fileName, sink.put(fileName, bytes), bytes.length, job);
    } catch (RenderException e) {
      throw new SinkFailed(e);
    }
  }

  private Outcome render(Job job, Manifest previous, Path outDir, boolean force, Sink sink) {
    try {
      View model = job.model().get();
      String xhtml = fill(job, model);
      Slices slices = slices(job, model);
      model = null; // the view is garbage now, unless slices hold its rows
      PdfMeta meta =
          new PdfMeta(
              job.title(),
              job.language(),
              author(job),
              null,
              null,
              options.generator(),
              options.pdfDate());
      // a sliced PDF depends on where the slices are cut too
      String key =
          cache.key(meta, slices == null ? xhtml : xhtml + "\u0000reap.slice.rows=" + sliceRows);
      if (cache.upToDate(previous, outDir, force, job.name(), key)) {
        return new Outcome(job, List.of(), previous.get(job.name()), true, null);
      }
      List<Rendered> files = new ArrayList<>();
      Map<String, String> hashes = new LinkedHashMap<>();
      if (options.formats().contains(Format.PDF)) {
        byte[] bytes = pdf(slices, xhtml, meta);
        hashes.put(job.name() + ".pdf", Manifest.fingerprint(bytes));
        files.add(put(sink, job.name() + ".pdf", bytes, job));
      }
      if (options.formats().contains(Format.HTML)) {
        byte[] bytes = html.toHtml(xhtml).getBytes(StandardCharsets.UTF_8);
        hashes.put(job.name() + ".html", Manifest.fingerprint(bytes));
        files.add(put(sink, job.name() + ".html", bytes, job));
      }
      return new Outcome(job, files, new Manifest.Entry(key, hashes), false, null);
    } catch (RenderException e) {
      return new Outcome(job, List.of(), null, false, new Problem(job, e));
    } catch (OutOfMemoryError e) {
      // what this render held is garbage now; the other documents can still render
      return new Outcome(job, List.of(), null, false, new Problem(job, outOfMemory(job.name())));
    }
  }

  /** The error for a document too large for the Java heap reap was started with. */
  private static RenderException outOfMemory(String document) {
    long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return new RenderException(
            "There was not enough memory to render "
                + document
                + " (reap may use at most "
                + mb
                + " MB here). Nothing was written for it.")
        .hint(
            "Split a very long table into several documents (one milestones file per year, say), or give reap more"
                + " memory, for example: JAVA_OPTS_REAP=-Xmx4g ./reap render");
  }

  /**
   * out/index.html: every document with its links, kind, date and status, for a CI artifact or a
   * site.
   */
  public byte[] index(List<Job> jobs) throws RenderException {
    return index(jobs, Set.of());
  }

  /** The index, listing also the agenda packets named in {@code packets} (file names in out/). */
  public byte[] index(List<Job> jobs, Set<String> packets) throws RenderException {
    Labels labels = new Labels(Locale.US);
    Views views = new Views(repo, labels, options.asOf(), options.generator());
    String xhtml =
        templates
            .get()
            .render(
                "index.ftlx",
                views.index(
                    jobs,
                    options.formats().contains(Format.PDF),
                    options.formats().contains(Format.HTML),
                    packets),
                labels);
    return html.toHtml(xhtml).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The packet files of an agenda item: what {@code reap packet ITEM} writes, with and without
   * --supplemental.
   */
  public static List<String> packetFiles(String item) {
    return List.of(item + "-packet.pdf", item + "-supplemental-packet.pdf");
  }

  /**
   * The agenda packets that {@code reap packet} has written into {@code outDir} for the jobs'
   * agenda items.
   */
  public static Set<String> packetsIn(Path outDir, List<Job> jobs) {
    Set<String> out = new java.util.TreeSet<>();
    for (Job j : jobs) {
      if (!j.isTranslation() && j.template().equals("memo.ftlx")) {
        for (String f : packetFiles(j.source().id())) {
          if (java.nio.file.Files.isRegularFile(outDir.resolve(f))) {
            out.add(f);
          }
        }
      }
    }
    return out;
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
