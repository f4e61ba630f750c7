package org.reap.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SourceFileTest {
  @Test
  void linesAreSplitAtLfCrlfAndLoneCr() {
    SourceFile f = new SourceFile(Path.of("a"), "dir\\a.yaml", "one\r\ntwo\rthree\nfour");
    assertThat(f.line(1)).isEqualTo("one");
    assertThat(f.line(2)).isEqualTo("two");
    assertThat(f.line(3)).isEqualTo("three");
    assertThat(f.line(4)).isEqualTo("four");
    assertThat(f.line(0)).isEmpty();
    assertThat(f.line(5)).isEmpty();
    assertThat(f.line(-1)).isEmpty();
    assertThat(f.displayPath()).isEqualTo("dir/a.yaml");
    assertThat(f).hasToString("dir/a.yaml");
    assertThat(f.path()).isEqualTo(Path.of("a"));
  }

  @Test
  void aFinalLineBreakEndsAnEmptyLastLine() {
    SourceFile f = new SourceFile(Path.of("a"), "a", "x\r\n");
    assertThat(f.line(1)).isEqualTo("x");
    assertThat(f.line(2)).isEmpty();
    SourceFile cr = new SourceFile(Path.of("a"), "a", "x\r");
    assertThat(cr.line(1)).isEqualTo("x");
    SourceFile two = new SourceFile(Path.of("a"), "a", "\r\n\r\nz");
    assertThat(two.line(3)).isEqualTo("z");
    assertThat(new SourceFile(Path.of("a"), "a", "").line(1)).isEmpty();
  }

  @Test
  void spansKnowWhetherTheyHaveAPosition() {
    SourceFile f = new SourceFile(Path.of("a"), "a.yaml", "x");
    assertThat(Span.at(f, 3, 7)).isEqualTo(new Span(f, 3, 7, 3, 8));
    assertThat(Span.at(f, 3, 7).location()).isEqualTo("a.yaml:3:7");
    assertThat(Span.ofFile(f).location()).isEqualTo("a.yaml");
    assertThat(Span.ofFile(f).hasPosition()).isFalse();
    assertThat(new Span(f, 1, 0, 1, 0).hasPosition()).isTrue();
  }
}
