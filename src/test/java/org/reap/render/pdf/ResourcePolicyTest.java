package org.reap.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reap.render.RenderException;
import org.reap.render.testing.PdfInspect;
import org.reap.render.testing.Samples;

class ResourcePolicyTest {
  @TempDir Path tmp;
  Path root;
  Path outside;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void setUp() throws Exception {
    root = Files.createDirectories(tmp.resolve("repo"));
    outside = Files.createDirectories(tmp.resolve("elsewhere"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "p { color: red }".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private byte[] render(String xhtml) throws RenderException {
    return new PdfEngine(root).render(xhtml, Samples.META);
  }

  private static byte[] png() throws Exception {
    BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
    img.setRGB(1, 1, 0x0072B2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void httpStylesheetImageImportAndBackgroundAreRefusedWithoutARequest() {
    String xhtml =
        Samples.page(
                "<p>hello</p><img src=\""
                    + base()
                    + "/a.png\" alt=\"a\"/>"
                    + "<div style=\"background-image: url('"
                    + base()
                    + "/bg.png'); height: 20px\">x</div>")
            .replace(
                "<style>",
                "<link rel=\"stylesheet\" href=\""
                    + base()
                    + "/site.css\"/><style>@import url('"
                    + base()
                    + "/imported.css');\n");
    assertThatThrownBy(() -> render(xhtml))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("refused stylesheet \"" + base() + "/site.css\"")
        .hasMessageContaining("refused stylesheet \"" + base() + "/imported.css\"")
        .hasMessageContaining("refused image \"" + base() + "/a.png\"")
        .hasMessageContaining("/bg.png")
        .hasMessageContaining("never loads http: addresses");
    assertThat(requests.get()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://example.org/x.png",
        "ftp://example.org/x.png",
        "jar:file:/tmp/x.jar!/x.png",
        "classpath:org/x.png",
        "gopher://h/x.png"
      })
  void otherSchemesAreRefused(String src) {
    assertThatThrownBy(() -> render(Samples.page("<img src=\"" + src + "\" alt=\"x\"/>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("refused image \"" + src + "\"");
  }

  @Test
  void aFileOutsideTheRootIsRefused() throws Exception {
    Path secret = Files.write(outside.resolve("secret.png"), png());
    Path link = root.resolve("link.png");
    Files.createSymbolicLink(link, secret);
    assertThatThrownBy(
            () -> render(Samples.page("<img src=\"" + secret.toUri() + "\" alt=\"x\"/>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("outside the repository folder");
    assertThatThrownBy(
            () -> render(Samples.page("<img src=\"../elsewhere/secret.png\" alt=\"x\"/>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("outside the repository folder");
    assertThatThrownBy(() -> render(Samples.page("<img src=\"link.png\" alt=\"x\"/>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("links to a file outside");
    assertThatThrownBy(() -> render(Samples.page("<img src=\"file:///etc/passwd\" alt=\"x\"/>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("outside the repository folder");
  }

  @Test
  void aMissingLocalImageFailsTheRender() {
    assertThatThrownBy(
            () -> render(Samples.page("<p>x</p><img src=\"img/logo.png\" alt=\"Logo\"/>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("missing image \"img/logo.png\"")
        .hasMessageContaining("no such file img/logo.png");
  }

  @Test
  void aLocalPngInsideTheRootIsEmbedded() throws Exception {
    Files.createDirectories(root.resolve("img"));
    Files.write(root.resolve("img/logo.png"), png());
    byte[] pdf =
        render(
            Samples.page("<p>x</p><img src=\"img/logo.png\" alt=\"Logo\" style=\"width: 40px\"/>"));
    assertThat(PdfInspect.raw(pdf)).contains("/Subtype/Image");
  }

  @Test
  void aDataUriImageIsAllowed() throws Exception {
    String data = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png());
    byte[] pdf = render(Samples.page("<img src=\"" + data + "\" alt=\"dot\"/>"));
    assertThat(PdfInspect.raw(pdf)).contains("/Subtype/Image");
  }

  @Test
  void anSvgImageIsRefused() throws Exception {
    Files.writeString(
        root.resolve("d.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"" + base() + "/x.png\"/></svg>");
    assertThatThrownBy(() -> render(Samples.page("<img src=\"d.svg\" alt=\"d\"/>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("not a PNG, JPEG or GIF");
    assertThat(requests.get()).isZero();
  }

  @Test
  void aLocalStylesheetInsideTheRootIsUsed() throws Exception {
    Files.writeString(root.resolve("extra.css"), "p.big { font-size: 30pt }");
    byte[] pdf =
        render(
            Samples.page("<p class=\"big\">styled</p>")
                .replace("<style>", "<link rel=\"stylesheet\" href=\"extra.css\"/><style>"));
    assertThat(PdfInspect.text(pdf)).contains("styled");
  }

  @Test
  void aFontFaceFromInsideTheRootIsEmbeddedDeterministically() throws Exception {
    Files.createDirectories(root.resolve("fonts"));
    try (var in = PdfEngine.class.getResourceAsStream("/reap/fonts/DejaVuSansMono.ttf")) {
      Files.copy(in, root.resolve("fonts/House.ttf"));
    }
    String xhtml =
        Samples.page("<p style=\"font-family: House\">house font</p>")
            .replace(
                "<style>",
                "<style>@font-face { font-family: House; src: url('fonts/House.ttf'); }\n");
    byte[] first = render(xhtml);
    assertThat(render(xhtml)).isEqualTo(first);
    assertThat(PdfInspect.text(first)).contains("house font");
    assertThat(PdfInspect.fonts(first)).allSatisfy(f -> assertThat(f).contains("embedded=true"));
  }

  @Test
  void aFontFaceAsBase64DataIsEmbedded() throws Exception {
    byte[] ttf;
    try (var in = PdfEngine.class.getResourceAsStream("/reap/fonts/DejaVuSansMono.ttf")) {
      ttf = in.readAllBytes();
    }
    String data = "data:font/ttf;base64," + java.util.Base64.getEncoder().encodeToString(ttf);
    String xhtml =
        Samples.page("<p style=\"font-family: Inline\">inline font</p>")
            .replace(
                "<style>",
                "<style>@font-face { font-family: Inline; src: url('" + data + "'); }\n");
    byte[] pdf = render(xhtml);
    assertThat(PdfInspect.text(pdf)).contains("inline font");
    assertThat(PdfInspect.fonts(pdf))
        .anySatisfy(f -> assertThat(f).contains("DejaVuSansMono", "embedded=true"));
  }

  @Test
  void aFontFaceFromTheNetworkIsRefused() {
    String xhtml =
        Samples.page("<p style=\"font-family: Web\">x</p>")
            .replace(
                "<style>",
                "<style>@font-face { font-family: Web; src: url('" + base() + "/w.ttf'); }\n");
    assertThatThrownBy(() -> render(xhtml))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining(base() + "/w.ttf");
    assertThat(requests.get()).isZero();
  }

  @Test
  void anExternalEntityIsRefusedWithItsPosition() throws Exception {
    Path secret = Files.writeString(outside.resolve("secret.txt"), "TOP-SECRET");
    String xhtml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">\n"
            + "<!ENTITY web SYSTEM \""
            + base()
            + "/e\">]>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&xxe; &web;</p></body></html>";
    assertThatThrownBy(() -> render(xhtml))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("DOCTYPE")
        .satisfies(
            e ->
                assertThat(((RenderException) e).location())
                    .hasValueSatisfying(loc -> assertThat(loc).startsWith("XHTML line 2, column")));
    assertThat(requests.get()).isZero();
  }

  @Test
  void malformedXhtmlNamesLineAndColumn() {
    String xhtml =
        "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<body>\n<p>unclosed <b>bold</p>\n</body></html>";
    assertThatThrownBy(() -> render(xhtml))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("not well-formed")
        .satisfies(
            e ->
                assertThat(((RenderException) e).userMessage()).startsWith("XHTML line 3, column"));
  }

  @Test
  void anUndeclaredNamedEntityGetsAHint() {
    assertThatThrownBy(() -> render(Samples.page("<p>a&nbsp;b</p>")))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("&#160;");
  }

  @Test
  void aPlainHtml5DoctypeIsAccepted() throws Exception {
    byte[] pdf = render("<!DOCTYPE html>\n" + Samples.page("<p>doctype ok</p>"));
    assertThat(PdfInspect.text(pdf)).contains("doctype ok");
  }
}
