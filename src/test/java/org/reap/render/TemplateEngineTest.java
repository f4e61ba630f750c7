package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import freemarker.core.TemplateClassResolver;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The template lock-down without rendering PDFs (fast enough for mutation testing): what a city's
 * template may not do, and the messages it gets instead of a stack trace. docs/security.md lists
 * these protections.
 */
class TemplateEngineTest {
  static final String HEAD = "<#ftl output_format=\"XHTML\">\n";
  static final Labels EN = Labels.of("en");
  @TempDir Path dir;

  Path templates() throws IOException {
    return Files.createDirectories(dir.resolve("templates"));
  }

  String render(String template, Map<String, Object> model) throws Exception {
    Files.writeString(templates().resolve("t.ftlx"), template);
    return new TemplateEngine(templates()).render("t.ftlx", model, EN);
  }

  RenderException failure(String template, Map<String, Object> model) throws Exception {
    Files.writeString(templates().resolve("t.ftlx"), template);
    TemplateEngine engine = new TemplateEngine(templates());
    try {
      engine.render("t.ftlx", model, EN);
    } catch (RenderException e) {
      return e;
    }
    throw new AssertionError("the template rendered");
  }

  @Test
  void theSettingsAreLockedDown() throws IOException {
    Configuration cfg = new TemplateEngine(templates()).configuration();
    assertThat(cfg.getNewBuiltinClassResolver())
        .isSameAs(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    assertThat(cfg.isAPIBuiltinEnabled()).isFalse();
    assertThat(cfg.getOutputFormat()).isSameAs(XHTMLOutputFormat.INSTANCE);
    assertThat(cfg.getTemplateExceptionHandler())
        .isSameAs(TemplateExceptionHandler.RETHROW_HANDLER);
    assertThat(cfg.getLogTemplateExceptions()).isFalse();
    assertThat(cfg.getWrapUncheckedExceptions()).isTrue();
    assertThat(cfg.getFallbackOnNullLoopVariable()).isFalse();
    assertThat(cfg.getLocalizedLookup()).isFalse();
    assertThat(cfg.getTimeZone()).isEqualTo(TimeZone.getTimeZone("UTC"));
    assertThat(cfg.getDefaultEncoding()).isEqualTo("UTF-8");
  }

  @Test
  void valuesAreEscapedAndNumbersAndBooleansPrintTheSameEverywhere() throws Exception {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("text", "<script>alert('x')</script> & \"quotes\"");
    model.put("n", 1234567.5);
    model.put("yes", true);
    String out = render(HEAD + "<p title=\"${text}\">${text} ${n} ${yes} ${.locale}</p>", model);
    assertThat(out)
        .isEqualTo(
            "<p title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\">"
                + "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot; 1234567.5 true en_US</p>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${\"freemarker.template.utility.Execute\"?new()(\"id\")}",
        "${x?api}",
        "${\"1+1\"?eval}",
        "${\"{}\"?eval_json}",
        "<#assign t=\"x\"?interpret>",
        "${\"java.io.File\"? new(\"/\")}"
      })
  void builtInsThatRunCodeAreRefusedWithTheirPosition(String evil) throws Exception {
    RenderException e = failure(HEAD + "<p>\n  " + evil + "</p>", Map.of("x", "y"));
    String builtin = evil.replaceAll(".*\\?\\s*(\\w+).*", "$1");
    assertThat(e.getMessage())
        .isEqualTo(
            "templates/t.ftlx:3:"
                + (evil.indexOf('?') + 3)
                + ": the built-in ?"
                + builtin
                + " is not allowed in reap templates");
    assertThat(e.hint()).contains("could run code");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${\"6*7\"?<#-- c -->eval}",
        "<#assign t=\"EVALRESULT=${6*7}\"?<#---->interpret><@t/>",
        "${\"6*7\"?[#-- c --]eval}",
        "${\"6*7\"?<#-- a --> <#-- b -->eval_json}",
        "<#if (\"1\"?<#--x-->eval > 0)>y</#if>"
      })
  void builtInsHiddenBehindCommentsAreRefusedOnTheParsedTemplate(String evil) throws Exception {
    RenderException e = failure(HEAD + "<p>\n  " + evil + "</p>", Map.of("x", "y"));
    assertThat(e.getMessage())
        .startsWith("templates/t.ftlx:3:")
        .containsPattern("the built-in \\?(eval|eval_json|interpret) is not allowed");
    assertThat(e.getMessage()).doesNotContain("EVALRESULT=42", "42");
  }

  @Test
  void newIsRefusedByTheResolverEvenWhereTheSourceScanCannotSeeIt() throws Exception {
    // The class name comes from the data: the scan of the source finds ?new, and were it not
    // there, ALLOWS_NOTHING_RESOLVER would still refuse to make the object.
    Path t = templates();
    Files.writeString(t.resolve("t.ftlx"), HEAD + "<p>${x}</p>");
    Configuration cfg = new TemplateEngine(t).configuration();
    freemarker.template.Template tpl = new freemarker.template.Template("n", "${c?new()}", cfg);
    assertThatThrownBy(
            () ->
                tpl.process(
                    Map.of("c", "freemarker.template.utility.Execute"), new java.io.StringWriter()))
        .hasMessageContaining("Instantiating freemarker.template.utility.Execute is not allowed");
    freemarker.template.Template api = new freemarker.template.Template("a", "${m?api}", cfg);
    assertThatThrownBy(() -> api.process(Map.of("m", Map.of("k", "v")), new java.io.StringWriter()))
        .hasMessageContaining("api_builtin_enabled");
  }

  @Test
  void aMissingValueIsPositionedWithAHint() throws Exception {
    RenderException e =
        failure(HEAD + "<p>\n${doc.no_such_field}</p>", Map.of("doc", Map.of("title", "x")));
    assertThat(e.getMessage())
        .isEqualTo("templates/t.ftlx:3:3: the value ${doc.no_such_field} is missing or empty");
    assertThat(e.hint()).contains("guard it with <#if x??>");
  }

  @Test
  void aSyntaxErrorIsPositioned() throws Exception {
    RenderException e = failure(HEAD + "<p>\n<#if x></p>", Map.of("x", true));
    assertThat(e.getMessage())
        .startsWith("templates/t.ftlx:")
        .contains(": the template has a syntax error: ");
    assertThat(e.hint()).contains("FreeMarker syntax");
  }

  @Test
  void anErrorThatIsNotAMissingValueGetsTheFixItHint() throws Exception {
    RenderException e = failure(HEAD + "<p>${x + 1}</p>", Map.of("x", List.of()));
    assertThat(e.getMessage())
        .startsWith("templates/t.ftlx:2:6: ")
        .doesNotContain("\n", "FTL stack", "Tip:");
    assertThat(e.hint())
        .isEqualTo("fix the template at that line, or delete your copy to use the default");
  }

  @Test
  void anUnknownTemplateIsNamed() throws Exception {
    assertThatThrownBy(() -> new TemplateEngine(templates()).render("nope.ftlx", Map.of(), EN))
        .isInstanceOf(RenderException.class)
        .hasMessage("no template named \"nope.ftlx\"");
  }

  @Test
  void theRepositoryTemplateComesBeforeTheDefaultAndTheDefaultIsFoundWithout() throws Exception {
    Path t = templates();
    Files.writeString(t.resolve("index.ftlx"), HEAD + "<p>ours</p>");
    assertThat(new TemplateEngine(t).render("index.ftlx", Map.of(), EN)).isEqualTo("<p>ours</p>");
    assertThat(new TemplateEngine(t).userTemplates()).isEqualTo(t);
    assertThat(new TemplateEngine(dir.resolve("none")).userTemplates()).isNull();
    assertThat(new TemplateEngine(null).userTemplates()).isNull();
    assertThat(TemplateEngine.builtinNames()).contains("memo.ftlx", "lib/layout.ftlx");
  }

  @Test
  void aTemplateLinkedFromOutsideTemplatesIsRefusedInPlainWords() throws Exception {
    Files.writeString(dir.resolve("secret.ftlx"), "SECRET-CONTENT");
    Path t = templates();
    Files.createSymbolicLink(t.resolve("memo.ftlx"), dir.resolve("secret.ftlx"));
    TemplateEngine engine = new TemplateEngine(t);
    for (int attempt = 1;
        attempt <= 2;
        attempt++) { // the second lookup comes from FreeMarker's cache
      assertThatThrownBy(() -> engine.render("memo.ftlx", Map.of(), EN))
          .isInstanceOf(RenderException.class)
          .hasMessage(
              "templates/memo.ftlx is a link to a file outside the templates folder; reap reads templates only from inside it")
          .satisfies(
              e ->
                  assertThat(((RenderException) e).hint())
                      .isEqualTo("copy the file into templates/ instead of linking to it"));
    }
  }

  @Test
  void anIncludeOfALinkOutOfTemplatesIsRefusedAtTheInclude() throws Exception {
    Files.writeString(dir.resolve("secret.ftl"), "SECRET-CONTENT");
    Path t = templates();
    Files.createSymbolicLink(t.resolve("linked.ftl"), dir.resolve("secret.ftl"));
    RenderException e = failure(HEAD + "<p>\n <#include \"linked.ftl\"></p>", Map.of());
    assertThat(e.getMessage())
        .isEqualTo(
            "templates/t.ftlx:3:2: templates/linked.ftl is a link to a file outside the templates folder;"
                + " reap reads templates only from inside it");
    assertThat(e.hint()).isEqualTo("copy the file into templates/ instead of linking to it");
  }

  @Test
  void aLinkInsideTemplatesIsFollowed() throws Exception {
    Path t = templates();
    Files.writeString(t.resolve("real.ftl"), "inside");
    Files.createSymbolicLink(t.resolve("alias.ftl"), t.resolve("real.ftl"));
    assertThat(render(HEAD + "<p><#include \"alias.ftl\"></p>", Map.of()))
        .isEqualTo("<p>inside</p>");
  }

  @Test
  void anIncludeOfAForbiddenTemplateNamesBoth() throws Exception {
    Files.writeString(templates().resolve("evil.ftl"), "x\n ${\"id\"?eval}");
    RenderException e = failure(HEAD + "<#include \"evil.ftl\">", Map.of());
    assertThat(e.getMessage())
        .isEqualTo(
            "templates/t.ftlx:2:1: templates/evil.ftl:2:8: the built-in ?eval is not allowed in reap templates");
  }

  @Test
  void aHugeTemplateIsRefused() throws Exception {
    RenderException e = failure(HEAD + "x".repeat(4 * 1024 * 1024 + 1), Map.of());
    assertThat(e.getMessage()).isEqualTo("templates/t.ftlx is larger than 4 MB");
    assertThat(e.hint()).contains("templates are small files");
  }

  @Test
  void endlessOutputIsStopped() throws Exception {
    RenderException e =
        failure(HEAD + "<#list 1..100000000 as i>${'x'?left_pad(1000, 'y')}</#list>", Map.of());
    assertThat(e.getMessage())
        .isEqualTo(
            "templates/t.ftlx: the template wrote more than 64 million characters and was stopped");
    assertThat(e.hint()).isEqualTo("check the template's #list loops");
  }

  @Test
  void outputUpToTheCapIsKept() throws Exception {
    // 64 Mi characters exactly, the last one from the template's own text: one more would be
    // stopped
    String out =
        render("<#list 1..64 as i>${''?left_pad(1024 * 1024 - 1, 'z')}y</#list>", Map.of());
    assertThat(out).hasSize(TemplateEngine.MAX_OUTPUT_CHARS).endsWith("zy");
  }

  @Test
  void javaObjectsInTheDataModelAreNotOpenedUp() throws Exception {
    // ViewWrapper: plain maps, lists, strings, numbers and booleans, and reap's views; a File's
    // methods are out of reach
    RenderException e =
        failure(HEAD + "<p>${f.absolutePath}</p>", Map.of("f", new java.io.File("/etc/passwd")));
    assertThat(e.getMessage())
        .isEqualTo(
            "templates/t.ftlx:2:4: org.reap.render.view.ViewWrapper deliberately won't wrap this type: java.io.File");
  }

  /** A record outside the view package: no template may read it. */
  record Outside(String title) {}

  @Test
  void aRecordOutsideTheViewPackageIsNotOpenedUp() throws Exception {
    RenderException e = failure(HEAD + "<p>${r.title}</p>", Map.of("r", new Outside("x")));
    assertThat(e.getMessage())
        .isEqualTo(
            "templates/t.ftlx:2:4: org.reap.render.view.ViewWrapper deliberately won't wrap this type: org.reap.render.TemplateEngineTest$Outside");
  }

  @Test
  void aViewRecordReadsByItsComponentsInSnakeCaseAndNoMethodIsReachable() throws Exception {
    var status = new org.reap.render.view.StatusView("done", "Done", "\u2713");
    var count = new org.reap.render.view.StatusView.Count(status, 3);
    assertThat(
            render(
                HEAD
                    + "<p>${c.key} ${c.label} ${c.count} ${c.status!'-'} ${(c.toString())!'no method'} ${(c.hashCode())!'no method'}</p>",
                Map.of("c", count)))
        .isEqualTo("<p>done Done 3 - no method no method</p>");
  }

  @Test
  void aDateReadsAsBeforeAndANullComponentIsMissing() throws Exception {
    var date =
        org.reap.render.Dates.model(java.time.LocalDate.of(2024, 10, 29), java.util.Locale.US);
    assertThat(
            render(HEAD + "<p>${d.short} ${d.year_known} ${d.weekday_text}</p>", Map.of("d", date)))
        .isEqualTo("<p>10/29/2024 true Tuesday, October 29, 2024</p>");
    var month = org.reap.render.Dates.model(java.time.YearMonth.of(2024, 10), java.util.Locale.US);
    assertThat(
            render(
                HEAD + "<p>${d.weekday_text!'none'} ${d.weekday_text??}</p>", Map.of("d", month)))
        .isEqualTo("<p>none false</p>");
  }

  @Test
  void aRowReadsItsFieldsAsWrittenUnderWhatIsWorkedOut() throws Exception {
    var done = new org.reap.render.view.StatusView("done", "Done", "\u2713");
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("title", "Kick-off");
    fields.put("status", "done");
    fields.put("venue", "City Hall");
    var row =
        new org.reap.render.view.Milestone(
            fields, done, false, done, null, null, null, "Ana", true);
    // a field the schema gains reaches the template with no Java: venue
    assertThat(
            render(
                HEAD
                    + "<p>${r.title} ${r.venue} ${r.status.label} ${r.who} ${r.partnership?c} ${r.team_name!'-'} ${r.fields!'-'}</p>",
                Map.of("r", row)))
        .isEqualTo("<p>Kick-off City Hall Done Ana true - -</p>");
    assertThat(render(HEAD + "<p><#list r?keys as k>${k} </#list></p>", Map.of("r", row)))
        .isEqualTo("<p>status overdue shown_status who partnership title venue </p>");
  }

  @Test
  void aTranslatedCopyLaysItsLanguageOverTheDocumentsView() throws Exception {
    var page =
        new org.reap.render.view.Page(
            Map.of("title", "Plan"), "plan", "en", "p", null, "reap test", null, Map.of());
    var copy =
        new org.reap.render.view.Page.InPacket(
            true, new org.reap.render.view.Page.Translated("es", "Traducción", page));
    Files.writeString(
        templates().resolve("t.ftlx"),
        HEAD
            + "<p>${lang} ${kind} ${doc.title} ${translation} ${in_packet?c} ${t('action.yes')} ${plan!'-'}</p>");
    assertThat(new TemplateEngine(templates()).render("t.ftlx", copy, EN))
        .isEqualTo("<p>es plan Plan Traducción true Yes -</p>");
  }

  @Test
  void anEndlessLoopIsStoppedByTheWatchdog() throws Exception {
    // endless until the test lets it end: the watchdog cannot stop the thread, only stop waiting
    // for it
    java.util.concurrent.atomic.AtomicBoolean endless =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    freemarker.template.TemplateMethodModelEx stillEndless = args -> endless.get();
    Files.writeString(
        templates().resolve("t.ftlx"),
        HEAD + "<#list 1..2147483647 as i><#if !stillEndless()><#break></#if></#list>");
    TemplateEngine engine = new TemplateEngine(templates(), 2_000);
    long start = System.nanoTime();
    try {
      assertThatThrownBy(() -> engine.render("t.ftlx", Map.of("stillEndless", stillEndless), EN))
          .isInstanceOf(RenderException.class)
          .hasMessage(
              "templates/t.ftlx: the template ran for more than 2 seconds and was stopped (an endless loop?)");
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(1_900L, 20_000L);
      // the template thread is a daemon, so it never keeps the JVM alive
      assertThat(Thread.getAllStackTraces().keySet())
          .filteredOn(t -> t.getName().equals("reap-template-t.ftlx"))
          .isNotEmpty()
          .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    } finally {
      endless.set(false);
    }
  }

  @Test
  void aTemplateThatCallsItselfForeverIsStopped() throws Exception {
    RenderException e = failure(HEAD + "<#macro m><@m/></#macro><@m/>", Map.of());
    assertThat(e.getMessage()).startsWith("templates/t.ftlx");
    assertThat(e.getMessage()).doesNotContain("StackOverflowError", "\tat ");
  }

  @Test
  void labelsAndInlineMarkdownAreTheOnlyFunctions() throws Exception {
    assertThat(
            render(HEAD + "<p>${t('indicator.everyone')} ${inline('**bold** <b>')}</p>", Map.of()))
        .isEqualTo("<p>Everyone <strong>bold</strong> &lt;b&gt;</p>");
    assertThat(
            render(HEAD + "${t('indicator.progress', 42)} ${t('report.as-of', 'May 1')}", Map.of()))
        .isEqualTo("42% of the way from baseline to target As of May 1");
    // text that is already markup (a Markdown field): one paragraph loses its <p>, several keep
    // theirs
    Map<String, Object> md =
        Map.of(
            "one",
            Text.markup("<p><em>a</em></p>"),
            "two",
            Text.markup("<p>a</p><p>b</p>"),
            "bare",
            Text.markup("<em>x</em>"));
    assertThat(render(HEAD + "${inline(one)}|${inline(two)}|${inline(bare)}", md))
        .isEqualTo("<em>a</em>|<p>a</p><p>b</p>|<em>x</em>");
    assertThat(failure(HEAD + "${t()}", Map.of()).getMessage()).contains("t() needs a label name");
    assertThat(failure(HEAD + "${t('no.such.label')}", Map.of()).getMessage())
        .contains("no label \"no.such.label\"");
    assertThat(failure(HEAD + "${inline('a', 'b')}", Map.of()).getMessage())
        .contains("inline() takes one text value");
    assertThat(failure(HEAD + "${t(['x'])}", Map.of()).getMessage())
        .contains("expected a text value");
  }

  @Test
  void firstLineKeepsTheMessageAndDropsFreeMarkersTips() {
    assertThat(TemplateEngine.firstLine(null)).isEmpty();
    assertThat(TemplateEngine.firstLine("  one  \n two \n----\nTip: x\n==> y\nFTL stack trace"))
        .isEqualTo("one two");
    assertThat(TemplateEngine.firstLine("a\nb\nc\nd")).isEqualTo("a b c");
    assertThat(TemplateEngine.firstLine("a\n\n----\nTip: no")).isEqualTo("a");
  }
}
