package org.reap.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.reap.cli.Run;

/** The sample repository, transcribed from the seeds, is valid: no errors and no warnings. */
class PlansTest {
  @Test
  void plansValidateCleanEvenWhenStrict() {
    Run r = Run.in(Path.of(""), "validate", "plans", "--strict");
    assertThat(r.out()).endsWith("ok: 0 errors, 0 warnings in 8 files\n");
    assertThat(r.exit()).isZero();
  }
}
