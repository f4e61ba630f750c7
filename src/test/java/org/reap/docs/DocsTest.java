package org.reap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reap.cli.Run;

/** The generated reference pages describe the code as it is, and the examples in them are valid. */
class DocsTest {
  @Test
  void kindsReferenceIsCurrent() throws IOException {
    Run r = Run.in(Path.of(""), "schema", "--docs");
    assertThat(Files.readString(Path.of("docs/kinds.md")))
        .as("regenerate with ./reap schema --docs > docs/kinds.md")
        .isEqualTo(r.out());
  }

  @Test
  void rulesReferenceIsCurrent() throws IOException {
    Run r = Run.in(Path.of(""), "rules", "--markdown");
    assertThat(Files.readString(Path.of("docs/rules.md")))
        .as("regenerate with ./reap rules --markdown > docs/rules.md")
        .isEqualTo(r.out());
  }

  @Test
  void examplesValidateCleanAndCoverEveryKind() throws IOException {
    Run r = Run.in(Path.of(""), "validate", "docs/examples", "--strict");
    assertThat(r.out()).endsWith("ok: 0 errors, 0 warnings in 7 files\n");
    String kinds = Files.readString(Path.of("docs/kinds.md"));
    for (String k : org.reap.schema.Kinds.all().keySet()) {
      assertThat(kinds).contains("## " + k).contains("kind: " + k);
    }
  }

  @Test
  void readmeStartsWithTheTwoCommands() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme.lines().limit(6).toList())
        .anySatisfy(l -> assertThat(l).startsWith("./reap render"))
        .anySatisfy(l -> assertThat(l).startsWith("./reap test"));
    assertThat(Files.readString(Path.of(".ci/run"))).contains("./reap test");
  }
}
