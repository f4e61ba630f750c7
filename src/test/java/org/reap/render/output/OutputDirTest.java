package org.reap.render.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reap.render.RenderException;

class OutputDirTest {
  @TempDir Path tmp;

  private List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void createsTheFolderAndWritesFiles() throws Exception {
    Path out = tmp.resolve("out/nested");
    try (OutputDir dir = OutputDir.open(out)) {
      dir.write("memo.pdf", "new".getBytes(StandardCharsets.UTF_8));
      dir.write("memo.pdf", "newer".getBytes(StandardCharsets.UTF_8));
      assertThat(dir.resolve("memo.pdf")).isEqualTo(out.toRealPath().resolve("memo.pdf"));
    }
    assertThat(Files.readString(out.resolve("memo.pdf"))).isEqualTo("newer");
    assertThat(listing(out)).containsExactly(".reap", "memo.pdf");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "/etc/passwd",
        "a/b",
        "..",
        ".hidden",
        "Memo.pdf",
        "a..b",
        "",
        " x",
        "x.reap-tmp",
        "a\\b",
        "memo.pdf/"
      })
  void refusesNamesThatAreNotPlainFileNames(String name) throws Exception {
    try (OutputDir dir = OutputDir.open(tmp.resolve("out"))) {
      assertThatThrownBy(() -> dir.resolve(name))
          .isInstanceOf(RenderException.class)
          .hasMessageContaining("not an allowed output file name");
      assertThatThrownBy(() -> dir.write(name, new byte[1])).isInstanceOf(RenderException.class);
    }
    assertThat(Files.exists(tmp.resolve("x"))).isFalse();
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemp() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      dir.write("plan.html", "old".getBytes(StandardCharsets.UTF_8));
      assertThatThrownBy(
              () ->
                  dir.write(
                      "plan.html",
                      stream -> {
                        stream.write("half of the new con".getBytes(StandardCharsets.UTF_8));
                        throw new IOException("disk full");
                      }))
          .isInstanceOf(RenderException.class)
          .hasMessageContaining("Could not write")
          .hasMessageContaining("disk full")
          .hasMessageContaining("previous file, if any, is unchanged");
      assertThatThrownBy(
              () ->
                  dir.write(
                      "plan.html",
                      stream -> {
                        throw new IllegalStateException("renderer bug");
                      }))
          .isInstanceOf(RenderException.class);
    }
    assertThat(Files.readString(out.resolve("plan.html"))).isEqualTo("old");
    assertThat(listing(out)).containsExactly(".reap", "plan.html");
  }

  @Test
  void aSecondRunInThisJvmIsTurnedAway() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir first = OutputDir.open(out)) {
      assertThatThrownBy(() -> OutputDir.open(out))
          .isInstanceOf(RenderException.class)
          .hasMessage(
              "another reap render is writing to "
                  + out
                  + "/ (started by process "
                  + ProcessHandle.current().pid()
                  + "); wait for it or use another --out");
      first.write("still.txt", new byte[] {1}); // the first still holds its lock
    }
    try (OutputDir again = OutputDir.open(out)) {
      assertThat(again.path()).isEqualTo(out.toRealPath());
    }
  }

  @Test
  void aRunInAnotherProcessIsNamedByItsPid() throws Exception {
    Path out = tmp.resolve("out");
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                out.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String line = lines.readLine();
      assertThat(line).startsWith("LOCKED ");
      String pid = line.substring("LOCKED ".length());
      assertThat(pid).isEqualTo(String.valueOf(child.pid()));
      assertThatThrownBy(() -> OutputDir.open(out))
          .isInstanceOf(RenderException.class)
          .hasMessageContaining("another reap render is writing to " + out + "/")
          .hasMessageContaining("(started by process " + pid + ")");
    } finally {
      child.getOutputStream().close();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    try (OutputDir mine = OutputDir.open(out)) {
      assertThat(mine.path()).isEqualTo(out.toRealPath());
      assertThat(Files.readString(out.resolve(OutputDir.LOCK_FILE)).trim())
          .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    }
  }

  @Test
  void staleTempsFromAKilledRunAreRemoved() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve(".memo.pdf.4242-1.reap-tmp"), "partial");
    Files.writeString(out.resolve(".plan.html.4242-2.reap-tmp"), "partial");
    Files.writeString(out.resolve("keep.pdf"), "keep");
    Files.writeString(out.resolve(".gitignore"), "*");
    try (OutputDir dir = OutputDir.open(out)) {
      assertThat(listing(dir.path())).containsExactly(".gitignore", ".reap", "keep.pdf");
    }
  }

  @Test
  void stagedFilesAppearOnlyOnCommit() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      dir.write("a.pdf", "old a".getBytes(StandardCharsets.UTF_8));
      OutputDir.Staged a = dir.stage("a.pdf", "new a".getBytes(StandardCharsets.UTF_8));
      dir.stage("b.html", "new b".getBytes(StandardCharsets.UTF_8));
      assertThat(a.target()).isEqualTo(out.toRealPath().resolve("a.pdf"));
      assertThat(Files.readString(out.resolve("a.pdf"))).isEqualTo("old a");
      assertThat(Files.exists(out.resolve("b.html"))).isFalse();
      assertThat(dir.commitAll())
          .extracting(p -> p.getFileName().toString())
          .containsExactly("a.pdf", "b.html");
    }
    assertThat(Files.readString(out.resolve("a.pdf"))).isEqualTo("new a");
    assertThat(Files.readString(out.resolve("b.html"))).isEqualTo("new b");
    assertThat(listing(out)).containsExactly(".reap", "a.pdf", "b.html");
  }

  @Test
  void closingWithoutCommitChangesNothing() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      dir.write("a.pdf", "old".getBytes(StandardCharsets.UTF_8));
      dir.stage("a.pdf", "new".getBytes(StandardCharsets.UTF_8));
      dir.stage("c.pdf", "new".getBytes(StandardCharsets.UTF_8));
      // a later document failed to render: the caller just closes
    }
    assertThat(Files.readString(out.resolve("a.pdf"))).isEqualTo("old");
    assertThat(listing(out)).containsExactly(".reap", "a.pdf");
  }

  @Test
  void aFileInPlaceOfTheFolderIsAnError() throws Exception {
    Path file = Files.writeString(tmp.resolve("out"), "I am a file");
    assertThatThrownBy(() -> OutputDir.open(file))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("is a file, not a folder");
  }

  @Test
  void aSymlinkedLockFileIsNotFollowed() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path victim = Files.writeString(tmp.resolve("victim.txt"), "precious");
    Files.createDirectories(out.resolve(OutputDir.OWN_DIR));
    Files.createSymbolicLink(out.resolve(OutputDir.LOCK_FILE), victim);
    assertThatThrownBy(() -> OutputDir.open(out))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("lock file");
    assertThat(Files.readString(victim)).isEqualTo("precious");
  }
}
