package org.reap.render;

import freemarker.core.TemplateMarkupOutputModel;
import freemarker.core.XHTMLOutputFormat;
import freemarker.template.TemplateModelException;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Markdown text fields to XHTML markup, with raw HTML escaped and link targets sanitised. */
public final class Text {
  private static final List<Extension> EXTENSIONS = List.of(StrikethroughExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder()
          .extensions(EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          // commonmark's default also lets data: through (data:text/html;base64,... opens a page of
          // anything)
          .urlSanitizer(
              new org.commonmark.renderer.html.DefaultUrlSanitizer(
                  List.of("http", "https", "mailto")))
          .softbreak(" ")
          .nodeRendererFactory(context -> new ImageAsText(context))
          .build();

  /**
   * A Markdown image in a document's text ({@code ![map](https://...)}) is printed as its
   * description, never as an image: the PDF refuses images from the network and from outside the
   * repository, so an image in text made the render of a valid document fail (found by the render
   * fuzz target), and the HTML page would have loaded it from anywhere. Pictures belong in
   * templates.
   */
  private static final class ImageAsText implements org.commonmark.renderer.NodeRenderer {
    private final org.commonmark.renderer.html.HtmlNodeRendererContext context;

    ImageAsText(org.commonmark.renderer.html.HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public java.util.Set<Class<? extends org.commonmark.node.Node>> getNodeTypes() {
      return java.util.Set.of(org.commonmark.node.Image.class);
    }

    @Override
    public void render(org.commonmark.node.Node image) {
      for (org.commonmark.node.Node n = image.getFirstChild(); n != null; n = n.getNext()) {
        context.render(n); // the description, with its emphasis, escaped as any text
      }
    }
  }

  private Text() {}

  /**
   * "1) Review ... and 2) pass ..." at the start of a line is how staff number points inside a
   * sentence; CommonMark would make it a list. Only "1." starts a numbered list in reap.
   */
  private static final java.util.regex.Pattern PAREN_NUMBER =
      java.util.regex.Pattern.compile("(?m)^(\\s{0,3})(\\d{1,9})\\)");

  /** Block XHTML: paragraphs, lists, emphasis, links. */
  public static String blockHtml(String markdown) {
    String src = PAREN_NUMBER.matcher(markdown).replaceAll("$1$2\\\\)");
    return xmlSafe(HTML.render(PARSER.parse(src)).strip());
  }

  /**
   * {@code html} with every character XML cannot carry replaced by U+FFFD. Markdown decodes a
   * character reference such as {@code &#5;} or {@code &#xFFFE;} into that character (the file and
   * its YAML escapes are checked by the validator; this is the one way left in), and the XHTML of a
   * valid document was then not well-formed (found by the render fuzz target).
   */
  static String xmlSafe(String html) {
    StringBuilder sb = null;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < html.length()
              && Character.isLowSurrogate(html.charAt(i + 1));
      boolean bad =
          !pair
              && (c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                  || c == '\uFFFE'
                  || c == '\uFFFF'
                  || Character.isSurrogate(c));
      if (bad && sb == null) {
        sb = new StringBuilder(html.length()).append(html, 0, i);
      }
      if (sb != null) {
        if (bad) {
          sb.append('\uFFFD');
        } else {
          sb.append(c);
          if (pair) {
            sb.append(html.charAt(++i));
          }
        }
      } else if (pair) {
        i++;
      }
    }
    return sb == null ? html : sb.toString();
  }

  /** The same without the paragraph around a single paragraph, for use inside a line. */
  public static String inlineHtml(String markdown) {
    String html = blockHtml(markdown);
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }

  /** Plain text: Markdown marks removed (for PDF metadata and alt text). */
  public static String plain(String markdown) {
    return inlineHtml(markdown)
        .replaceAll("<[^>]+>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  static TemplateMarkupOutputModel<?> markup(String xhtml) {
    try {
      return XHTMLOutputFormat.INSTANCE.fromMarkup(xhtml);
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }
}
