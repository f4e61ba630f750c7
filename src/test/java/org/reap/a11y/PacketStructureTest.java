package org.reap.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.Document;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfWriter;
import org.openpdf.text.pdf.SimpleBookmark;
import org.reap.cli.Run;
import org.reap.render.pdf.PdfConformance;
import org.reap.render.pdf.PdfConformance.Profile;
import org.reap.render.pdf.PdfNavigation;
import org.reap.render.pdf.TaggedPdf;
import org.reap.render.pdf.TaggedPdf.Elem;
import org.reap.testing.TestFiles;

/**
 * The agenda packet keeps the structure of every part: read back, its tree is one Document with a
 * Part per bookmark, each holding its documents' own trees (headings, tables) unchanged; the page
 * stamps are artifacts; the metadata claims PDF/UA-1 and PDF/A-2a only when that is true. PDFs kept
 * in the repository (tagged by another program, tagged with their own role maps and ids, or not
 * tagged at all) are merged, checked, and reported by name when they keep the packet from
 * conforming.
 */
class PacketStructureTest {
  private static final List<Profile> PROFILES =
      List.of(Profile.PDF_UA_1, Profile.PDF_A_2A, Profile.PDF_A_2U);
  private static final String EXAMPLE_ITEM = "riverton-eq-2025-05-13-item-2";

  @TempDir Path dir;

  private static List<String> outline(Elem e) {
    List<String> out = new ArrayList<>();
    e.walk(
        x -> {
          if (x.type().matches("H[1-6]")) {
            out.add(x.type() + " " + x.text());
          }
        });
    return out;
  }

  private static List<String> bookmarks(byte[] pdf) throws IOException {
    PdfReader r = new PdfReader(pdf);
    try {
      return SimpleBookmark.getBookmarkList(r).stream().map(m -> (String) m.get("Title")).toList();
    } finally {
      r.close();
    }
  }

  private static String xmp(byte[] pdf) throws IOException {
    PdfReader r = new PdfReader(pdf);
    try {
      return new String(r.getMetadata(), StandardCharsets.UTF_8);
    } finally {
      r.close();
    }
  }

  private static void assertConforms(byte[] pdf) throws Exception {
    PdfConformance.Report report = PdfConformance.check(pdf, PROFILES);
    assertThat(report.passed()).as(report::summary).isTrue();
  }

