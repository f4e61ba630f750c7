package org.reap.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.cli.Run;
import org.reap.testing.TestFiles;

/** A second render skips what has not changed, and re-renders exactly what has. */
class IncrementalTest {
  @TempDir Path dir;

  private Run render(String... extra) {
    String[] args =
        Stream.concat(Stream.of("render", "--as-of", "2025-05-01"), Stream.of(extra))
            .toArray(String[]::new);
    return Run.in(dir, args);
  }

  @Test
  void skipsUnchangedAndRerendersChanged() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    Run first = render();
    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(first.out())
        .contains("wrote out/index.html", "wrote out/riverton-indicators.pdf")
        .doesNotContain("unchanged");
    byte[] memo = Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2.pdf"));
    String index = Files.readString(dir.resolve("out/index.html"));
    assertThat(index)
        .contains(
            "riverton-eq-2025-05-13-item-2.pdf",
            "Committee memo",
            "Permit Fee Waiver for Small Home Repairs");

    Run second = render();
    assertThat(second.out())
        .isEqualTo("8 documents unchanged since the last render (--force renders them again)\n");

    // a change to one file re-renders exactly the documents whose content it changes
    Path findings = dir.resolve("plans/findings.yaml");
    Files.writeString(
        findings,
        Files.readString(findings)
            .replace("title: What We Heard", "title: What We Heard in Riverton"));
    Run third = render("--verbose");
    assertThat(third.out())
        .contains(
            "wrote out/riverton-what-we-heard.pdf",
            "unchanged riverton-eq-2025-05-13-item-2",
            "unchanged riverton-indicators");
    assertThat(Files.readAllBytes(dir.resolve("out/riverton-eq-2025-05-13-item-2.pdf")))
        .isEqualTo(memo);
    // the plan's title is printed on the timeline and the indicators, so both are rendered again
    Path plan = dir.resolve("plans/plan.yaml");
    Files.writeString(
        plan,
        Files.readString(plan)
            .replace(
                "title: Riverton Racial Equity Action Plan 2025",
                "title: Riverton Racial Equity Action Plan 2025-26"));
    assertThat(render().out())
        .contains(
            "wrote out/riverton-2025-timeline.pdf",
            "wrote out/riverton-indicators.pdf",
            "wrote out/riverton-reap-2025.pdf");

    // a deleted or edited output is rendered again
    Files.delete(dir.resolve("out/riverton-indicators.html"));
    assertThat(render().out()).contains("wrote out/riverton-indicators.html");

    // a template change re-renders every document that uses it
    Files.createDirectories(dir.resolve("templates/lib"));
    Files.writeString(
        dir.resolve("templates/lib/style.css"),
        new String(getClass().getResourceAsStream("/reap/templates/lib/style.css").readAllBytes())
            + "\nh1 { color: #000000; }\n");
    Run fourth = render();
    assertThat(fourth.out())
        .doesNotContain("unchanged")
        .contains("wrote out/riverton-outcomes.pdf");

    Run forced = render("--force", "--quiet");
    assertThat(forced.exit()).isZero();
    assertThat(forced.out()).isEmpty();
  }

  @Test
  void anUnchangedRunSkipsEverythingWholesaleAndAnyChangedFileEndsThat() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    assertThat(render().exit()).isZero();
    String wholesale = "nothing reap reads has changed since the last render";
    Run same = render("--verbose");
    assertThat(same.out())
        .contains(wholesale, "unchanged riverton-indicators", "8 documents unchanged");

    // a comment changes a plan file but no document: no wholesale skip, yet every document is
    // unchanged
    Path findings = dir.resolve("plans/findings.yaml");
    Files.writeString(findings, Files.readString(findings) + "\n# a note for the next meeting\n");
    Run comment = render("--verbose");
    assertThat(comment.out())
        .doesNotContain(wholesale)
        .doesNotContain("wrote")
        .contains("8 documents unchanged");
    assertThat(render("--verbose").out()).contains(wholesale);

    // any other file under the plans folder counts too (an image or an attached PDF a template may
    // use)
    Files.write(dir.resolve("plans/logo.png"), new byte[] {1, 2, 3});
    assertThat(render("--verbose").out()).doesNotContain(wholesale);
    assertThat(render("--verbose").out()).contains(wholesale);

    // an output edited by hand, or index.html deleted, ends the wholesale skip and is made again
    Path pdf = dir.resolve("out/riverton-outcomes.pdf");
    Files.write(pdf, new byte[] {'%', 'P', 'D', 'F'});
    assertThat(render("--verbose").out())
        .doesNotContain(wholesale)
        .contains("wrote out/riverton-outcomes.pdf");
    Files.delete(dir.resolve("out/index.html"));
    assertThat(render("--verbose").out())
        .doesNotContain(wholesale)
        .contains("wrote out/index.html");

    // --only and --force never leave a stale wholesale key behind
    assertThat(render("--only", "riverton-outcomes", "--force").exit()).isZero();
    assertThat(render("--verbose").out())
        .doesNotContain(wholesale)
        .contains("8 documents unchanged");
    assertThat(render("--verbose").out()).contains(wholesale);
    Run later = Run.in(dir, "render", "--as-of", "2025-06-01", "--verbose");
    assertThat(later.out())
        .doesNotContain(wholesale)
        .contains("wrote out/riverton-reap-2025-progress.pdf");
  }

  @Test
  void aDifferentAsOfDateIsAChange() throws IOException {
    TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
    assertThat(render().exit()).isZero();
    Run later = Run.in(dir, "render", "--as-of", "2025-06-01");
    assertThat(later.out()).contains("wrote out/riverton-reap-2025-progress.pdf");
  }
}
