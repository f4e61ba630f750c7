package org.reap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The first impression: help texts, reap with no arguments, and --version. */
class HelpTest {
  @TempDir Path dir;

  private static List<CommandLine> allCommands() {
    CommandLine root =
        Main.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Path.of(""));
    List<CommandLine> all = new ArrayList<>();
    List<CommandLine> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      CommandLine c = todo.remove(0);
      all.add(c);
      todo.addAll(c.getSubcommands().values().stream().distinct().toList());
    }
    return all;
  }

  private static boolean endsASentence(String s) {
    // picocli's own texts end with the format newline %n
    return s.replace("%n", "").strip().matches("(?s).*[.!?][)\"']?");
  }

  /**
   * The summary `reap --help` (or `reap X --help`) lists for a command is its header, else its
   * first description line.
   */
  @Test
  void everyCommandSummaryIsAWholeSentence() {
    List<String> cut = new ArrayList<>();
    for (CommandLine c : allCommands()) {
      CommandSpec s = c.getCommandSpec();
      String[] header = s.usageMessage().header();
      String[] description = s.usageMessage().description();
      String summary = header.length > 0 ? header[0] : description.length > 0 ? description[0] : "";
      if (!endsASentence(summary)) {
        cut.add(s.qualifiedName() + ": " + summary);
      }
    }
    assertThat(cut).as("summaries that stop mid-sentence").isEmpty();
  }

  /**
   * Each element of a description is printed on a line of its own and then wrapped by picocli, so a
   * paragraph broken over several elements comes out ragged. Each element must be a whole paragraph
   * (or an indented list item), ending a sentence.
   */
  @Test
  void helpTextsCarryNoHardLineBreaksInsideAParagraph() {
    List<String> broken = new ArrayList<>();
    for (CommandLine c : allCommands()) {
      CommandSpec s = c.getCommandSpec();
      for (String line : s.usageMessage().description()) {
        if (!line.isBlank() && !endsASentence(line)) {
          broken.add(s.qualifiedName() + ": " + line);
        }
      }
      for (OptionSpec o : s.options()) {
        if (o.description().length > 1) {
          broken.add(
              s.qualifiedName() + " " + o.longestName() + ": " + o.description().length + " lines");
        }
      }
    }
    assertThat(broken).as("description lines that break a paragraph").isEmpty();
  }

  @Test
  void theRenderedCommandListEndsEverySummaryWithAFullStop() {
    Run h = Run.in(dir, "--help");
    String commands =
        h.out().substring(h.out().indexOf("Commands:"), h.out().indexOf("Exit codes:"));
    // join the continuation lines picocli indents under each command
    String[] entries = commands.replaceAll("\n {20,}", " ").split("\n");
    for (String e : entries) {
      if (e.startsWith("  ")) {
        assertThat(e.strip()).as("summary in reap --help").matches("(?s).*[.!?]");
      }
    }
    assertThat(entries.length).isGreaterThan(10);
  }

  @Test
  void reapWithNoArgumentsSaysWhatToDoFirst() throws Exception {
    Run empty = Run.in(dir);
    assertThat(empty.exit()).isZero();
    assertThat(empty.out()).contains("no plans/ folder here", "reap init my-plans", "reap --help");
    assertThat(empty.out()).doesNotContain("Usage:");

    Files.createDirectories(dir.resolve("plans"));
    Run withPlans = Run.in(dir);
    assertThat(withPlans.exit()).isZero();
    assertThat(withPlans.out())
        .contains("reap preview --open", "reap render")
        .doesNotContain("reap init");
  }

  @Test
  void versionNamesTheRuntime() {
    Run v = Run.in(dir, "--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out())
        .contains("reap ")
        .contains("Java " + Runtime.version())
        .contains(System.getProperty("java.vendor"))
        .contains(System.getProperty("java.home"));
  }
}
