import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies reap.jar for the bundle without the libraries reap never loads (run by tools/bundle/build
 * as a single-file program: java TrimJar.java IN OUT). Saxon-HE and xmlresolver come with veraPDF
 * for its XSLT reports and policy checks, which reap does not use: a class-loading log of render,
 * check-pdf and packet loads none of their classes. Their service entries go too, so the JDK's
 * own XML transformer stays the default, as it is when reap runs its tests. Entries keep their
 * order, times and compression, so the copy is as reproducible as the jar.
 */
public final class TrimJar {
  static final List<String> DROP = List.of(
      "net/sf/saxon/",
      "org/xmlresolver/",
      "META-INF/services/javax.xml.transform.TransformerFactory",
      "META-INF/services/javax.xml.transform.URIResolver");

  public static void main(String[] args) throws IOException {
    long kept = 0, dropped = 0;
    try (ZipFile in = new ZipFile(args[0]);
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(Path.of(args[1])))) {
      out.setLevel(9);
      for (var en = in.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        if (DROP.stream().anyMatch(e.getName()::startsWith)) {
          dropped++;
          continue;
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        copy.setMethod(e.getMethod());
        if (e.getMethod() == ZipEntry.STORED) {
          copy.setSize(e.getSize());
          copy.setCompressedSize(e.getSize());
          copy.setCrc(e.getCrc());
        }
        out.putNextEntry(copy);
        try (InputStream s = in.getInputStream(e)) {
          s.transferTo(out);
        }
        out.closeEntry();
        kept++;
      }
    }
    System.out.println("TrimJar: kept " + kept + " entries, left out " + dropped);
  }
}
