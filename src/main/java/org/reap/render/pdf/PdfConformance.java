package org.reap.render.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.VeraPDFFoundry;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.Rule;
import org.verapdf.pdfa.validation.profiles.RuleId;
import org.verapdf.pdfa.validation.validators.ValidatorFactory;

/**
 * Checks a PDF against PDF/UA-1 (accessibility) and PDF/A-2 (archiving) with veraPDF, the reference
 * validator of the PDF Association, and reports the failed rules in plain words.
 *
 * <p>Used by {@code reap check-pdf} and by the test suite. veraPDF is slow to start (a couple of
 * seconds for its first file in a JVM, then tens of milliseconds per page): one JVM can check any
 * number of files. Calls are serialized; veraPDF's model parser is not meant for concurrent use.
 */
public final class PdfConformance {
  /** The profiles reap checks. */
  public enum Profile {
    /** PDF/UA-1 (ISO 14289-1): tagged, accessible PDF. */
    PDF_UA_1("PDF/UA-1", PDFAFlavour.PDFUA_1),
    /** PDF/A-2a (ISO 19005-2 level A): archival and tagged. */
    PDF_A_2A("PDF/A-2a", PDFAFlavour.PDFA_2_A),
    /** PDF/A-2u (ISO 19005-2 level U): archival, all text mapped to Unicode. */
    PDF_A_2U("PDF/A-2u", PDFAFlavour.PDFA_2_U);

    private final String label;
    private final PDFAFlavour flavour;

    Profile(String label, PDFAFlavour flavour) {
      this.label = label;
      this.flavour = flavour;
    }

    /** The name people know the profile by, e.g. "PDF/UA-1". */
    public String label() {
      return label;
    }
  }

  /** The profiles {@code reap check-pdf} uses: PDF/UA-1 and PDF/A-2u. */
  public static final List<Profile> DEFAULT_PROFILES = List.of(Profile.PDF_UA_1, Profile.PDF_A_2U);

  /**
   * One failed rule.
   *
   * @param profile the profile the rule belongs to
   * @param ruleId veraPDF's id: the clause of the standard and a test number, e.g. "7.1-3"
   * @param description what the rule demands, in veraPDF's words
   * @param count how many objects in the file fail it
   * @param pages 1-based page numbers where known (from the first hundred failures)
   */
  public record Failure(
      Profile profile, String ruleId, String description, int count, SortedSet<Integer> pages) {}

  /** The failures of one file per profile (empty lists for profiles that pass). */
  public record Report(Map<Profile, List<Failure>> failures) {
    public boolean passed() {
      return failures.values().stream().allMatch(List::isEmpty);
    }

    public boolean passed(Profile profile) {
      return failures.getOrDefault(profile, List.of()).isEmpty();
    }

    /** Every failure, profile by profile. */
    public List<Failure> all() {
      List<Failure> all = new ArrayList<>();
      failures.values().forEach(all::addAll);
      return all;
    }

    /** "PDF/UA-1 7.1-3 ×12, ..." or "passes PDF/UA-1, PDF/A-2u". */
    public String summary() {
      if (passed()) {
        return "passes "
            + String.join(", ", failures.keySet().stream().map(Profile::label).toList());
      }
      StringBuilder sb = new StringBuilder();
      for (Failure f : all()) {
        if (!sb.isEmpty()) {
          sb.append(", ");
        }
        sb.append(f.profile().label())
            .append(' ')
            .append(f.ruleId())
            .append(" ×")
            .append(f.count());
      }
      return sb.toString();
    }
  }

  /** The file cannot be checked: not a PDF, damaged, or encrypted. */
  public static final class UncheckableException extends Exception {
    private static final long serialVersionUID = 1L;

    UncheckableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final Pattern PAGE = Pattern.compile("pages\\[(\\d+)\\]");
  private static final int DISPLAYED_FAILURES_PER_RULE = 100;
  private static final Object LOCK = new Object();
  private static VeraPDFFoundry foundry;

  private PdfConformance() {}

  /** Checks a file against {@link #DEFAULT_PROFILES}. */
  public static Report check(Path file) throws IOException, UncheckableException {
    return check(Files.readAllBytes(file), DEFAULT_PROFILES);
  }

