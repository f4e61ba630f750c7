import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies reap.jar for the bundle without the libraries reap never loads (run by tools/bundle/build
 * as a single-file program: java TrimJar.java IN OUT). They all come with veraPDF for what reap
 * does not use of it: Saxon-HE and xmlresolver for its XSLT reports and policy checks,
 * jackson-databind (with jackson-annotations) and stax-utils for its JSON and XML report writers
 * (org.verapdf.processor, org.verapdf.policy; reap reads veraPDF's results as objects). A
 * class-loading log of every command (validate, render, preview, packet, check-pdf of reap's own
 * PDFs and of a foreign one, the exports, init, new, schema, rules, translations) loads none of
 * their classes: bench/results/bundle-size-2026-12-03.txt. Their service entries go too, so the
 * JDK's own XML transformer stays the default, as it is when reap runs its tests.
 *
 * <p>Every entry is written uncompressed (stored). The download is compressed as a whole, and one
 * stream over all the classes compresses far better than each class on its own: the jar's share of
 * the .tar.xz download falls from 26.2 MB to 12.5 MB (13.3 MB of it from storing alone), for 37 MB
 * more on disk once unpacked; the JVM reads the classes and fonts without inflating them. Entries
 * keep their order and times, so the copy is as reproducible as the jar.
 */
public final class TrimJar {
  static final List<String> DROP =
      List.of(
          "net/sf/saxon/",
          "org/xmlresolver/",
          "com/fasterxml/jackson/databind/",
          "com/fasterxml/jackson/annotation/",
          "META-INF/maven/com.fasterxml.jackson.core/jackson-databind/",
          "META-INF/maven/com.fasterxml.jackson.core/jackson-annotations/",
          "META-INF/services/com.fasterxml.jackson.core.ObjectCodec",
          "javanet/staxutils/",
          "META-INF/services/javax.xml.transform.TransformerFactory",
          "META-INF/services/javax.xml.transform.URIResolver");

  public static void main(String[] args) throws IOException {
    long kept = 0, dropped = 0;
    try (ZipFile in = new ZipFile(args[0]);
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(Path.of(args[1])))) {
      out.setMethod(ZipOutputStream.STORED);
      for (var en = in.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        if (DROP.stream().anyMatch(e.getName()::startsWith)) {
          dropped++;
          continue;
        }
        byte[] bytes;
        try (InputStream s = in.getInputStream(e)) {
          bytes = s.readAllBytes();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        copy.setMethod(ZipEntry.STORED);
        copy.setSize(bytes.length);
        copy.setCompressedSize(bytes.length);
        copy.setCrc(crc.getValue());
        out.putNextEntry(copy);
        out.write(bytes);
        out.closeEntry();
        kept++;
      }
    }
    System.out.println("TrimJar: kept " + kept + " entries, left out " + dropped);
  }
}
