package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.reap.cli.PreviewCommand;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/** The staff guide, the install page and the release workflow describe what exists. */
class PreviewDocsTest {
  static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  @Test
  void theGuideShowsTheBrowserTestsScreenshots() throws IOException {
    String guide = Files.readString(Path.of("docs/guide.md"));
    List<String> images = new ArrayList<>();
    Matcher m = Pattern.compile("!\\[[^\\]]+\\]\\(images/([^)]+\\.png)\\)").matcher(guide);
    while (m.find()) {
      images.add(m.group(1));
    }
    // every screenshot the browser test takes is in the guide (with a text alternative), and only
    // those
    assertThat(images).containsExactlyInAnyOrderElementsOf(PreviewBrowserTest.SCREENSHOTS);
    for (String name : images) {
      Path png = Path.of("docs/images", name);
      assertThat(png)
          .as("regenerate with: REAP_SCREENSHOTS=docs/images mvn -B test -Dtest=PreviewBrowserTest")
          .isRegularFile();
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
      assertThat(head).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }
    assertThat(guide)
        .contains("REAP_SCREENSHOTS=docs/images mvn -B test -Dtest=PreviewBrowserTest");
  }

  @Test
  void relativeLinksInTheNewPagesLeadToFiles() throws IOException {
    for (String page :
        List.of(
            "docs/guide.md",
            "docs/install.md",
            "docs/cli.md",
            "README.md",
            "tools/a11y/README.md")) {
      Path p = Path.of(page);
      Matcher m = LINK.matcher(Files.readString(p));
      while (m.find()) {
        String target = m.group(1);
        if (target.contains("://") || target.startsWith("mailto:")) {
          continue;
        }
        assertThat(p.resolveSibling(target).normalize()).as(page + " links to " + target).exists();
      }
    }
  }

  @Test
  void cliReferenceDescribesEveryPreviewOption() throws IOException {
    String cli = Files.readString(Path.of("docs/cli.md"));
    String section =
        cli.substring(
            cli.indexOf("## reap preview"), cli.indexOf("## ", cli.indexOf("## reap preview") + 3));
    CommandLine cl = new CommandLine(new PreviewCommand());
    for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
      if (o.hidden() || o.longestName().equals("--help") || o.longestName().equals("--version")) {
        continue;
      }
      assertThat(section)
          .as("docs/cli.md, reap preview, mentions " + o.longestName())
          .contains(o.longestName());
    }
    assertThat(Files.readString(Path.of("README.md"))).contains("| `reap preview");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReleaseWorkflowBuildsEveryPlatformsBundleAndAttachesThemWithChecksums()
      throws IOException {
    String yaml = Files.readString(Path.of(".github/workflows/release.yml"));
    Map<String, Object> wf =
        (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    Map<String, Object> on = (Map<String, Object>) wf.get("on");
    assertThat(((Map<String, Object>) on.get("push")).get("tags")).isEqualTo(List.of("v*"));
    Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
    assertThat(runs(jobs.get("verify"))).contains("mvn -B verify", "--version");

    Map<String, Object> bundle = (Map<String, Object>) jobs.get("bundle");
    List<Map<String, Object>> matrix =
        (List<Map<String, Object>>)
            ((Map<String, Object>) ((Map<String, Object>) bundle.get("strategy")).get("matrix"))
                .get("include");
    assertThat(matrix)
        .extracting(m -> m.get("platform"))
        .containsExactlyInAnyOrder(
            "linux-x64", "linux-aarch64", "macos-aarch64", "macos-x64", "windows-x64");
    assertThat(matrix).extracting(m -> m.get("runner")).doesNotHaveDuplicates();
    assertThat(runs(bundle)).contains("tools/bundle/build", "tools/bundle/test");
    assertThat(Path.of("tools/bundle/build")).isExecutable();
    assertThat(Path.of("tools/bundle/test")).isExecutable();

    Map<String, Object> publish = (Map<String, Object>) jobs.get("publish");
    assertThat(publish.get("needs")).isEqualTo(List.of("verify", "bundle"));
    assertThat(publish.get("permissions")).isEqualTo(Map.of("contents", "write"));
    assertThat(runs(publish))
        .contains("sha256sum", "SHA256SUMS", "gh release create \"$GITHUB_REF_NAME\"");
    assertThat(Files.readString(Path.of("docs/ci.md")))
        .contains(".github/workflows/release.yml", "tools/bundle/build");
  }

  @SuppressWarnings("unchecked")
  private static String runs(Object job) {
    List<Map<String, Object>> steps =
        (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps");
    return String.join(
        "\n", steps.stream().map(s -> String.valueOf(s.getOrDefault("run", ""))).toList());
  }
}
