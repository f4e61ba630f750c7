package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reap.render.pdf.PdfConformance;
import org.reap.render.pdf.PdfConformance.Profile;

/**
 * Every PDF reap makes from the sample plans and the documented examples, agenda packets included,
 * passes veraPDF with no failed rule for PDF/UA-1 (accessibility) and for PDF/A-2a and PDF/A-2u
 * (archiving; 2a also demands the tagging, 2u is what {@code reap check-pdf} uses).
 */
class PdfConformanceTest {
  private static final List<Profile> PROFILES =
      List.of(Profile.PDF_UA_1, Profile.PDF_A_2A, Profile.PDF_A_2U);

  @TestFactory
  Stream<DynamicTest> everyPdfOfTheSamplePlans() {
    return checks(RenderedPdfs.PLANS);
  }

  @TestFactory
  Stream<DynamicTest> everyPdfOfTheExamples() {
    return checks(RenderedPdfs.EXAMPLES);
  }

  /**
   * The agenda packets (joined from the memo, cover sheets and attachments) pass the same checks.
   */
  @TestFactory
  Stream<DynamicTest> everyPacketOfTheSamples() {
    Map<String, byte[]> packets = new java.util.LinkedHashMap<>();
    for (Path repo : List.of(RenderedPdfs.PLANS, RenderedPdfs.EXAMPLES)) {
      packets.put(RenderedPdfs.item(repo) + "-packet", RenderedPdfs.packet(repo, false));
      packets.put(
          RenderedPdfs.item(repo) + "-supplemental-packet", RenderedPdfs.packet(repo, true));
    }
    return checks(Path.of("out"), packets);
  }

  private static Stream<DynamicTest> checks(Path repo) {
    Map<String, byte[]> pdfs = RenderedPdfs.of(repo);
    assertThat(pdfs).isNotEmpty();
    return checks(repo, pdfs);
  }

  private static Stream<DynamicTest> checks(Path repo, Map<String, byte[]> pdfs) {
    return pdfs.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + ".pdf",
                    () -> {
                      PdfConformance.Report report = PdfConformance.check(e.getValue(), PROFILES);
                      assertThat(report.passed())
                          .as(
                              () ->
                                  repo
                                      + "/"
                                      + e.getKey()
                                      + ".pdf failed veraPDF rules (id ×count):\n"
                                      + report.all().stream()
                                          .map(
                                              f ->
                                                  "  "
                                                      + f.profile().label()
                                                      + " "
                                                      + f.ruleId()
                                                      + " ×"
                                                      + f.count()
                                                      + " pages "
                                                      + f.pages()
                                                      + ": "
                                                      + f.description())
                                          .collect(Collectors.joining("\n")))
                          .isTrue();
                    }));
  }
}
