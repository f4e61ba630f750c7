package org.reap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: exit codes and what is printed. */
class CliTest {
  @TempDir Path dir;

  static final String VALID =
      """
      reap: 1
      kind: milestones
      id: demo
      title: Demo
      entries:
        - date: 2024-01-09
          title: Kickoff
        - date: 2024-02-01
          title: Second
          status: done
      """;

  private void write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void versionAndHelp() {
    Run v = Run.in(dir, "--version");
    assertThat(v.exit()).isZero();
    assertThat(v.out()).startsWith("reap ");
    Run h = Run.in(dir, "--help");
    assertThat(h.exit()).isZero();
    assertThat(h.out())
        .contains("validate", "render", "schema", "templates", "rules", "Exit codes");
  }

  @Test
  void unknownCommandOrOptionIsAUsageError() {
    Run r = Run.in(dir, "valdate");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("validate");
    Run o = Run.in(dir, "validate", "--frmat", "json");
    assertThat(o.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(o.err()).contains("--frmat");
  }

  @Test
  void missingPathIsReportedNotThrown() {
    Run r = Run.in(dir, "validate", "nowhere");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out()).contains("nowhere: error[file.not-found]: there is no file or folder here");
  }

  @Test
  void defaultPathIsPlans() throws IOException {
    write("plans/t.yaml", VALID);
    Run r = Run.in(dir, "validate");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("ok: 0 errors, 1 warning in 1 file");
  }

  @Test
  void strictTurnsWarningsIntoErrors() throws IOException {
    write("plans/t.yaml", VALID);
    Run lax = Run.in(dir, "validate", "plans");
    assertThat(lax.exit()).isZero();
    assertThat(lax.out()).contains("warning[status.done-without-date]");
    Run strict = Run.in(dir, "validate", "plans", "--strict");
    assertThat(strict.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(strict.out()).contains("error[status.done-without-date]");
    Run off =
        Run.in(dir, "validate", "plans", "--strict", "--rule", "status.done-without-date=off");
    assertThat(off.exit()).isZero();
    Run bad = Run.in(dir, "validate", "plans", "--rule", "status.done-without-dat=off");
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("did you mean \"status.done-without-date\"");
  }

  @Test
  void jsonFormatIsParseable() throws IOException {
    write("plans/t.yaml", VALID.replace("title: Kickoff", "title: Kickoff\n    status: finished"));
    Run r = Run.in(dir, "validate", "plans", "--format", "json");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    JsonNode d = json.get("diagnostics").get(0);
    assertThat(d.get("file").asText()).isEqualTo("plans/t.yaml");
    assertThat(d.get("line").asInt()).isEqualTo(8);
    assertThat(d.get("column").asInt()).isEqualTo(13);
    assertThat(d.get("rule").asText()).isEqualTo("schema.bad-value");
    assertThat(d.get("hint").asText()).contains("did you mean \"done\"");
  }

  @Test
  void githubFormatIsAnnotations() throws IOException {
    write("plans/t.yaml", VALID.replace("title: Kickoff", "title: Kickoff\n    status: finished"));
    Run r = Run.in(dir, "validate", "plans", "--format", "github");
    assertThat(r.out())
        .startsWith(
            "::error file=plans/t.yaml,line=8,col=13,endColumn=21,title=reap schema.bad-value::");
  }

  @Test
  void tooLargeFileIsRefusedWithoutReadingIt() throws IOException {
    Files.createDirectories(dir.resolve("plans"));
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("plans/huge.yaml").toFile(), "rw")) {
      f.setLength(50L * 1024 * 1024);
    }
    Run r = Run.in(dir, "validate", "plans");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out())
        .contains(
            "plans/huge.yaml: error[file.too-large]: the file is 50 MB; reap reads files of at most 8 MB");
  }

  @Test
  void folderNamedLikeAFileIsSkippedAndAFolderGivenAsFileIsReported() throws IOException {
    write("plans/t.yaml", VALID.replace("status: done", "status: done\n    completed: 2024-02-01"));
    Files.createDirectories(dir.resolve("plans/odd.yaml"));
    Run r = Run.in(dir, "validate", "plans");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("ok: 0 errors, 0 warnings in 1 file");
  }

  @Test
  void symlinkOutsideTheRepositoryIsRefused() throws IOException {
    Path outside = Files.writeString(dir.resolve("secret.yaml"), VALID);
    Files.createDirectories(dir.resolve("plans"));
    Files.createSymbolicLink(dir.resolve("plans/link.yaml"), outside);
    Run r = Run.in(dir, "validate", "plans");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.out())
        .contains(
            "plans/link.yaml: error[file.outside-repository]: this is a link to a file outside the repository");
  }

  @Test
  void schemaCommand() throws IOException {
    Run r = Run.in(dir, "schema", "milestones");
    assertThat(r.exit()).isZero();
    JsonNode s = new ObjectMapper().readTree(r.out());
    assertThat(s.get("$schema").asText()).contains("draft-07");
    assertThat(s.at("/properties/entries/type").asText()).isEqualTo("array");
    Run bad = Run.in(dir, "schema", "milestone");
    assertThat(bad.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("did you mean \"milestones\"");
    Run all = Run.in(dir, "schema", "--out", "schemas");
    assertThat(all.exit()).isZero();
    assertThat(dir.resolve("schemas/reap-agenda-item.schema.json")).exists();
  }

  @Test
  void rulesCommandListsEveryRule() {
    Run r = Run.in(dir, "rules");
    assertThat(r.exit()).isZero();
    for (var rule : org.reap.validate.Validator.RULES) {
      assertThat(r.out()).contains(rule.id());
    }
    assertThat(r.out()).contains("yaml.duplicate-key", "schema.unknown-field");
  }

  @Test
  void completionScriptAndColours() throws IOException {
    Run c = Run.in(dir, "generate-completion");
    assertThat(c.exit()).isZero();
    assertThat(c.out()).contains("complete -F", "validate", "render");
    var d =
        org.reap.diagnostic.Diagnostic.error(
            "schema.bad-value",
            org.reap.source.Span.at(new org.reap.source.SourceFile(dir, "x.yaml", "a: b\n"), 1, 4),
            "bad",
            "fix it");
    java.io.StringWriter w = new java.io.StringWriter();
    org.reap.diagnostic.DiagnosticPrinter.print(
        java.util.List.of(d),
        org.reap.diagnostic.DiagnosticPrinter.Format.TEXT,
        new java.io.PrintWriter(w),
        true);
    assertThat(w.toString())
        .startsWith("x.yaml:1:4: \u001b[1;31merror[schema.bad-value]\u001b[0m: bad");
    // not a terminal here: plain text
    write("plans/t.yaml", VALID.replace("title: Kickoff", "title: Kickoff\n    status: finished"));
    assertThat(Run.in(dir, "validate").out()).doesNotContain("\u001b[");
  }
}
