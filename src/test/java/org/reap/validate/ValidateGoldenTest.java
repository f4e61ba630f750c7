package org.reap.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reap.cli.Run;

/**
 * Golden tests: each folder under src/test/resources/validate-cases holds a small repository in
 * plans/, optional extra arguments in args.txt (one per line), and expected.txt: "exit N" on the
 * first line, then exactly what `reap validate plans` prints. A missing expected.txt fails the test
 * (run with -Dreap.golden.write=true to write or update them, then review git diff before
 * committing).
 */
class ValidateGoldenTest {
  static final Path CASES = Path.of("src/test/resources/validate-cases");

  @TestFactory
  Stream<DynamicTest> cases() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(CASES)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    assertThat(dirs).isNotEmpty();
    return dirs.stream()
        .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> check(d)));
  }

  static List<String> args(Path dir) throws IOException {
    List<String> args = new ArrayList<>(List.of("validate", "plans"));
    Path extra = dir.resolve("args.txt");
    if (Files.exists(extra)) {
      for (String line : Files.readAllLines(extra, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          args.add(line.strip());
        }
      }
    }
    return args;
  }

  static void check(Path dir) throws IOException {
    Path cwd = dir.toAbsolutePath();
    String[] args = args(dir).toArray(String[]::new);
    Run run = Run.in(cwd, args);
    String actual = "exit " + run.exit() + "\n" + run.all();
    Path expected = dir.resolve("expected.txt");
    if (Boolean.getBoolean("reap.golden.write")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      fail("missing " + expected + "; reap printed:\n" + actual);
    }
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    Run again = Run.in(cwd, args);
    assertThat("exit " + again.exit() + "\n" + again.all())
        .as("a second run prints the same")
        .isEqualTo(actual);
  }
}
