package org.reap.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.render.view.ViewWrapper;

/**
 * FreeMarker, locked down for templates that cities edit: no ?new, ?api or ?eval, no Java objects
 * in the data model (plain maps, lists, strings, numbers and booleans, and the view records of
 * {@link org.reap.render.view}, read by their components only: {@link ViewWrapper}), every value
 * escaped for XHTML, strict about missing values, and stopped when it runs too long or writes too
 * much. Templates are looked up in the repository's templates folder first, then among the
 * defaults.
 */
public final class TemplateEngine {
  /** Default templates inside the jar (the files of this project's templates/ folder). */
  public static final String BUILTIN = "/reap/templates";

  static final long TIMEOUT_MS = 30_000;
  static final int MAX_OUTPUT_CHARS = 64 * 1024 * 1024;
  private static final Pattern FORBIDDEN =
      Pattern.compile("\\?\\s*(eval|eval_json|interpret|new|api)\\b");

  private final Configuration cfg;
  private final Path userTemplates;
  private final long timeoutMs;

  /**
   * The templates folder a repository uses by default: templates/ inside the plans folder, else
   * beside it; null when neither exists (the defaults only).
   */
  public static Path defaultFolder(Path repoRoot) {
    for (Path p : List.of(repoRoot.resolve("templates"), repoRoot.resolveSibling("templates"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  public TemplateEngine(Path userTemplates) {
    this(userTemplates, TIMEOUT_MS);
  }

  /** With another watchdog time (tests). */
  TemplateEngine(Path userTemplates, long timeoutMs) {
    this.timeoutMs = timeoutMs;
    this.userTemplates =
        userTemplates != null && Files.isDirectory(userTemplates) ? userTemplates : null;
    cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setOutputFormat(XHTMLOutputFormat.INSTANCE);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setAttemptExceptionReporter((e, env) -> {});
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setLocale(Locale.US);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    cfg.setDefaultEncoding("UTF-8");
    cfg.setLocalizedLookup(false);
    cfg.setObjectWrapper(new ViewWrapper());
    cfg.setTemplateLoader(new CheckingLoader(loader(), this.userTemplates, cfg));
  }

  private TemplateLoader loader() {
    List<TemplateLoader> loaders = new ArrayList<>();
    if (userTemplates != null) {
      try {
        loaders.add(new FileTemplateLoader(userTemplates.toFile(), false));
      } catch (IOException e) {
        // unreadable folder: fall back to the defaults; listed by `reap templates list`
      }
    }
    loaders.add(new ClassTemplateLoader(TemplateEngine.class, BUILTIN));
    return new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
  }

  /** The FreeMarker settings (tests check the lock-down). */
  Configuration configuration() {
    return cfg;
  }

  public Path userTemplates() {
    return userTemplates;
  }

  /**
   * Fills {@code name} with {@code model}, a view record ({@link org.reap.render.view}) or a plain
   * map (tests); the functions t() and inline() are added.
   */
  public String render(String name, Object model, Labels labels) throws RenderException {
    TemplateHashModel root;
    try {
      root =
          new Root(
              (TemplateHashModel) cfg.getObjectWrapper().wrap(model),
              args -> label(labels, args),
              TemplateEngine::inline);
    } catch (TemplateModelException | ClassCastException e) {
      throw new IllegalArgumentException(
          "a template is filled with a view or a map, not " + model.getClass().getName(), e);
    }
    Template template;
    try {
      template = cfg.getTemplate(name, labels.locale());
    } catch (ParseException e) {
      throw new RenderException(
              "templates/"
                  + e.getTemplateName()
                  + ":"
                  + e.getLineNumber()
                  + ":"
                  + e.getColumnNumber()
                  + ": the template has a syntax error: "
                  + firstLine(e.getEditorMessage()))
          .hint(
              "fix the template at that line (FreeMarker syntax), or delete your copy to use the default");
    } catch (freemarker.template.TemplateNotFoundException e) {
      throw new RenderException("no template named \"" + name + "\"")
          .hint("run 'reap templates list' to see the templates reap has");
    } catch (IOException e) {
      RenderException re = renderCause(e);
      if (re != null) {
        throw re;
      }
      throw new RenderException("the template \"" + name + "\" cannot be read: " + e.getMessage())
          .hint("check the file in templates/");
    }
    StringBuilder sb = new StringBuilder(64 * 1024);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread worker =
        new Thread(
            () -> {
              try (Writer w = new CappedWriter(sb)) {
                template.process(root, w);
              } catch (Throwable t) {
                failure.set(t);
              }
            },
            "reap-template-" + name);
    worker.setDaemon(true);
    worker.start();
    try {
      worker.join(timeoutMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RenderException("rendering was interrupted").hint(null);
    }
    if (worker.isAlive()) {
      throw new RenderException(
              "templates/"
                  + name
                  + ": the template ran for more than "
                  + timeoutMs / 1000
                  + " seconds and was stopped (an endless loop?)")
          .hint("check the template's #list and #macro calls");
    }
    Throwable t = failure.get();
    if (t != null) {
      throw translate(name, t);
    }
    return sb.toString();
  }

  /** The data model: the functions t() and inline(), then the view's own names. */
  private record Root(TemplateHashModel view, TemplateMethodModelEx t, TemplateMethodModelEx inline)
      implements TemplateHashModel {
    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      return switch (key) {
        case "t" -> t;
        case "inline" -> inline;
        default -> view.get(key);
      };
    }

    @Override
    public boolean isEmpty() {
      return false;
    }
  }

  /**
   * The RenderException a template loader wrapped in an IOException (FreeMarker may wrap it again),
   * or null.
   */
  static RenderException renderCause(Throwable t) {
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t instanceof RenderException re) {
        return re;
      }
    }
    return null;
  }

  private static RenderException translate(String name, Throwable t) {
    if (t instanceof TemplateException te) {
      Throwable cause = te.getCause();
      if (cause instanceof OutputTooLarge) {
        return new RenderException(
                "templates/"
                    + name
                    + ": the template wrote more than "
                    + MAX_OUTPUT_CHARS / (1024 * 1024)
                    + " million characters and was stopped")
            .hint("check the template's #list loops");
      }
      String where =
          te.getTemplateSourceName() == null
              ? "templates/" + name
              : "templates/"
                  + te.getTemplateSourceName()
                  + ":"
                  + te.getLineNumber()
                  + ":"
                  + te.getColumnNumber();
      RenderException loader = renderCause(cause);
      if (loader != null) {
        // an #include or #import the loader refused (a link out of templates/, ?new, a huge file)
        return new RenderException(where + ": " + loader.getMessage()).hint(loader.hint());
      }
      String msg = firstLine(te.getMessageWithoutStackTop());
      // the hint is chosen from FreeMarker's own words, before they are replaced by reap's
      String hint =
          te instanceof freemarker.core.InvalidReferenceException
                  || msg.contains("null or missing")
                  || msg.contains("undefined")
              ? "the template uses a value this document does not have; guard it with <#if x??> or give a default with x!\"\""
              : "fix the template at that line, or delete your copy to use the default";
      if (te instanceof freemarker.core.InvalidReferenceException
          && te.getBlamedExpressionString() != null) {
        msg = "the value ${" + te.getBlamedExpressionString() + "} is missing or empty";
      }
      return new RenderException(where + ": " + msg).hint(hint);
    }
    if (t instanceof OutputTooLarge) {
      return new RenderException(
              "templates/"
                  + name
                  + ": the template wrote more than "
                  + MAX_OUTPUT_CHARS / (1024 * 1024)
                  + " million characters and was stopped")
          .hint("check the template's #list loops");
    }
    if (t instanceof StackOverflowError) {
      return new RenderException("templates/" + name + ": the template calls itself without end")
          .hint("check #include and #macro calls for a loop");
    }
    return new RenderException("templates/" + name + ": the template failed: " + t).hint(null);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String[] lines = s.strip().split("\\R");
    StringBuilder sb = new StringBuilder(lines[0].strip());
    for (int i = 1; i < lines.length && i < 3; i++) {
      String l = lines[i].strip();
      if (!l.isEmpty()
          && !l.startsWith("----")
          && !l.startsWith("Tip:")
          && !l.startsWith("==>")
          && !l.startsWith("FTL stack")) {
        sb.append(' ').append(l);
      }
    }
    return sb.toString();
  }

  private static Object label(Labels labels, List<?> args) throws TemplateModelException {
    if (args.isEmpty()) {
      throw new TemplateModelException("t() needs a label name, such as t('recommendation')");
    }
    String key = scalar(args.get(0));
    Object[] rest = new Object[args.size() - 1];
    for (int i = 1; i < args.size(); i++) {
      Object a = args.get(i);
      rest[i - 1] = a instanceof TemplateNumberModel n ? n.getAsNumber() : scalar(a);
    }
    try {
      return labels.get(key, rest);
    } catch (IllegalArgumentException e) {
      throw new TemplateModelException(e.getMessage());
    }
  }

  private static Object inline(List<?> args) throws TemplateModelException {
    if (args.size() != 1) {
      throw new TemplateModelException("inline() takes one text value");
    }
    Object a = args.get(0);
    if (a instanceof TemplateMarkupOutputModel<?> m) {
      String html =
          ((XHTMLOutputFormat) XHTMLOutputFormat.INSTANCE)
              .getMarkupString((freemarker.core.TemplateXHTMLOutputModel) m);
      if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
        html = html.substring(3, html.length() - 4);
      }
      return Text.markup(html);
    }
    return Text.markup(Text.inlineHtml(scalar(a)));
  }

  private static String scalar(Object o) throws TemplateModelException {
    if (o instanceof TemplateScalarModel s) {
      return s.getAsString();
    }
    if (o instanceof TemplateNumberModel n) {
      return n.getAsNumber().toString();
    }
    throw new TemplateModelException("expected a text value");
  }

  /** Every default template, as the kinds define them ({@link org.reap.schema.DocumentKinds}). */
  public static List<String> builtinNames() {
    return org.reap.schema.DocumentKinds.templates();
  }

  /** Reads template sources, refusing the built-ins that evaluate data or reach into Java. */
  private static final class CheckingLoader implements TemplateLoader {
    private final TemplateLoader inner;
    private final Path userTemplates;
    private final Configuration cfg;

    private record Source(String name, Object inner) {}

    CheckingLoader(TemplateLoader inner, Path userTemplates, Configuration cfg) {
      this.inner = inner;
      this.userTemplates = userTemplates;
      this.cfg = cfg;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
      if (userTemplates != null && !name.contains("..")) {
        String special = org.reap.source.SpecialFiles.kind(userTemplates.resolve(name));
        if (special != null) {
          RenderException re =
              new RenderException(
                      "templates/"
                          + name
                          + " is "
                          + special
                          + ", not a regular file; reap reads only regular files")
                  .hint(
                      "replace it with the template file itself, or delete it to use the default");
          throw new IOException(re.getMessage(), re);
        }
      }
      Object s;
      try {
        s = inner.findTemplateSource(name);
      } catch (SecurityException e) {
        // FileTemplateLoader's canonical-path check: templates/NAME is a link to a file outside
        // templates/
        RenderException re =
            new RenderException(
                    "templates/"
                        + name
                        + " is a link to a file outside the templates folder; reap reads templates only from inside it")
                .hint("copy the file into templates/ instead of linking to it");
        throw new IOException(re.getMessage(), re);
      }
      return s == null ? null : new Source(name, s);
    }

    @Override
    public long getLastModified(Object source) {
      return inner.getLastModified(((Source) source).inner());
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
      Source src = (Source) source;
      String text;
      try (Reader r = inner.getReader(src.inner(), encoding)) {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) > 0) {
          sb.append(buf, 0, n);
          if (sb.length() > 4 * 1024 * 1024) {
            RenderException re =
                new RenderException("templates/" + src.name() + " is larger than 4 MB")
                    .hint("templates are small files; check that the right file is in templates/");
            throw new IOException(re.getMessage(), re);
          }
        }
        text = sb.toString();
      }
      Matcher m = FORBIDDEN.matcher(text);
      if (m.find()) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < m.start(); i++) {
          if (text.charAt(i) == '\n') {
            line++;
            col = 1;
          } else {
            col++;
          }
        }
        RenderException re =
            new RenderException(
                    "templates/"
                        + src.name()
                        + ":"
                        + line
                        + ":"
                        + col
                        + ": the built-in ?"
                        + m.group(1)
                        + " is not allowed in reap templates")
                .hint(
                    "templates may only print the document's values; ?new, ?api, ?eval and ?interpret could run code");
        throw new IOException(re.getMessage(), re);
      }
      checkParsed(src.name(), text);
      return new StringReader(text);
    }

    /**
     * The policy on the parsed template, as FreeMarker will run it: a comment or anything else the
     * text scan does not foresee between "?" and the name ({@code ?<#-- c -->eval}) is gone from
     * the parsed tree, whose canonical form spells every built-in as {@code ?name}.
     */
    private void checkParsed(String name, String text) throws IOException {
      Template t;
      try {
        t = new Template(name, null, new StringReader(text), cfg);
      } catch (ParseException e) {
        return; // FreeMarker reports it, with its position, when it parses the template for real
      }
      freemarker.core.TemplateElement root = t.getRootTreeNode();
      freemarker.core.TemplateElement at = forbiddenElement(root);
      if (at != null) {
        Matcher m = FORBIDDEN.matcher(at.getCanonicalForm());
        String builtin = m.find() ? m.group(1) : "eval";
        RenderException re =
            new RenderException(
                    "templates/"
                        + name
                        + ":"
                        + at.getBeginLine()
                        + ":"
                        + at.getBeginColumn()
                        + ": the built-in ?"
                        + builtin
                        + " is not allowed in reap templates")
                .hint(
                    "templates may only print the document's values; ?new, ?api, ?eval and ?interpret could run code");
        throw new IOException(re.getMessage(), re);
      }
    }

    /**
     * The innermost element whose canonical form uses a forbidden built-in (comments are not code:
     * skipped).
     */
    private static freemarker.core.TemplateElement forbiddenElement(
        freemarker.core.TemplateElement e) {
      if (e == null
          || e.getClass().getSimpleName().equals("Comment")
          || !FORBIDDEN.matcher(e.getCanonicalForm()).find()) {
        return null;
      }
      for (int i = 0; i < e.getChildCount(); i++) {
        freemarker.core.TemplateElement inner =
            forbiddenElement((freemarker.core.TemplateElement) e.getChildAt(i));
        if (inner != null) {
          return inner;
        }
      }
      return e; // its own expression (a directive's parameter, an interpolation) uses it
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
      inner.closeTemplateSource(((Source) source).inner());
    }
  }

  private static final class OutputTooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  private static final class CappedWriter extends Writer {
    private final StringBuilder sb;

    CappedWriter(StringBuilder sb) {
      this.sb = sb;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      if (sb.length() + len > MAX_OUTPUT_CHARS) {
        throw new OutputTooLarge();
      }
      sb.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      if (sb.length() + len > MAX_OUTPUT_CHARS) {
        throw new OutputTooLarge();
      }
      sb.append(str, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