  @Test
  void sampleTreeIsOneDocumentWithAPartPerBookmarkHoldingEachDocumentsOwnTree() throws IOException {
    byte[] packet = RenderedPdfs.packet(RenderedPdfs.PLANS, false);
    Elem doc = TaggedPdf.structure(packet);
    assertThat(doc.type()).isEqualTo("Document");
    assertThat(doc.attributes())
        .containsEntry("Lang", "en")
        .containsEntry(
            "T",
            "Agenda packet: Consideration of Racial Equity Resolution Developed by the SCORE Initiative");
    // one Part per bookmark, titled like it, in the same order
    assertThat(doc.kids()).extracting(Elem::type).containsOnly("Part");
    assertThat(doc.kids())
        .extracting(p -> p.attributes().get("T"))
        .containsExactlyElementsOf(bookmarks(packet));
    assertThat(bookmarks(packet))
        .containsExactly(
            "Contents",
            "Staff report: Consideration of Racial Equity Resolution Developed by the SCORE Initiative",
            "Attachment 2: Draft Resolution — Available from the Office of the City Clerk",
            "Attachment 3: Summary of Racial Equity Alliance (REA) and Racial Equity Council (REC) - hosted Listening Sessions",
            "Attachment 4: Scope of Work for SCORE initiative — Available from the Office of the City Clerk",
            "Attachment 5: Outreach related to the development of the draft resolution from the August 13, 2024, Racial Equity Committee meeting — Available from the Office of the City Clerk");
    // every part starts with its own H1, and each document inside a part is an Art
    for (Elem part : doc.kids()) {
      assertThat(part.kids())
          .as(part.attributes().get("T"))
          .isNotEmpty()
          .extracting(Elem::type)
          .containsOnly("Art");
      assertThat(outline(part)).as(part.attributes().get("T")).first().asString().startsWith("H1 ");
    }
    // the staff report and attachment 3 keep exactly the outline they have on their own
    Map<String, byte[]> single = RenderedPdfs.of(RenderedPdfs.PLANS);
    Elem memo = doc.kids().get(1);
    assertThat(memo.kids()).hasSize(1);
    assertThat(outline(memo))
        .isEqualTo(outline(TaggedPdf.structure(single.get("score-rec-2024-10-29-item-4"))));
    assertThat(memo.kids().get(0).attributes()).containsEntry("Lang", "en");
    Elem attachment3 = doc.kids().get(3);
    assertThat(attachment3.kids()).hasSize(2); // cover sheet, then the document
    // the cover sheet's heading carries the attachment's title
    assertThat(outline(attachment3.kids().get(0)))
        .first()
        .isEqualTo(
            "H1 Attachment 3: Summary of Racial Equity Alliance (REA) and Racial Equity Council (REC) - hosted Listening Sessions");
    assertThat(outline(attachment3.kids().get(1)))
        .isEqualTo(outline(TaggedPdf.structure(single.get("score-what-we-heard"))));
    // tables keep their header cells
    assertThat(memo.all("TH"))
        .isNotEmpty()
        .allSatisfy(th -> assertThat(th.attributes()).containsKey("Scope"));
    // the contents table lists every attachment
    Elem contents = doc.kids().get(0).all("Table").get(0);
    assertThat(contents.all("TH"))
        .extracting(Elem::text)
        .containsExactly("No.", "Attachment", "In this packet", "Page");
    assertThat(contents.all("TR")).hasSize(8);
  }

  /**
   * The packet's outline nests each part's own bookmarks, and its contents page links to every
   * part: under each part's bookmark come the bookmarks its documents have on their own (cover
   * sheets aside), moved to their packet pages; every part but the contents page itself is the
   * target of a link on the contents page, at the page the part's bookmark jumps to.
   */
  @Test
  void theOutlineNestsEachPartsOwnBookmarksAndTheContentsPageLinksToEveryPart() throws IOException {
    for (Path repo : List.of(RenderedPdfs.PLANS, RenderedPdfs.EXAMPLES)) {
      byte[] packet = RenderedPdfs.packet(repo, false);
      Map<String, byte[]> single = RenderedPdfs.of(repo);
      List<PdfNavigation.Mark> outline = PdfNavigation.outline(packet);
      Elem doc = TaggedPdf.structure(packet);
      assertThat(outline).hasSameSizeAs(doc.kids());
      int nested = 0;
      for (int i = 0; i < outline.size(); i++) {
        PdfNavigation.Mark part = outline.get(i);
        // the documents of the part that reap renders (a cover sheet or contents page is not one)
        List<String> ids = documentsOf(repo, part.title());
        List<String> expected = new ArrayList<>();
        int page = part.page() + (part.title().startsWith("Attachment") ? 1 : 0);
        for (String id : ids) {
          for (PdfNavigation.Mark m : PdfNavigation.outline(single.get(id))) {
            expected.addAll(m.shifted(page - 1).lines());
          }
          page += new PdfReader(single.get(id)).getNumberOfPages();
        }
        List<String> kids = new ArrayList<>();
        part.kids().forEach(k -> kids.addAll(k.lines()));
        assertThat(kids).as(repo + ": bookmarks under " + part.title()).isEqualTo(expected);
        nested += kids.size();
      }
      assertThat(nested).as(repo + ": nested bookmarks").isGreaterThan(10);
      // the contents page (page 1, and any page before the staff report) links to every part
      int memo = outline.get(1).page();
      java.util.Set<Integer> targets = new java.util.TreeSet<>();
      for (int p = 1; p < memo; p++) {
        PdfNavigation.links(packet, p).forEach(l -> targets.add(l.page()));
      }
      assertThat(targets)
          .as(repo + ": pages the contents page links to")
          .containsAll(
              outline.subList(1, outline.size()).stream().map(PdfNavigation.Mark::page).toList());
    }
  }

