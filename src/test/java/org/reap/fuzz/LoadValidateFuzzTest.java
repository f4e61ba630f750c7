package org.reap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reap.Pipeline;
import org.reap.diagnostic.DiagnosticPrinter;

/**
 * Fuzz target: arbitrary bytes as one YAML file of a repository, through what {@code reap validate}
 * does (load, YAML checks, schema, rules, printing the diagnostics in every format). Whatever the
 * bytes, reap answers with its own diagnostics: an exception escaping here is what the CLI turns
 * into exit 70 ("internal error"), so any exception is a finding. (The CLI layer itself is fuzzed
 * only through this; picocli per execution would cost 10x the speed.)
 *
 * <p>In the normal build this runs over the saved inputs in
 * src/test/resources/org/reap/fuzz/LoadValidateFuzzTestInputs/loadAndValidate (regression mode):
 * the YAML files of every validate golden case, docs/examples, and inputs fuzzing found. {@code
 * bench/fuzz.sh} fuzzes it for real.
 */
class LoadValidateFuzzTest {
  private static final Path ROOT = FuzzSupport.scratch("reap-fuzz-validate-");

  @FuzzTest(maxDuration = "10m")
  void loadAndValidate(byte[] yaml) throws IOException {
    Path plans = ROOT.resolve("plans");
    Files.createDirectories(plans);
    Files.write(plans.resolve("fuzz.yaml"), yaml);
    Pipeline.Checked c =
        Pipeline.check(
            new Pipeline.Options(
                java.util.List.of(Path.of("plans")),
                ROOT,
                false,
                java.util.Map.of(),
                java.util.Set.of()));
    assertThat(c.ok()).isEqualTo(c.errors() == 0);
    for (DiagnosticPrinter.Format f : DiagnosticPrinter.Format.values()) {
      StringWriter sw = new StringWriter();
      try (PrintWriter pw = new PrintWriter(sw)) {
        DiagnosticPrinter.print(c.diagnostics(), f, pw, false);
      }
      if (!c.diagnostics().isEmpty()) {
        assertThat(sw.toString()).isNotEmpty();
      }
    }
    c.diagnostics()
        .forEach(
            d -> {
              assertThat(d.message()).isNotBlank();
              assertThat(d.span()).isNotNull();
            });
  }
}
