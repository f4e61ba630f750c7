package org.reap.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the build log names what changed. */
class BuildLoopTest {
  @TempDir Path dir;

  private Path file(String name) throws Exception {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "reap: 1\n");
    return p;
  }

  @Test
  void namesTheSavedFilesFromTheBase() throws Exception {
    Set<Path> changed =
        new LinkedHashSet<>(List.of(file("plans/a.yaml"), file("templates/memo.ftlx")));
    assertThat(BuildLoop.describeChanges(dir, changed))
        .isEqualTo("plans/a.yaml, templates/memo.ftlx changed");
  }

  @Test
  void namesRemovedFilesReapReadsButNotScratchFiles() throws Exception {
    Set<Path> changed =
        new LinkedHashSet<>(
            List.of(
                dir.resolve("plans/gone.yaml"),
                dir.resolve("plans/.a.yaml.swp"),
                dir.resolve("plans/4913")));
    assertThat(BuildLoop.describeChanges(dir, changed))
        .isEqualTo("plans/gone.yaml (removed) changed");
  }

  @Test
  void onlyScratchFilesOrFoldersSayFilesChanged() throws Exception {
    Files.createDirectories(dir.resolve("plans/sub"));
    assertThat(
            BuildLoop.describeChanges(dir, Set.of(dir.resolve("plans/sub"), dir.resolve("x.tmp"))))
        .isEqualTo("files changed");
  }

  @Test
  void moreThanThreeAreCounted() throws Exception {
    Set<Path> changed = new LinkedHashSet<>();
    for (String n : List.of("a", "b", "c", "d")) {
      changed.add(file("plans/" + n + ".yaml"));
    }
    assertThat(BuildLoop.describeChanges(dir, changed))
        .isEqualTo("plans/a.yaml and 3 more changed");
  }
}