  /**
   * The ids of the reap documents in a part of the packet, by its bookmark: the memo, or the
   * attachment's document.
   */
  private static List<String> documentsOf(Path repo, String bookmark) throws IOException {
    if (bookmark.startsWith("Staff report: ")) {
      return List.of(RenderedPdfs.item(repo));
    }
    if (!bookmark.startsWith("Attachment ")) {
      return List.of();
    }
    String number = bookmark.substring("Attachment ".length(), bookmark.indexOf(':'));
    String yaml =
        Files.readString(
            repo.resolve(
                repo.equals(RenderedPdfs.PLANS)
                    ? "sacramento-score/agenda-item.yaml"
                    : "agenda-item.yaml"));
    Matcher m =
        Pattern.compile("- number: \"" + Pattern.quote(number) + "\"\\n((?:    .*\\n)*)")
            .matcher(yaml);
    assertThat(m.find()).as("attachment " + number).isTrue();
    Matcher d = Pattern.compile("    document: (\\S+)").matcher(m.group(1));
    return d.find() ? List.of(d.group(1)) : List.of();
  }

  @Test
  void stampsAreArtifactsOutsideTheReadingOrder() throws IOException {
    byte[] packet = RenderedPdfs.packet(RenderedPdfs.PLANS, false);
    PdfReader r = new PdfReader(packet);
    int pages = r.getNumberOfPages();
    int stamps = 0;
    // the packet's stamp: a Footer artifact whose text object sets its own colour after the font
    // (each document's running footer is a Footer artifact too, but positioned before it is
    // coloured)
    Pattern stamp =
        Pattern.compile(
            "/Artifact <<(/Subtype/Footer/Type/Pagination|/Type/Pagination/Subtype/Footer)>> BDC\\s+BT\\s+/\\S+ 7.5 Tf\\s+[0-9.]+ [0-9.]+ [0-9.]+ rg");
    for (int p = 1; p <= pages; p++) {
      Matcher m = stamp.matcher(new String(r.getPageContent(p), StandardCharsets.ISO_8859_1));
      int onPage = 0;
      while (m.find()) {
        onPage++;
      }
      assertThat(onPage).as("stamps on page " + p).isEqualTo(1);
      stamps += onPage;
    }
    r.close();
    assertThat(stamps).isEqualTo(pages);
    String withArtifacts = TaggedPdf.textWithArtifacts(packet);
    for (int p = 1; p <= pages; p++) {
      assertThat(withArtifacts).contains("Page " + p + " of " + pages);
    }
    assertThat(withArtifacts).containsPattern("Attachment 3 – page 1 of [0-9]+");
    assertThat(TaggedPdf.structure(packet).text())
        .doesNotContain("Page 1 of")
        .doesNotContain("Attachment 3 – page");
  }

