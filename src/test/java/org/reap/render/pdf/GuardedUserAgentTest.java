package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.resource.ImageResource;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

/**
 * The one door through which a PDF render reads anything, method by method and without laying out a
 * page (ResourcePolicyTest shows the same through whole renders). Each refusal is recorded with the
 * reason a template author reads.
 */
class GuardedUserAgentTest {
  @TempDir Path tmp;
  Path root;
  ResourceProblems problems;
  GuardedUserAgent ua;

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("repo")).toRealPath();
    Files.createDirectories(tmp.resolve("elsewhere"));
    problems = new ResourceProblems();
    ua = new GuardedUserAgent(new ITextOutputDevice(26.666666f), 20, root, problems);
    ua.setBaseURL(root.toUri().toString());
  }

  static byte[] image(String format) throws IOException {
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /** The stylesheet's bytes, or null when the user agent gave it none. */
  static byte[] css(org.xhtmlrenderer.resource.CSSResource r) throws IOException {
    return r.getResourceInputSource() == null || r.getResourceInputSource().getByteStream() == null
        ? null
        : read(r.getResourceInputSource().getByteStream());
  }

  static Path path(String uri) {
    return Path.of(java.net.URI.create(uri));
  }

  static byte[] read(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void addressesAreResolvedAgainstTheRepositoryButDataAndClasspathStayAsTheyAre() {
    assertThat(ua.resolveURI(null)).isNull();
    assertThat(ua.resolveURI("  data:image/png;base64,AAAA "))
        .isEqualTo("data:image/png;base64,AAAA");
    assertThat(ua.resolveURI("CLASSPATH:reap/x.css")).isEqualTo("CLASSPATH:reap/x.css");
    assertThat(path(ua.resolveURI("img/a.png"))).isEqualTo(root.resolve("img/a.png"));
  }

  @Test
  void aFileInsideTheRepositoryIsRead() throws IOException {
    Files.writeString(root.resolve("site.css"), "p { color: red }");
    assertThat(css(ua.getCSSResource("site.css"))).asString().isEqualTo("p { color: red }");
    assertThat(ua.getBinaryResource("site.css")).asString().isEqualTo("p { color: red }");
    assertThat(read(ua.resolveAndOpenStream("site.css"))).asString().isEqualTo("p { color: red }");
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void networkAndOtherSchemesAreRefusedWithoutBeingOpened() throws IOException {
    assertThat(css(ua.getCSSResource("http://127.0.0.1:9/site.css"))).isNull();
    assertThat(ua.getBinaryResource("ftp://example.org/font.ttf")).isNull();
    assertThat(ua.resolveAndOpenStream("jar:file:/x.jar!/a")).isNull();
    assertThat(ua.getBinaryResource("mailto:someone")).isNull();
    assertThat(problems.list())
        .containsExactly(
            "refused stylesheet \"http://127.0.0.1:9/site.css\": reap never loads http: addresses; copy the file into the repository and refer to it by a relative path",
            "refused file \"ftp://example.org/font.ttf\": reap never loads ftp: addresses; copy the file into the repository and refer to it by a relative path",
            "refused resource \"jar:file:/x.jar!/a\": reap never loads jar: addresses; copy the file into the repository and refer to it by a relative path",
            "refused file \"mailto:someone\": reap never loads mailto: addresses; copy the file into the repository and refer to it by a relative path");
  }

  @Test
  void filesOutsideTheRepositoryAreRefusedEvenThroughALink() throws IOException {
    Path secret = Files.writeString(tmp.resolve("elsewhere/secret.css"), "secret");
    Files.createSymbolicLink(root.resolve("link.css"), secret);
    assertThat(ua.getBinaryResource("../elsewhere/secret.css")).isNull();
    assertThat(ua.getBinaryResource(secret.toUri().toString())).isNull();
    assertThat(ua.getBinaryResource("link.css")).isNull();
    assertThat(problems.list())
        .containsExactly(
            "refused file \"../elsewhere/secret.css\": it is outside the repository folder " + root,
            "refused file \"" + secret.toUri() + "\": it is outside the repository folder " + root,
            "refused file \"link.css\": it links to a file outside the repository folder " + root);
  }

  @Test
  void missingFoldersAndBrokenLinksAreMissingResources() throws IOException {
    Files.createDirectories(root.resolve("img"));
    Files.createSymbolicLink(root.resolve("broken.css"), root.resolve("gone.css"));
    assertThat(ua.getBinaryResource("none.css")).isNull();
    assertThat(ua.getBinaryResource("img")).isNull();
    assertThat(ua.getBinaryResource("broken.css")).isNull();
    assertThat(problems.list()).hasSize(3);
    assertThat(problems.list().get(0))
        .isEqualTo("missing file \"none.css\": no such file none.css");
    assertThat(problems.list().get(1)).isEqualTo("missing file \"img\": img is not a file");
    assertThat(problems.list().get(2))
        .startsWith("missing file \"broken.css\": it cannot be read (");
  }

  @Test
  void aFileOver50MbIsRefused() throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("exactly.ttf").toFile(), "rw")) {
      f.setLength(GuardedUserAgent.MAX_BYTES);
    }
    try (RandomAccessFile f = new RandomAccessFile(root.resolve("big.ttf").toFile(), "rw")) {
      f.setLength(GuardedUserAgent.MAX_BYTES + 1);
    }
    assertThat(ua.getBinaryResource("exactly.ttf")).hasSize((int) GuardedUserAgent.MAX_BYTES);
    assertThat(ua.getBinaryResource("big.ttf")).isNull();
    assertThat(problems.list())
        .containsExactly("refused file \"big.ttf\": it is larger than 50 MB");
  }

  @Test
  void dataAddressesAreForImagesAndFontsOnlyAndMustBeBase64() throws IOException {
    assertThat(ua.getBinaryResource(" data:font/ttf;base64,AAEC ")).containsExactly(0, 1, 2);
    assertThat(ua.getBinaryResource("data:font/ttf;BASE64,AAEC")).containsExactly(0, 1, 2);
    assertThat(read(ua.resolveAndOpenStream("data:font/ttf;base64,AAEC"))).containsExactly(0, 1, 2);
    assertThat(ua.getBinaryResource("data:font/ttf,plain")).isNull();
    assertThat(ua.getBinaryResource("data:font/ttf;base64,AAAAA")).isNull();
    assertThat(ua.getBinaryResource("data;base64")).isNull(); // not a data: address: a file name
    String longCss = "data:text/css;base64," + "A".repeat(100);
    assertThat(css(ua.getCSSResource(longCss))).isNull();
    assertThat(problems.list())
        .containsExactly(
            "refused file \"data:font/ttf,plain\": only base64 data: addresses are supported",
            "refused file \"data:font/ttf;base64,AAAAA\": only base64 data: addresses are supported",
            "missing file \"data;base64\": no such file data;base64",
            "refused stylesheet \""
                + longCss.substring(0, 77)
                + "...\": data: addresses are allowed only for images and fonts");
  }

  @Test
  void onlyTheDocumentItselfIsRenderedNoOtherXml() {
    assertThat(ua.getXMLResource("other.xhtml")).isNull();
    assertThat(problems.list())
        .containsExactly(
            "refused XML document \"other.xhtml\": reap renders only the document it is given");
  }

  @Test
  void bundledResourcesComeOnlyFromUnderReap() throws IOException {
    assertThat(ua.getBinaryResource("classpath:reap/templates/lib/style.css")).isNotEmpty();
    assertThat(ua.getBinaryResource("classpath://reap/templates/lib/style.css")).isNotEmpty();
    assertThat(ua.getBinaryResource("classpath:reap/../org/reap/cli/Main.class")).isNull();
    assertThat(ua.getBinaryResource("classpath:org/reap/cli/Main.class")).isNull();
    assertThat(ua.getBinaryResource("classpath:reap/templates\\lib\\style.css")).isNull();
    assertThat(ua.getBinaryResource("classpath:reap/no-such.css")).isNull();
    assertThat(problems.list())
        .containsExactly(
            "refused file \"classpath:reap/../org/reap/cli/Main.class\": only reap's bundled resources under classpath:reap/ may be used",
            "refused file \"classpath:org/reap/cli/Main.class\": only reap's bundled resources under classpath:reap/ may be used",
            // a backslash is not allowed in an address at all, so readBundled's own check for one
            // never sees it
            "refused file \"classpath:reap/templates\\lib\\style.css\": it is not a valid address",
            "missing file \"classpath:reap/no-such.css\": reap has no bundled resource reap/no-such.css");
  }

  @Test
  void flyingSaucersOwnDefaultStylesheetIsRead() {
    String builtIn =
        new XhtmlNamespaceHandler()
            .getDefaultStylesheet()
            .map(StylesheetInfo::getUri)
            .orElseThrow();
    assertThat(ua.getBinaryResource(builtIn)).isNotEmpty();
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void imagesArePngJpegOrGifAndAreLoadedOnce() throws IOException {
    for (String format : new String[] {"png", "jpg", "gif"}) {
      Files.write(root.resolve("a." + format), image(format));
      ImageResource r = ua.getImageResource("a." + format);
      assertThat(r.getImage()).as(format).isNotNull();
    }
    // the second request comes from the cache: the file is gone, the image is not
    Files.delete(root.resolve("a.png"));
    assertThat(ua.getImageResource("a.png").getImage()).isNotNull();
    assertThat(problems.isEmpty()).as(problems.list().toString()).isTrue();
    String png = Base64.getEncoder().encodeToString(image("png"));
    assertThat(ua.getImageResource("data:image/png;base64," + png).getImage()).isNotNull();
    assertThat(ua.getImageResource("data:image/png,notbase64").getImage()).isNull();
    assertThat(problems.list())
        .containsExactly(
            "refused image \"data:image/png,notbase64\": only base64 data: images are supported");
  }

  @Test
  void aFileThatOnlyLooksLikeAnImageByItsFirstBytesIsMissingNotRefused() throws IOException {
    // long enough to be sniffed as PNG, JPEG or GIF: then decoding fails
    Files.write(root.resolve("p.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0});
    Files.write(root.resolve("j.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0});
    Files.write(root.resolve("g.gif"), new byte[] {'G', 'I', 'F', '8', 0, 0, 0});
    // one byte shorter: not an image at all
    Files.write(root.resolve("p8.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0});
    Files.write(root.resolve("j3.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0});
    Files.write(root.resolve("g6.gif"), new byte[] {'G', 'I', 'F', '8', 0, 0});
    Files.writeString(root.resolve("d.svg"), "<svg/>");
    for (String f :
        new String[] {"p.png", "j.jpg", "g.gif", "p8.png", "j3.jpg", "g6.gif", "d.svg"}) {
      assertThat(ua.getImageResource(f).getImage()).as(f).isNull();
    }
    assertThat(problems.list())
        .extracting(s -> s.substring(0, s.indexOf(':')))
        .containsExactly(
            "missing image \"p.png\"",
            "missing image \"j.jpg\"",
            "missing image \"g.gif\"",
            "refused image \"p8.png\"",
            "refused image \"j3.jpg\"",
            "refused image \"g6.gif\"",
            "refused image \"d.svg\"");
    assertThat(problems.list().get(6))
        .endsWith(
            "it is not a PNG, JPEG or GIF file (reap embeds only those;"
                + " draw diagrams as reap-chart elements or convert them to PNG)");
    assertThat(problems.list().get(0)).contains("it could not be decoded (");
  }

  @Test
  void aMissingImageIsRecordedAndNotRetried() {
    ImageResource r = ua.getImageResource("img/none.png");
    assertThat(r.getImage()).isNull();
    assertThat(path(r.getImageUri())).isEqualTo(root.resolve("img/none.png"));
    assertThat(problems.list())
        .containsExactly("missing image \"img/none.png\": no such file img/none.png");
  }
}
