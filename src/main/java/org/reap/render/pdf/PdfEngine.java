package org.reap.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfWriter;
import org.reap.render.RenderException;
import org.reap.render.chart.ChartElement;
import org.reap.render.chart.ChartElements;
import org.w3c.dom.Document;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Renders finished XHTML to PDF with Flying Saucer on OpenPDF.
 *
 * <p>What it guarantees:
 *
 * <ul>
 *   <li>The XHTML is parsed here with DTDs and external entities off ({@link SecureXml}).
 *   <li>Only files whose real path is inside {@code allowedRoot}, and reap's bundled resources, are
 *       read; anything refused or missing fails the render with a list of them.
 *   <li>Every font is an embedded subset of the bundled DejaVu Sans / DejaVu Sans Mono (or an
 *       {@code @font-face} font from inside the root); unknown and generic families fall back to
 *       DejaVu Sans.
 *   <li>{@code <div class="reap-chart">} elements become vector charts with real text.
 *   <li>The PDF is tagged for accessibility (PDF/UA-1) and archival (PDF/A-2a): a structure tree
 *       built from the XHTML while it is painted ({@link TaggingOutputDevice}); running headers,
 *       footers, backgrounds and borders are artifacts. docs/accessibility.md says what templates
 *       must do.
 *   <li>Output is PDF 1.7 and byte-for-byte reproducible: same XHTML and meta, same bytes, in any
 *       JVM (fixed dates, /ID and font-subset prefixes derived from a hash of the input).
 * </ul>
 *
 * <p>Thread-safe: each render borrows fonts of its own and seeds their subset prefixes from its
 * input, so documents rendered at the same time give the same bytes as one after another.
 */
public final class PdfEngine {
  /** The /Producer of every PDF (fixed: no version or build date, for reproducible bytes). */
  public static final String PRODUCER = "reap (Flying Saucer, OpenPDF)";

  private static final String ENGINE_VERSION = "reap-pdf-1";
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

  private final Path allowedRoot;

  /**
   * @param allowedRoot the repository root: the only folder local files (images, stylesheets,
   *     fonts) may be loaded from; relative addresses resolve against it
   */
  public PdfEngine(Path allowedRoot) {
    this.allowedRoot = allowedRoot.toAbsolutePath().normalize();
  }

  /**
   * Renders one XHTML document.
   *
   * @param xhtml the complete document, stylesheet inline, no DTD
   * @param meta title, language, dates and so on for the PDF's metadata
   * @return the PDF's bytes
   * @throws RenderException for malformed XHTML (with line and column), a refused or missing
   *     resource, a bad chart specification, or a layout failure
   */
  public byte[] render(String xhtml, PdfMeta meta) throws RenderException {
    return render(xhtml, meta, true);
  }

  /**
   * As {@link #render(String, PdfMeta)}; {@code tagged = false} paints with Flying Saucer's own
   * output device and claims PDF/A-2b only, as reap did before tagging. For tests (pages must look
   * the same either way) and for measuring what tagging costs.
   */
  byte[] render(String xhtml, PdfMeta meta, boolean tagged) throws RenderException {
    checkMeta(meta);
    Path root = realRoot();
    Document doc = SecureXml.parse(xhtml, "XHTML");
    TextNormalizer.toNfc(doc);
    KeepWithNext.apply(doc);
    List<ChartElement> charts = ChartElements.find(doc);
    byte[] digest = digest(xhtml, meta);

    PdfFonts fonts = PdfFonts.borrow();
    try {
      // a resolver per document: fonts a stylesheet loads with @font-face stay with it
      ReapFontResolver fontResolver = new ReapFontResolver(fonts);
      ResourceProblems problems = new ResourceProblems();
      ITextRenderer renderer =
          RendererFactory.newRenderer(root, fonts, fontResolver, charts, problems, tagged);
      renderer.setPDFVersion(PdfWriter.VERSION_1_7);
      renderer.setPDFProducer(PRODUCER);
      renderer.setPDFCreator(
          meta.creator() == null || meta.creator().isBlank() ? PRODUCER : meta.creator());
      renderer.setListener(
          new PdfDocumentSetup(meta, Arrays.copyOf(digest, 16), ArchivalMetadata.icc(), tagged));
      renderer.setDocument(doc, root.toUri().toString());
      renderer.layout();
      prepareFonts(fontResolver.allFonts(), digest);
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      renderer.createPDF(out);
      failOnProblems(problems); // after painting: background images load only then
      return out.toByteArray();
    } catch (RuntimeException e) {
      throw new RenderException(
          "The PDF could not be rendered: "
              + describe(e)
              + ". Check the template's HTML and CSS near recently changed parts; if it looks fine,"
              + " report this as a reap bug.",
          null,
          e);
    } finally {
      PdfFonts.release(fonts);
    }
  }

  private Path realRoot() throws RenderException {
    try {
      Path real = allowedRoot.toRealPath();
      if (!Files.isDirectory(real)) {
        throw new RenderException("The repository root " + allowedRoot + " is not a folder.");
      }
      return real;
    } catch (IOException e) {
      throw new RenderException(
          "The repository root " + allowedRoot + " does not exist or cannot be read.", null, e);
    }
  }

  private static void checkMeta(PdfMeta meta) throws RenderException {
    if (meta.title() == null || meta.title().isBlank()) {
      throw new RenderException(
          "The document has no title. Give it one: PDF viewers and screen readers"
              + " announce it.");
    }
    if (meta.language() == null || !LANGUAGE.matcher(meta.language()).matches()) {
      throw new RenderException(
          "The document language \""
              + meta.language()
              + "\" is not a BCP 47 tag;"
              + " use one such as \"en\", \"es\" or \"zh-Hant\".",
          meta.title());
    }
  }

  private static void failOnProblems(ResourceProblems problems) throws RenderException {
    if (!problems.isEmpty()) {
      throw new RenderException(
          "The PDF was not written because the document uses resources reap will not"
              + " or cannot load:\n  - "
              + String.join("\n  - ", problems.list())
              + "\nUse files inside the repository, referred to by relative paths (PNG, JPEG or GIF for"
              + " images).");
    }
  }

  /**
   * Refuses non-embedded fonts, turns CIDSets off and seeds subset prefixes ("ABCDEF+DejaVuSans"
   * come from each font's random) from the input, for every font including @font-face ones.
   */
  private static void prepareFonts(List<BaseFont> fonts, byte[] digest) throws RenderException {
    for (BaseFont font : fonts) {
      if (!font.isEmbedded()) {
        throw new RenderException(
            "The font \""
                + font.getPostscriptFontName()
                + "\" cannot be embedded in"
                + " the PDF. Use a TrueType or OpenType (.ttf/.otf) file in @font-face, or the bundled"
                + " 'DejaVu Sans'.");
      }
      font.setIncludeCidSet(false);
      try {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(digest);
        md.update(font.getPostscriptFontName().getBytes(StandardCharsets.UTF_8));
        random.setSeed(md.digest());
        font.setSecureRandom(random);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("JDK lacks SHA1PRNG or SHA-256", e);
      }
    }
  }

  private static byte[] digest(String xhtml, PdfMeta meta) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part :
          new String[] {
            ENGINE_VERSION,
            xhtml,
            meta.title(),
            meta.language(),
            meta.author(),
            meta.subject(),
            meta.keywords(),
            meta.creator(),
            meta.date().toString()
          }) {
        md.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-256", e);
    }
  }

  private static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String msg = t.getMessage();
    return (msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg).strip();
  }
}
