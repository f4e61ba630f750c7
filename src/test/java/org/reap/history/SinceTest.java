package org.reap.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.cli.ExitCodes;
import org.reap.cli.Run;

/** "Changes since" against a real git repository made with real commits. */
class SinceTest {
  @TempDir Path dir;

  static final String PLAN =
      "reap: 1\nkind: plan\nid: p\ntitle: Plan\njurisdiction: City of Testing\nperiod:\n  when: 2024\n";
  static final String TIMELINE =
      """
      reap: 1
      kind: milestones
      id: t
      title: Timeline
      plan: p
      entries:
        - id: m-sites
          date: 2024-02-01
          title: Book sites
        - id: m-sessions
          date: 2024-03-01
          title: Hold sessions
        - id: m-old
          date: 2024-04-01
          title: Print flyers
      """;

  void git(String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", args) + ": " + out).isZero();
  }

  void commit(String message, String date) throws Exception {
    git("add", "-A");
    ProcessBuilder pb =
        new ProcessBuilder(
                "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message)
            .directory(dir.toFile());
    pb.environment().put("GIT_AUTHOR_DATE", date + "T12:00:00Z");
    pb.environment().put("GIT_COMMITTER_DATE", date + "T12:00:00Z");
    assertThat(pb.start().waitFor()).isZero();
  }

  @BeforeEach
  void threeCommits() throws Exception {
    Files.createDirectories(dir.resolve("plans"));
    git("init", "-q");
    Files.writeString(dir.resolve("plans/plan.yaml"), PLAN);
    Files.writeString(dir.resolve("plans/timeline.yaml"), TIMELINE);
    commit("first", "2024-01-15");
    git("tag", "report-jan");
    Files.writeString(
        dir.resolve("plans/timeline.yaml"),
        TIMELINE
            .replace(
                "title: Book sites",
                "title: Book sites\n    status: done\n    completed: 2024-02-01")
            .replace("date: 2024-03-01", "date: 2024-05-01"));
    commit("second", "2024-02-15");
    Files.writeString(
        dir.resolve("plans/timeline.yaml"),
        Files.readString(dir.resolve("plans/timeline.yaml"))
            .replace(
                "  - id: m-old\n    date: 2024-04-01\n    title: Print flyers\n",
                "  - id: m-new\n    date: 2024-06-01\n    title: Report back\n"));
    commit("third", "2024-03-15");
  }

  @Test
  void progressReportListsTheChanges() throws IOException {
    Run r =
        Run.in(
            dir,
            "render",
            "--since",
            "report-jan",
            "--as-of",
            "2024-04-15",
            "--format",
            "html",
            "--only",
            "p-progress");
    assertThat(r.exit()).as(r.all()).isZero();
    String html =
        Files.readString(dir.resolve("out/p-progress.html"))
            .replaceAll("<[^>]+>", " ")
            .replaceAll("\\s+", " ");
    assertThat(html).contains("Changes since January 15, 2024", "report-jan");
    assertThat(html)
        .contains("Completed (1) ", "Re-dated (1) ", "Added (1) ", "Dropped or removed (1) ");
    assertThat(html).containsPattern("Hold sessions 3/1/2024 5/1/2024");
    assertThat(html).contains("Report back", "Print flyers");
  }

  @Test
  void aDateWorksAsARevision() throws IOException {
    Run r =
        Run.in(
            dir,
            "render",
            "--since",
            "2024-02-20",
            "--as-of",
            "2024-04-15",
            "--format",
            "html",
            "--only",
            "p-progress");
    assertThat(r.exit()).as(r.all()).isZero();
    String html = Files.readString(dir.resolve("out/p-progress.html"));
    assertThat(html).contains("Changes since February 15, 2024").doesNotContain("Re-dated");
  }

  @Test
  void unknownRevisionIsAClearError() {
    Run r = Run.in(dir, "render", "--since", "no-such-tag", "--as-of", "2024-04-15");
    assertThat(r.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("--since no-such-tag: git knows no such tag, branch or commit");
    assertThat(dir.resolve("out")).doesNotExist();
  }
}
