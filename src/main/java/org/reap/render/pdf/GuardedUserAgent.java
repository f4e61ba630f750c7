package org.reap.render.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openpdf.text.Image;
import org.xhtmlrenderer.css.sheet.StylesheetInfo;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.pdf.ITextFSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.CSSResource;
import org.xhtmlrenderer.resource.ImageResource;
import org.xhtmlrenderer.resource.XMLResource;
import org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler;

/**
 * The only way a render reads anything: files whose real path lies inside the repository root,
 * reap's own bundled resources ({@code classpath:reap/...}) and Flying Saucer's built-in default
 * stylesheet. Network and other schemes ({@code http:}, {@code https:}, {@code ftp:}, {@code jar:}
 * ...) are refused without being opened. Every refusal and every missing resource is recorded, and
 * {@link PdfEngine} fails the render if any were.
 *
 * <p>Images must be PNG, JPEG or GIF (SVG and PDF images are refused: Flying Saucer would rasterise
 * or re-open them outside this policy); {@code data:} images are allowed.
 */
final class GuardedUserAgent extends ITextUserAgent {
  static final long MAX_BYTES = 50L * 1024 * 1024;

  private final Path root;
  private final String builtInCss;
  private final ResourceProblems problems;
  private final int dotsPerPixel;
  private final Map<String, ITextFSImage> images = new HashMap<>();

  GuardedUserAgent(
      ITextOutputDevice device, int dotsPerPixel, Path realRoot, ResourceProblems problems) {
    super(device, dotsPerPixel);
    this.root = realRoot;
    this.problems = problems;
    this.dotsPerPixel = dotsPerPixel;
    this.builtInCss =
        new XhtmlNamespaceHandler().getDefaultStylesheet().map(StylesheetInfo::getUri).orElse("");
  }

  @Override
  public String resolveURI(String uri) {
    if (uri == null) {
      return null;
    }
    String u = uri.strip();
    String lower = u.toLowerCase(Locale.ROOT);
    if (lower.startsWith("data:") || lower.startsWith("classpath:")) {
      return u; // never turned into a jar: URL
    }
    return super.resolveURI(u);
  }

  @Override
  public CSSResource getCSSResource(String uri) {
    byte[] bytes = read(uri, "stylesheet");
    return new CSSResource(bytes == null ? null : new ByteArrayInputStream(bytes));
  }

  @Override
  public byte[] getBinaryResource(String uri) {
    if (uri != null && uri.strip().toLowerCase(Locale.ROOT).startsWith("data:")) {
      byte[] bytes = decodeDataUri(uri.strip()); // an @font-face font embedded in the CSS
      if (bytes == null) {
        problems.refused("file", shorten(uri), "only base64 data: addresses are supported");
      }
      return bytes;
    }
    return read(uri, "file");
  }

  @Override
  public XMLResource getXMLResource(String uri) {
    problems.refused("XML document", uri, "reap renders only the document it is given");
    return null;
  }

  @Override
  protected InputStream resolveAndOpenStream(String uri) {
    if (uri != null && uri.strip().toLowerCase(Locale.ROOT).startsWith("data:")) {
      return super.resolveAndOpenStream(uri); // embedded base64 font: no I/O
    }
    byte[] bytes = read(uri, "resource");
    return bytes == null ? null : new ByteArrayInputStream(bytes);
  }

  @Override
  public ImageResource getImageResource(String uri) {
    String resolved = resolveURI(uri);
    String key = resolved == null ? String.valueOf(uri) : resolved;
    ITextFSImage image = images.get(key);
    if (image == null && !images.containsKey(key)) {
      image = loadImage(uri, resolved);
      images.put(key, image);
    }
    return new ImageResource(key, image == null ? null : (FSImage) image.clone());
  }

