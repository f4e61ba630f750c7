package org.reap.render.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.render.RenderException;

/**
 * The output folder's failure paths: a move that fails half way, staging the same name twice, a
 * closed folder, what a killed run leaves behind. OutputDirTest has the ordinary paths.
 */
class OutputDirEdgesTest {
  @TempDir Path tmp;

  static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMoveThatFailsHalfWaySaysWhatWasReplacedAndLeavesNoTemp() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      Files.createDirectories(
          out.resolve("b.pdf/inside")); // a non-empty folder cannot be replaced by a file
      dir.stage("a.pdf", text("A"));
      dir.stage("b.pdf", text("B"));
      dir.stage("c.pdf", text("C"));
      assertThatThrownBy(dir::commitAll)
          .isInstanceOf(RenderException.class)
          .hasMessageStartingWith("Could not move b.pdf into " + out + "/ (")
          .hasMessageEndingWith("). Already replaced: a.pdf; the others are unchanged.");
      assertThat(listing(out)).containsExactly(".reap", "a.pdf", "b.pdf");
      assertThat(Files.readString(out.resolve("a.pdf"))).isEqualTo("A");
      assertThat(dir.commitAll()).as("nothing is left staged").isEmpty();
    }
  }

  @Test
  void aFirstMoveThatFailsSaysNothingChanged() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      Files.createDirectories(out.resolve("a.pdf/inside"));
      dir.stage("a.pdf", text("A"));
      assertThatThrownBy(dir::commitAll).hasMessageEndingWith("). No file was changed.");
      assertThat(listing(out)).containsExactly(".reap", "a.pdf");
    }
  }

  @Test
  void aWriteThatCannotReplaceItsTargetLeavesNoTemp() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      Files.createDirectories(out.resolve("a.pdf/inside"));
      assertThatThrownBy(() -> dir.write("a.pdf", text("A")))
          .isInstanceOf(RenderException.class)
          .hasMessageStartingWith("Could not replace " + out + "/a.pdf (")
          .hasMessageEndingWith("). The previous file, if any, is unchanged.");
      assertThat(listing(out)).containsExactly(".reap", "a.pdf");
    }
  }

  @Test
  void stagingANameTwiceKeepsOnlyTheLastAndNoStaleTemp() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      dir.stage("a.pdf", text("first"));
      OutputDir.Staged s = dir.stage("a.pdf", text("second"));
      assertThat(s.name()).isEqualTo("a.pdf");
      assertThat(s.target()).isEqualTo(out.toRealPath().resolve("a.pdf"));
      assertThat(listing(out)).hasSize(2); // the lock and one temp
      assertThat(dir.commitAll()).containsExactly(out.toRealPath().resolve("a.pdf"));
      assertThat(dir.commitAll()).isEmpty();
    }
    assertThat(Files.readString(out.resolve("a.pdf"))).isEqualTo("second");
  }

  @Test
  void discardedFilesAreNotCommittedLater() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      dir.stage("a.pdf", text("A"));
      dir.discardAll();
      dir.stage("b.pdf", text("B"));
      assertThat(dir.commitAll()).containsExactly(out.toRealPath().resolve("b.pdf"));
    }
    assertThat(listing(out)).containsExactly(".reap", "b.pdf");
  }

  @Test
  void aClosedFolderTakesNoMoreFilesAndClosingTwiceIsFine() throws Exception {
    Path out = tmp.resolve("out");
    OutputDir dir = OutputDir.open(out);
    dir.close();
    dir.close();
    assertThatThrownBy(() -> dir.stage("a.pdf", text("A")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("output folder " + out + "/ is closed");
    assertThatThrownBy(dir::commitAll).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> dir.write("a.pdf", text("A")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(out)
        .as("a folder this run made and wrote nothing to is removed again")
        .doesNotExist();
    // the lock is free again: this JVM and others may open the folder
    try (OutputDir again = OutputDir.open(out)) {
      assertThat(again.path()).isEqualTo(out.toRealPath());
    }
  }

  @Test
  void onlyTempFilesAndLinksAreCleanedUpNeverAFolderOrAnotherFile() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Path elsewhere = Files.writeString(tmp.resolve("keep.txt"), "keep");
    Files.writeString(out.resolve(".a.pdf.123-1.reap-tmp"), "half");
    Files.createSymbolicLink(out.resolve(".b.pdf.123-2.reap-tmp"), elsewhere);
    Files.createDirectories(out.resolve(".c.pdf.123-3.reap-tmp"));
    Files.writeString(out.resolve("d.pdf.reap-tmp"), "not ours: no leading dot");
    Files.writeString(out.resolve(".e.pdf"), "not a temp");
    try (OutputDir dir = OutputDir.open(out)) {
      assertThat(listing(out))
          .containsExactly(".c.pdf.123-3.reap-tmp", ".e.pdf", ".reap", "d.pdf.reap-tmp");
    }
    assertThat(Files.readString(elsewhere)).as("a link is removed, not followed").isEqualTo("keep");
  }

  @Test
  void theLockFileNamesThisProcess() throws Exception {
    Path out = tmp.resolve("out");
    try (OutputDir dir = OutputDir.open(out)) {
      assertThat(Files.readString(out.resolve(OutputDir.LOCK_FILE)))
          .isEqualTo(ProcessHandle.current().pid() + "\n");
    }
  }

  @Test
  void aSecondOpenInThisJvmNamesThisProcessAndLeavesTheFirstWorking() throws Exception {
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
      first.write("a.pdf", text("A"));
    }
    assertThat(Files.readString(out.resolve("a.pdf"))).isEqualTo("A");
  }

  @Test
  void aFolderThatCannotBeCreatedIsAnError() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertThatThrownBy(() -> OutputDir.open(file.resolve("out")))
        .isInstanceOf(RenderException.class)
        .hasMessageStartingWith("Cannot create the output folder " + file.resolve("out") + "/ (")
        .hasMessageEndingWith("). Check the path and its permissions, or pass another --out.");
    assertThatThrownBy(() -> OutputDir.open(Path.of(file + "/")))
        .hasMessageContaining("is a file, not a folder");
  }

  @Test
  void anOutPathWrittenWithASlashIsShownAsWritten() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    try (OutputDir first = OutputDir.open(Path.of(out + "/"))) {
      assertThatThrownBy(() -> OutputDir.open(out))
          .hasMessageContaining("writing to " + out + "/ (");
    }
  }

  @Test
  void bookkeepingLivesInTheDotFolderAndOldPlacesAreRemoved() throws Exception {
    Path out = java.nio.file.Files.createDirectories(tmp.resolve("old-out"));
    java.nio.file.Files.writeString(out.resolve(".reap.lock"), "123\n");
    java.nio.file.Files.writeString(out.resolve("reap-manifest.tsv"), "# old\n");
    try (OutputDir dir = OutputDir.open(out)) {
      assertThat(out.resolve(".reap.lock")).as("an old lock nobody holds").doesNotExist();
      assertThat(out.resolve(OutputDir.LOCK_FILE)).exists();
      dir.stage("a.pdf", text("A"));
      dir.stageOwn("manifest.tsv", text("M"));
      dir.commitAll();
    }
    assertThat(listing(out)).containsExactly(".reap", "a.pdf");
    assertThat(java.nio.file.Files.readString(out.resolve(".reap/manifest.tsv"))).isEqualTo("M");
    assertThat(listing(out.resolve(".reap"))).containsExactly("lock", "manifest.tsv");
  }
}
