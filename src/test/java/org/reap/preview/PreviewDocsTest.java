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
    // every screenshot the browser test takes is in the guide (with a text alternative), and only those
    assertThat(images).containsExactlyInAnyOrderElementsOf(PreviewBrowserTest.SCREENSHOTS);
    for (String name : images) {
      Path png = Path.of("docs/images", name);
      assertThat(png).as("regenerate with: REAP_SCREENSHOTS=docs/images mvn -B test -Dtest=PreviewBrowserTest").isRegularFile();
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
      assertThat(head).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }
    assertThat(guide).contains("REAP_SCREENSHOTS=docs/images mvn -B test -Dtest=PreviewBrowserTest");
  }

  @Test
  void relativeLinksInTheNewPagesLeadToFiles() throws IOException {
    for (String page : List.of("docs/guide.md", "docs/install.md", "docs/cli.md", "README.md", "tools/a11y/README.md")) {
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
    String section = cli.substring(cli.indexOf("## reap preview"), cli.indexOf("## ", cli.indexOf("## reap preview") + 3));
    CommandLine cl = new CommandLine(new PreviewCommand());
    for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
      if (o.hidden() || o.longestName().equals("--help") || o.longestName().equals("--version")) {
        continue;
      }
      assertThat(section).as("docs/cli.md, reap preview, mentions " + o.longestName()).contains(o.longestName());
    }
    assertThat(Files.readString(Path.of("README.md"))).contains("| `reap preview");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theReleaseWorkflowInCiMdIsValidYamlThatAttachesTheJar() throws IOException {
    String ci = Files.readString(Path.of("docs/ci.md"));
    int at = ci.indexOf("# .github/workflows/release.yml");
    assertThat(at).isPositive();
    String yaml = ci.substring(at, ci.indexOf("```", at));
    Map<String, Object> wf = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    Map<String, Object> on = (Map<String, Object>) wf.get("on");
    assertThat(((Map<String, Object>) on.get("push")).get("tags")).isEqualTo(List.of("v*"));
    assertThat(wf.get("permissions")).isEqualTo(Map.of("contents", "write"));
    Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("jar");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
    String runs = String.join("\n", steps.stream().map(s -> String.valueOf(s.getOrDefault("run", ""))).toList());
    assertThat(runs).contains("mvn -B verify", "java -jar reap.jar --version", "gh release create \"$GITHUB_REF_NAME\" reap.jar reap.jar.sha256");
    assertThat(steps).anySatisfy(s -> assertThat(s.get("uses")).isEqualTo("actions/setup-java@v4"));
  }
}
