package org.reap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.diagnostic.DiagnosticPrinter;
import org.reap.model.Document;
import org.reap.model.Markdown;
import org.reap.model.Repository;
import org.reap.model.Translations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "translations",
    mixinStandardHelpOptions = true,
    description = "Work on the languages documents are published in (the header field publish_in).",
    subcommands = {TranslationsCommand.Report.class})
public final class TranslationsCommand implements Runnable {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description = {
        "List, per language, every text that has no translation yet, as a Markdown checklist for translators.",
        "Each entry gives file:line, the field, and the text to translate. Exit code 0 whether or not anything is missing."
      })
  static final class Report implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand TranslationsCommand parent;

    @Mixin CheckOptions check;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Pipeline.Checked checked =
          Pipeline.check(check.toOptions(spec.commandLine(), parent.root.cwd));
      if (!checked.ok()) {
        DiagnosticPrinter.print(
            checked.diagnostics().stream()
                .filter(d -> d.severity() == org.reap.diagnostic.Severity.ERROR)
                .toList(),
            DiagnosticPrinter.Format.TEXT,
            err);
        err.println("reap: the report needs files that can be read: fix the errors above first.");
        err.flush();
        return ExitCodes.INVALID;
      }
      out.print(report(checked.repository()));
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** The checklist: per language, each missing text as "- [ ] file:line field (path): text". */
  public static String report(Repository repo) {
    Map<String, List<String>> byLanguage = new LinkedHashMap<>();
    Map<String, Integer> total = new LinkedHashMap<>();
    for (Document d : repo.documents()) {
      for (String lang : Translations.publishIn(d, repo)) {
        List<String> lines = byLanguage.computeIfAbsent(lang, k -> new ArrayList<>());
        total.merge(lang, Translations.texts(d).size(), Integer::sum);
        for (Translations.Text t : Translations.missing(d, lang)) {
          lines.add(
              "- [ ] "
                  + d.file().displayPath()
                  + ":"
                  + t.value().span().line()
                  + " "
                  + t.path()
                  + ": "
                  + excerpt(t.value().value()));
        }
      }
    }
    StringBuilder sb = new StringBuilder("# Translations to do\n");
    if (byLanguage.isEmpty()) {
      return sb.append(
              "\nNo document lists other languages to publish in (header field publish_in: [es, vi]).\n")
          .toString();
    }
    for (Map.Entry<String, List<String>> e : byLanguage.entrySet()) {
      int all = total.get(e.getKey());
      sb.append("\n## ")
          .append(Translations.displayName(e.getKey()))
          .append(": ")
          .append(e.getValue().size())
          .append(" of ")
          .append(all)
          .append(all == 1 ? " text" : " texts")
          .append(" to translate\n\n");
      if (e.getValue().isEmpty()) {
        sb.append("Every text is translated.\n");
      }
      e.getValue().forEach(l -> sb.append(l).append('\n'));
    }
    return sb.toString();
  }

  private static String excerpt(Object value) {
    String s = value instanceof Markdown md ? md.source() : String.valueOf(value);
    s = s.strip().replaceAll("\\s+", " ");
    return s.length() > 100 ? s.substring(0, 99) + "…" : s;
  }
}