  private ITextFSImage loadImage(String uri, String resolved) {
    byte[] bytes;
    if (resolved != null && resolved.toLowerCase(Locale.ROOT).startsWith("data:")) {
      bytes = decodeDataUri(resolved);
      if (bytes == null) {
        problems.refused("image", shorten(uri), "only base64 data: images are supported");
        return null;
      }
    } else {
      bytes = read(uri, "image");
      if (bytes == null) {
        return null;
      }
    }
    if (!isRasterImage(bytes)) {
      problems.refused(
          "image",
          shorten(uri),
          "it is not a PNG, JPEG or GIF file (reap embeds only those;"
              + " draw diagrams as reap-chart elements or convert them to PNG)");
      return null;
    }
    try {
      Image image = Image.getInstance(bytes);
      image.scaleAbsolute(
          image.getPlainWidth() * dotsPerPixel, image.getPlainHeight() * dotsPerPixel);
      return new ITextFSImage(image);
    } catch (IOException | RuntimeException e) {
      problems.missing("image", shorten(uri), "it could not be decoded (" + e.getMessage() + ")");
      return null;
    }
  }

  /** Reads an allowed resource, or records why not and returns null. */
  private byte[] read(String uri, String kind) {
    if (uri == null) {
      return null;
    }
    String resolved = resolveURI(uri);
    if (resolved == null) {
      problems.refused(kind, uri, "it is not a valid address");
      return null;
    }
    if (resolved.equals(builtInCss)) {
      return readUrl(resolved, kind, uri);
    }
    URI parsed;
    try {
      parsed = new URI(resolved);
    } catch (URISyntaxException e) {
      problems.refused(kind, uri, "it is not a valid address");
      return null;
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "file" -> readFile(parsed, kind, uri);
      case "classpath" -> readBundled(parsed, kind, uri);
      case "data" -> {
        problems.refused(
            kind, shorten(uri), "data: addresses are allowed only for images and fonts");
        yield null;
      }
      default -> {
        problems.refused(
            kind,
            uri,
            "reap never loads "
                + (scheme.isEmpty() ? "such" : scheme + ":")
                + " addresses; copy the file into the repository and refer to it by a relative path");
        yield null;
      }
    };
  }

  private byte[] readFile(URI uri, String kind, String original) {
    Path path;
    try {
      path = Path.of(uri).toAbsolutePath().normalize();
    } catch (IllegalArgumentException e) {
      problems.refused(kind, original, "it is not a valid file address");
      return null;
    }
    if (!path.startsWith(root)) {
      problems.refused(kind, original, "it is outside the repository folder " + root);
      return null;
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
      problems.missing(kind, original, "no such file " + root.relativize(path));
      return null;
    }
    try {
      Path real = path.toRealPath();
      if (!real.startsWith(root)) {
        problems.refused(
            kind, original, "it links to a file outside the repository folder " + root);
        return null;
      }
      if (!Files.isRegularFile(real)) {
        problems.missing(kind, original, root.relativize(path) + " is not a file");
        return null;
      }
      if (Files.size(real) > MAX_BYTES) {
        problems.refused(kind, original, "it is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        return null;
      }
      return Files.readAllBytes(real);
    } catch (IOException e) {
      problems.missing(kind, original, "it cannot be read (" + e.getMessage() + ")");
      return null;
    }
  }

  private byte[] readBundled(URI uri, String kind, String original) {
    String path = uri.getSchemeSpecificPart();
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    if (!path.startsWith("reap/") || path.contains("..") || path.contains("\\")) {
      problems.refused(
          kind, original, "only reap's bundled resources under classpath:reap/ may be used");
      return null;
    }
    try (InputStream in = GuardedUserAgent.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        problems.missing(kind, original, "reap has no bundled resource " + path);
        return null;
      }
      return in.readNBytes((int) MAX_BYTES);
    } catch (IOException e) {
      problems.missing(kind, original, "it cannot be read (" + e.getMessage() + ")");
      return null;
    }
  }

  private byte[] readUrl(String url, String kind, String original) {
    try (InputStream in = URI.create(url).toURL().openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      problems.missing(kind, original, "it cannot be read (" + e.getMessage() + ")");
      return null;
    }
  }

  private static byte[] decodeDataUri(String uri) {
    int comma = uri.indexOf(',');
    if (comma < 0 || !uri.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
      return null;
    }
    try {
      return Base64.getMimeDecoder().decode(uri.substring(comma + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean isRasterImage(byte[] b) {
    boolean png =
        b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    boolean jpeg = b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
    boolean gif = b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
    return png || jpeg || gif;
  }

  private static String shorten(String uri) {
    return uri.length() <= 80 ? uri : uri.substring(0, 77) + "...";
  }
}
