package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reap.render.testing.SampleMain;
import org.reap.render.testing.Samples;

/**
 * The same document rendered in a fresh JVM with another time zone and locale gives the same bytes.
 */
class CrossJvmDeterminismTest {
  @TempDir Path tmp;

  @Test
  void anotherJvmWritesTheSameBytes() throws Exception {
    byte[] here = new PdfEngine(Path.of(".")).render(Samples.memo(3), Samples.META);

    String java = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Djava.awt.headless=true",
                    "-Duser.timezone=Asia/Kolkata",
                    "-Duser.language=de",
                    "-Duser.country=DE",
                    "-Dfile.encoding=ISO-8859-1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    SampleMain.class.getName(),
                    tmp.toString(),
                    "3"))
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("child.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isZero();
    assertThat(Files.readAllBytes(tmp.resolve("sample.pdf"))).isEqualTo(here);
  }
}