  @Test
  void catalogAndMetadataSayWhatTheFileIs() throws IOException {
    byte[] packet = RenderedPdfs.packet(RenderedPdfs.EXAMPLES, false);
    PdfReader r = new PdfReader(packet);
    PdfDictionary catalog = r.getCatalog();
    assertThat(catalog.getAsString(PdfName.LANG).toString()).isEqualTo("en");
    assertThat(catalog.getAsDict(PdfName.MARKINFO).get(PdfName.MARKED).toString())
        .isEqualTo("true");
    assertThat(catalog.getAsDict(PdfName.VIEWERPREFERENCES).get(PdfName.DISPLAYDOCTITLE).toString())
        .isEqualTo("true");
    assertThat(catalog.getAsArray(PdfName.OUTPUTINTENTS)).isNotNull();
    assertThat(new String(packet, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.7");
    for (int p = 1; p <= r.getNumberOfPages(); p++) {
      assertThat(r.getPageN(p).get(PdfName.TABS)).as("page " + p).isEqualTo(PdfName.S);
    }
    r.close();
    assertThat(xmp(packet))
        .contains(
            "<pdfuaid:part>1</pdfuaid:part>",
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>A</pdfaid:conformance>")
        .contains("Agenda packet: Permit Fee Waiver for Small Home Repairs");
  }

  @Test
  void anotherJvmWithAnotherZoneAndLocaleWritesTheSameBytes() throws Exception {
    byte[] here = RenderedPdfs.packet(RenderedPdfs.EXAMPLES, false);
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                List.of(
                    javaCommand,
                    "-Djava.awt.headless=true",
                    "-Duser.timezone=Asia/Kolkata",
                    "-Duser.language=de",
                    "-Duser.country=DE",
                    "-Dfile.encoding=ISO-8859-1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    org.reap.cli.Main.class.getName(),
                    "packet",
                    EXAMPLE_ITEM,
                    "--plans",
                    "docs/examples",
                    "--as-of",
                    "2025-05-01",
                    "--out",
                    dir.resolve("child").toString()))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("child.log").toFile())
            .start();
    assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
    assertThat(Files.readAllBytes(dir.resolve("child/" + EXAMPLE_ITEM + "-packet.pdf")))
        .isEqualTo(here);
  }

  // ---- PDFs kept in the repository -------------------------------------------------------

  private void repo() throws IOException {
    if (!Files.exists(dir.resolve("plans"))) {
      TestFiles.copyTree(Path.of("docs/examples"), dir.resolve("plans"));
      Files.createDirectories(dir.resolve("plans/files"));
    }
  }

  /** Attachment 4 becomes {@code first}; with {@code second}, an attachment 6 is added for it. */
  private Run packetWith(String first, byte[] firstPdf, String second, byte[] secondPdf)
      throws IOException {
    repo();
    Files.write(dir.resolve("plans/files/" + first), firstPdf);
    Path memo = dir.resolve("plans/agenda-item.yaml");
    String yaml =
        Files.readString(memo)
            .replace(
                "    title: Draft ordinance\n    status: pending\n",
                "    title: Draft ordinance\n    file: files/" + first + "\n");
    if (second != null) {
      Files.write(dir.resolve("plans/files/" + second), secondPdf);
      yaml =
          yaml.replace(
              "    note: Replaced by attachment 2.\n",
              "    note: Replaced by attachment 2.\n  - number: \"6\"\n    title: Fee schedule\n    file: files/"
                  + second
                  + "\n");
    }
    Files.writeString(memo, yaml);
    return Run.in(dir, "packet", EXAMPLE_ITEM, "--as-of", "2025-05-01");
  }

  private byte[] written() throws IOException {
    return Files.readAllBytes(dir.resolve("out/" + EXAMPLE_ITEM + "-packet.pdf"));
  }

  private byte[] reapPdf(String id) throws IOException {
    return RenderedPdfs.of(RenderedPdfs.EXAMPLES).get(id);
  }

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Path.of("src/test/resources/packet", name));
  }

  private static Elem part(byte[] packet, String title) {
    return TaggedPdf.structure(packet).kids().stream()
        .filter(p -> title.equals(p.attributes().get("T")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no part " + title));
  }

  @Test
  void aConformingPdfFromTheRepositoryIsMergedAndTheClaimKept() throws Exception {
    byte[] heard = reapPdf("riverton-what-we-heard");
    Run run = packetWith("ordinance.pdf", heard, null, null);
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.err()).isEmpty();
    byte[] packet = written();
    assertConforms(packet);
    assertThat(xmp(packet)).contains("<pdfuaid:part>1</pdfuaid:part>");
    Elem ordinance = part(packet, "Attachment 4: Draft ordinance");
    assertThat(ordinance.kids()).hasSize(2);
    assertThat(outline(ordinance.kids().get(1))).isEqualTo(outline(TaggedPdf.structure(heard)));
    // and again: the same bytes
    assertThat(
            Run.in(dir, "packet", EXAMPLE_ITEM, "--as-of", "2025-05-01", "--out", "again").exit())
        .isZero();
    assertThat(Files.readAllBytes(dir.resolve("again/" + EXAMPLE_ITEM + "-packet.pdf")))
        .isEqualTo(packet);
  }

  /**
   * A tagged PDF that Chromium printed (src/test/resources/packet/ordinance-chromium.html): its
   * structure (NonStruct, ids, table headers by id) is merged, twice, with the second copy's ids
   * renamed; its links have no /Contents, so the packet is checked, claims nothing, and the warning
   * names the attachment, the rules and the pages; check-pdf names the part too.
   */
  @Test
  void aTaggedPdfThatFailsARuleIsMergedButNamedAndTheClaimDropped() throws Exception {
    byte[] chromium = fixture("ordinance-chromium.pdf");
    Run run = packetWith("ordinance.pdf", chromium, "fees.pdf", chromium);
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.out()).isEqualTo("wrote out/" + EXAMPLE_ITEM + "-packet.pdf\n");
    byte[] packet = written();
    int ordinancePage =
        Integer.parseInt(
                ((String) SimpleBookmark.getBookmarkList(new PdfReader(packet)).get(4).get("Page"))
                    .split(" ")[0])
            + 1;
    assertThat(run.err())
        .contains(
            "plans/agenda-item.yaml:52:11: warning[packet.accessibility]: Attachment 4 (\"Draft ordinance\") (plans/files/ordinance.pdf) fails 2 rules on packet page "
                + ordinancePage
                + ":")
        .contains("PDF/UA-1 rule 7.18.5-2: A link has no alternate description (/Contents).")
        .contains("Attachment 6 (\"Fee schedule\") (plans/files/fees.pdf) fails 2 rules")
        .contains("claims neither PDF/UA nor PDF/A")
        .doesNotContain("Exception");
    assertThat(xmp(packet)).doesNotContain("pdfuaid").doesNotContain("pdfaid");
    assertThat(PdfConformance.check(packet, PROFILES).all())
        .extracting(f -> f.ruleId())
        .containsOnly("5-1", "7.18.1-2", "7.18.5-2", "6.6.4-1");
    Elem first = part(packet, "Attachment 4: Draft ordinance").kids().get(1);
    Elem second = part(packet, "Attachment 6: Fee schedule").kids().get(1);
    assertThat(first.type()).isEqualTo("Art");
    assertThat(first.attributes()).containsEntry("Lang", "en");
    assertThat(outline(first))
        .containsExactly("H1 Ordinance No. 2025-12", "H2 Section 1. Findings");
    assertThat(first.all("Link"))
        .hasSize(1)
        .allSatisfy(l -> assertThat(l.objectRefs()).isEqualTo(1));
    // the same ids in both files: the second file's are renamed, and its cells follow them
    List<String> firstIds = first.all("TH").stream().map(th -> th.attributes().get("ID")).toList();
    List<String> secondIds =
        second.all("TH").stream().map(th -> th.attributes().get("ID")).toList();
    assertThat(firstIds).hasSize(2).doesNotContainNull();
    assertThat(secondIds).hasSize(2).doesNotContainNull().doesNotContainAnyElementsOf(firstIds);
    assertThat(first.all("TD").get(0).attributes().get("Headers")).contains(firstIds.get(0));
    assertThat(second.all("TD").get(0).attributes().get("Headers")).contains(secondIds.get(0));
    // check-pdf on the packet names the parts where rules fail
    Run check = Run.in(dir, "check-pdf", "out/" + EXAMPLE_ITEM + "-packet.pdf");
    assertThat(check.out())
        .contains("in \"Attachment 4: Draft ordinance\", \"Attachment 6: Fee schedule\")");
    // deterministic with files from elsewhere too
    assertThat(
            Run.in(dir, "packet", EXAMPLE_ITEM, "--as-of", "2025-05-01", "--out", "again").exit())
        .isZero();
    assertThat(Files.readAllBytes(dir.resolve("again/" + EXAMPLE_ITEM + "-packet.pdf")))
        .isEqualTo(packet);
  }

  /**
   * Renames every structure element of type {@code from} to {@code custom} and role-maps it to
   * {@code target}.
   */
  private static byte[] withRole(byte[] pdf, String from, String custom, String target)
      throws IOException {
    PdfReader r = new PdfReader(pdf);
    PdfDictionary root = r.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
    List<PdfDictionary> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      PdfDictionary d = todo.remove(todo.size() - 1);
      if (new PdfName(from).equals(d.getAsName(PdfName.S))) {
        d.put(PdfName.S, new PdfName(custom));
      }
      PdfObject k = PdfReader.getPdfObject(d.get(PdfName.K));
      List<PdfObject> kids = new ArrayList<>();
      if (k instanceof PdfArray a) {
        a.getElements().forEach(kids::add);
      } else if (k != null) {
        kids.add(k);
      }
      for (PdfObject kid : kids) {
        if (PdfReader.getPdfObject(kid) instanceof PdfDictionary kd && kd.get(PdfName.S) != null) {
          todo.add(kd);
        }
      }
    }
    PdfDictionary roles = new PdfDictionary();
    roles.put(new PdfName(custom), new PdfName(target));
    root.put(PdfName.ROLEMAP, roles);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfStamper st = new PdfStamper(r, out);
    st.close();
    return out.toByteArray();
  }

  @Test
  void roleMapsAreMergedAndAClashingRoleIsRenamed() throws Exception {
    byte[] a = withRole(reapPdf("riverton-what-we-heard"), "P", "Para", "P");
    byte[] b = withRole(reapPdf("riverton-outcomes"), "P", "Para", "Div");
    assertConforms(a);
    Run run = packetWith("ordinance.pdf", a, "fees.pdf", b);
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.err()).isEmpty();
    byte[] packet = written();
    assertConforms(packet);
    PdfReader r = new PdfReader(packet);
    PdfDictionary roles =
        r.getCatalog().getAsDict(PdfName.STRUCTTREEROOT).getAsDict(PdfName.ROLEMAP);
    assertThat(roles.getKeys()).hasSize(2);
    assertThat(roles.get(new PdfName("Para"))).isEqualTo(new PdfName("P"));
    PdfName renamed =
        roles.getKeys().stream()
            .filter(k -> !k.equals(new PdfName("Para")))
            .findFirst()
            .orElseThrow();
    assertThat(roles.get(renamed)).isEqualTo(PdfName.DIV);
    r.close();
    Elem first = part(packet, "Attachment 4: Draft ordinance").kids().get(1);
    Elem second = part(packet, "Attachment 6: Fee schedule").kids().get(1);
    String renamedType = PdfName.decodeName(renamed.toString());
    assertThat(first.all("Para")).isNotEmpty();
    assertThat(first.all(renamedType)).isEmpty();
    assertThat(second.all("Para")).isEmpty();
    assertThat(second.all(renamedType)).isNotEmpty();
    // reap's own parts keep their plain P
    assertThat(part(packet, "Contents").all("P")).isNotEmpty();
  }

  @Test
  void aFilesRoleForAStandardTypeIsRenamedSoItCannotChangeReapsParts() throws Exception {
    byte[] remapped =
        withRole(reapPdf("riverton-what-we-heard"), "P", "P", "Span"); // its P read as Span
    Run run = packetWith("ordinance.pdf", remapped, null, null);
    assertThat(run.exit()).as(run.all()).isZero();
    byte[] packet = written();
    PdfReader r = new PdfReader(packet);
    PdfDictionary roles =
        r.getCatalog().getAsDict(PdfName.STRUCTTREEROOT).getAsDict(PdfName.ROLEMAP);
    r.close();
    assertThat(roles.getKeys()).hasSize(1).doesNotContain(PdfName.P);
    PdfName renamed = roles.getKeys().iterator().next();
    assertThat(roles.get(renamed)).isEqualTo(new PdfName("Span"));
    Elem file = part(packet, "Attachment 4: Draft ordinance").kids().get(1);
    assertThat(file.all("P")).isEmpty();
    assertThat(file.all(PdfName.decodeName(renamed.toString()))).isNotEmpty();
    assertThat(part(packet, "Attachment 4: Draft ordinance").kids().get(0).all("P"))
        .isNotEmpty(); // reap's cover sheet
  }

  /**
   * Makes the structure tree of a tagged PDF unreadable: the first element's kids include itself.
   */
  private static byte[] withCycle(byte[] pdf) throws IOException {
    PdfReader r = new PdfReader(pdf);
    PdfDictionary root = r.getCatalog().getAsDict(PdfName.STRUCTTREEROOT);
    PdfObject top = PdfReader.getPdfObject(root.get(PdfName.K));
    PdfObject first = top instanceof PdfArray a ? a.getPdfObject(0) : root.get(PdfName.K);
    PdfDictionary element = (PdfDictionary) PdfReader.getPdfObject(first);
    PdfArray kids = new PdfArray();
    kids.add(first);
    element.put(PdfName.K, kids);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfStamper st = new PdfStamper(r, out);
    st.close();
    return out.toByteArray();
  }

  @Test
  void aPdfWithADamagedStructureTreeIsJoinedAsUntaggedWithAWarning() throws Exception {
    Run run = packetWith("ordinance.pdf", withCycle(reapPdf("riverton-what-we-heard")), null, null);
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.err())
        .contains(
            "Attachment 4 (\"Draft ordinance\") (plans/files/ordinance.pdf) has a structure tree (tags) that cannot be read")
        .doesNotContain("Exception");
    byte[] packet = written();
    assertThat(xmp(packet)).doesNotContain("pdfuaid");
    Elem ordinance = part(packet, "Attachment 4: Draft ordinance");
    assertThat(ordinance.kids()).extracting(Elem::type).startsWith("Art", "Div");
    assertThat(ordinance.kids().get(1).text()).contains("What We Heard");
  }

  /**
   * A PDF as a scanner or an old office program writes it: no structure tree, Helvetica not
   * embedded.
   */
  private static byte[] untagged() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document doc = new Document();
    PdfWriter.getInstance(doc, out);
    doc.open();
    doc.add(new Paragraph("Section 1. Permit fees for small home repairs are waived."));
    doc.newPage();
    doc.add(new Paragraph("Section 2. This ordinance takes effect thirty days after adoption."));
    doc.close();
    return out.toByteArray();
  }

  @Test
  void anUntaggedPdfIsReadablePageByPageButTheClaimIsDroppedWithAWarning() throws Exception {
    Run run = packetWith("ordinance.pdf", untagged(), null, null);
    assertThat(run.exit()).as(run.all()).isZero();
    assertThat(run.err())
        .startsWith(
            "plans/agenda-item.yaml:52:11: warning[packet.accessibility]: Attachment 4 (\"Draft ordinance\") (plans/files/ordinance.pdf) is not tagged for accessibility (it has no structure tree)")
        .contains("claims neither PDF/UA nor PDF/A");
    byte[] packet = written();
    assertThat(xmp(packet)).doesNotContain("pdfuaid").doesNotContain("pdfaid");
    Elem ordinance = part(packet, "Attachment 4: Draft ordinance");
    assertThat(ordinance.kids()).extracting(Elem::type).containsExactly("Art", "Div", "Div");
    assertThat(ordinance.kids().get(1).text())
        .isEqualTo("Section 1. Permit fees for small home repairs are waived.");
    assertThat(ordinance.kids().get(2).text())
        .isEqualTo("Section 2. This ordinance takes effect thirty days after adoption.");
    // what still fails is the file's own (its font) and the missing claim, on its pages
    PdfConformance.Report report = PdfConformance.check(packet, List.of(Profile.PDF_UA_1));
    assertThat(report.all())
        .extracting(f -> f.ruleId())
        .contains("5-1", "7.21.4.1-1")
        .doesNotContain("7.1-3");
    int first =
        Integer.parseInt(
            ((String) SimpleBookmark.getBookmarkList(new PdfReader(packet)).get(4).get("Page"))
                .split(" ")[0]);
    assertThat(report.all().stream().flatMap(f -> f.pages().stream()).collect(Collectors.toSet()))
        .allSatisfy(p -> assertThat(p).isGreaterThan(first));
  }
}