  /**
   * Checks PDF bytes against the given profiles.
   *
   * @throws UncheckableException when veraPDF cannot read the file (not a PDF, damaged, encrypted)
   */
  public static Report check(byte[] pdf, List<Profile> profiles) throws UncheckableException {
    if (pdf.length < 8 || !startsLikePdf(pdf)) {
      throw new UncheckableException("it is not a PDF (it does not start with %PDF-)", null);
    }
    synchronized (LOCK) {
      VeraPDFFoundry f = foundry();
      Map<Profile, List<Failure>> out = new EnumMap<>(Profile.class);
      for (Profile profile : profiles) {
        out.put(profile, validate(f, pdf, profile));
      }
      return new Report(out);
    }
  }

  private static List<Failure> validate(VeraPDFFoundry f, byte[] pdf, Profile profile)
      throws UncheckableException {
    try (InputStream in = new ByteArrayInputStream(pdf);
        PDFAParser parser = f.createParser(in, profile.flavour)) {
      PDFAValidator validator =
          ValidatorFactory.createValidator(
              profile.flavour, false, 0, DISPLAYED_FAILURES_PER_RULE, false, false);
      ValidationResult result = validator.validate(parser);
      return failures(profile, validator, result);
    } catch (EncryptedPdfException e) {
      throw new UncheckableException(
          "it is encrypted (password-protected); veraPDF cannot check encrypted"
              + " files, and PDF/A forbids encryption",
          e);
    } catch (ModelParsingException e) {
      throw new UncheckableException(
          "it cannot be read as a PDF (damaged or not a PDF" + message(e) + ")", e);
    } catch (ValidationException | IOException | RuntimeException e) {
      throw new UncheckableException("veraPDF could not check it (damaged?" + message(e) + ")", e);
    }
  }

  private static List<Failure> failures(
      Profile profile, PDFAValidator validator, ValidationResult result) {
    Map<RuleId, SortedSet<Integer>> pages = new LinkedHashMap<>();
    for (TestAssertion a : result.getTestAssertions()) {
      if (a.getStatus() != TestAssertion.Status.FAILED) {
        continue;
      }
      SortedSet<Integer> p = pages.computeIfAbsent(a.getRuleId(), k -> new TreeSet<>());
      String context = a.getLocation() == null ? null : a.getLocation().getContext();
      if (context != null) {
        Matcher m = PAGE.matcher(context);
        if (m.find()) {
          p.add(Integer.parseInt(m.group(1)) + 1);
        }
      }
    }
    List<Failure> failures = new ArrayList<>();
    for (Map.Entry<RuleId, Integer> e : result.getFailedChecks().entrySet()) {
      RuleId id = e.getKey();
      Rule rule = validator.getProfile().getRuleByRuleId(id);
      String description =
          rule == null || rule.getDescription() == null ? "" : rule.getDescription().strip();
      failures.add(
          new Failure(
              profile,
              id.getClause() + "-" + id.getTestNumber(),
              description,
              e.getValue(),
              pages.getOrDefault(id, new TreeSet<>())));
    }
    failures.sort(Comparator.comparing(Failure::ruleId, PdfConformance::compareRuleIds));
    return failures;
  }

  /** "6.2.11.4.2-2" before "6.10-1": numeric, part by part. */
  static int compareRuleIds(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c;
      try {
        c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      } catch (NumberFormatException e) {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  private static boolean startsLikePdf(byte[] pdf) {
    // The header may follow up to 1024 bytes of junk (ISO 32000-1, annex H); look there.
    int limit = Math.min(pdf.length - 5, 1024);
    for (int i = 0; i <= limit; i++) {
      if (pdf[i] == '%'
          && pdf[i + 1] == 'P'
          && pdf[i + 2] == 'D'
          && pdf[i + 3] == 'F'
          && pdf[i + 4] == '-') {
        return true;
      }
    }
    return false;
  }

  private static String message(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null
        && t.getCause() != t
        && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? "" : ": " + m.strip();
  }

  private static VeraPDFFoundry foundry() {
    if (foundry == null) {
      // veraPDF logs parser warnings through java.util.logging; reap reports results itself.
      Logger.getLogger("org.verapdf").setLevel(Level.OFF);
      VeraGreenfieldFoundryProvider.initialise();
      foundry = Foundries.defaultInstance();
    }
    return foundry;
  }
}
