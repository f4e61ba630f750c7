package org.reap.render.pdf;

import java.text.Normalizer;
import org.w3c.dom.Node;

/**
 * Normalises all text and attribute values to Unicode NFC: Flying Saucer has no shaping, so
 * decomposed accents (NFD, e.g. Vietnamese typed on some systems) would be stacked badly.
 */
public final class TextNormalizer {
  private TextNormalizer() {}

  /** Normalises, in place, every text, CDATA and attribute value under {@code node}. */
  public static void toNfc(Node node) {
    switch (node.getNodeType()) {
      case Node.TEXT_NODE, Node.CDATA_SECTION_NODE, Node.ATTRIBUTE_NODE -> {
        String v = node.getNodeValue();
        if (v != null && !Normalizer.isNormalized(v, Normalizer.Form.NFC)) {
          node.setNodeValue(Normalizer.normalize(v, Normalizer.Form.NFC));
        }
      }
      default -> {
        if (node.getAttributes() != null) {
          for (int i = 0; i < node.getAttributes().getLength(); i++) {
            toNfc(node.getAttributes().item(i));
          }
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
          toNfc(c);
        }
      }
    }
  }
}
