package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.Pipeline;

/**
 * The preview's checks of a request that need no server: the Host header, the query, the name of
 * what is shown.
 */
class PreviewRoutesTest {
  @TempDir Path dir;

  @Test
  void onlyThisServersOwnHostsAreAnswered() {
    assertThat(PreviewRoutes.hostAllowed("127.0.0.1:8000", 8000)).isTrue();
    assertThat(PreviewRoutes.hostAllowed("LocalHost:8000 ", 8000)).isTrue();
    assertThat(PreviewRoutes.hostAllowed("localhost:8001", 8000)).as("another port").isFalse();
    assertThat(PreviewRoutes.hostAllowed("localhost", 8000)).as("no port").isFalse();
    assertThat(PreviewRoutes.hostAllowed("evil.example:8000", 8000))
        .as("a DNS name of its own")
        .isFalse();
    assertThat(PreviewRoutes.hostAllowed(null, 8000)).isFalse();
  }

  @Test
  void theQueryIsSplitAndTheFirstOfANameCounts() {
    assertThat(PreviewRoutes.query("page=index&etag=abc&page=other"))
        .containsExactly(Map.entry("page", "index"), Map.entry("etag", "abc"));
    assertThat(PreviewRoutes.query("=x&flag&a=")).containsExactly(Map.entry("a", ""));
    assertThat(PreviewRoutes.query(null)).isEmpty();
  }

  @Test
  void whatIsPreviewedIsNamedAsGiven() throws Exception {
    Files.createDirectories(dir.resolve("plans"));
    Files.writeString(dir.resolve("one.yaml"), "reap: 1\n");
    Pipeline.Options check =
        new Pipeline.Options(
            List.of(Path.of("plans"), Path.of("one.yaml")), dir, false, Map.of(), Set.of());
    assertThat(PreviewRoutes.describe(check)).isEqualTo("plans/, one.yaml");
    assertThat(
            PreviewRoutes.describe(
                new Pipeline.Options(List.of(Path.of("")), dir, false, Map.of(), Set.of())))
        .isEqualTo(".");
  }
}
