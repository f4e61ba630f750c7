package org.reap.render.pdf;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.reap.render.RenderException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses XHTML (or SVG) text into a DOM with DTDs, entities, XInclude and every external access
 * turned off. The only document type declaration tolerated is the harmless HTML5 one, {@code
 * <!DOCTYPE html>}, which has no DTD behind it; it is blanked out (positions kept) before parsing.
 */
public final class SecureXml {
  private static final Pattern HTML5_DOCTYPE =
      Pattern.compile(
          "\\A(\\uFEFF?\\s*(?:<\\?xml[^>]*\\?>)?\\s*(?:<!--.*?-->\\s*)*)(<!DOCTYPE\\s+html\\s*>)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private static final DocumentBuilderFactory FACTORY = newFactory();

  private SecureXml() {}

  /**
   * Parses a whole document.
   *
   * @param text the XML text
   * @param what what the text is, for messages ("XHTML", "the chart SVG")
   */
  public static Document parse(String text, String what) throws RenderException {
    DocumentBuilder builder = newBuilder();
    try {
      return builder.parse(new InputSource(new StringReader(blankHtml5Doctype(text))));
    } catch (SAXParseException e) {
      throw new RenderException(explain(e, what), position(e, what), e);
    } catch (SAXException | IOException e) {
      throw new RenderException("The " + what + " could not be read: " + e.getMessage(), what, e);
    }
  }

  static String blankHtml5Doctype(String text) {
    Matcher m = HTML5_DOCTYPE.matcher(text);
    if (!m.find()) {
      return text;
    }
    return text.substring(0, m.start(2))
        + " ".repeat(m.end(2) - m.start(2))
        + text.substring(m.end(2));
  }

  private static String position(SAXParseException e, String what) {
    if (e.getLineNumber() < 0) {
      return what;
    }
    return what + " line " + e.getLineNumber() + ", column " + e.getColumnNumber();
  }

  private static String explain(SAXParseException e, String what) {
    String raw = String.valueOf(e.getMessage());
    String lower = raw.toLowerCase(Locale.ROOT);
    if (lower.contains("doctype is disallowed")) {
      return "The "
          + what
          + " has a DOCTYPE with a DTD or entity declarations, which reap refuses because they"
          + " can read local files or fetch URLs. Remove it (a bare <!DOCTYPE html> is fine) and write"
          + " special characters as numeric references, e.g. &#160; instead of &nbsp;.";
    }
    if (lower.contains("was referenced, but not declared")) {
      return "The "
          + what
          + " uses a named entity that XML does not know ("
          + raw.trim()
          + "). Only &amp; &lt; &gt; &quot; &apos; exist without a DTD: write others as numeric"
          + " references, e.g. &#160; instead of &nbsp;.";
    }
    return "The "
        + what
        + " is not well-formed XML: "
        + raw.trim()
        + " Fix the template so that every tag is closed and every & is written as &amp;.";
  }

  private static DocumentBuilder newBuilder() throws RenderException {
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
          });
      builder.setErrorHandler(
          new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
              // warnings are not errors; nothing is printed
            }

            @Override
            public void error(SAXParseException exception) throws SAXException {
              throw exception;
            }

            @Override
            public void fatalError(SAXParseException exception) throws SAXException {
              throw exception;
            }
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new RenderException(
          "The JDK's XML parser cannot be configured securely: "
              + e.getMessage()
              + ". Use a standard JDK 21 or newer.");
    }
  }

  private static DocumentBuilderFactory newFactory() {
    // The JDK's own parser, not whatever a jar on the class path registers.
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    try {
      f.setNamespaceAware(true);
      f.setValidating(false);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("JDK XML parser lacks a required security feature", e);
    }
    return f;
  }
}
