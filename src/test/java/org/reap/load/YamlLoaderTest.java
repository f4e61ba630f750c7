package org.reap.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.Diagnostics;
import org.reap.source.SourceFile;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML reader's limits and positions, one at a time (the golden cases in validate-cases show
 * them through the command line). Each test names the protection it pins down.
 */
class YamlLoaderTest {
  @TempDir Path dir;
  final Diagnostics diags = new Diagnostics();

  YamlLoader.Loaded parse(byte[] bytes) {
    return YamlLoader.parse(Path.of("f.yaml"), "f.yaml", bytes, diags);
  }

  YamlLoader.Loaded parse(String text) {
    return parse(text.getBytes(StandardCharsets.UTF_8));
  }

  /** "rule line:column message" of the only finding. */
  String only() {
    List<Diagnostic> all = diags.all();
    assertThat(all).hasSize(1);
    Diagnostic d = all.get(0);
    return d.ruleId() + " " + d.span().line() + ":" + d.span().column() + " " + d.message();
  }

  @Test
  void controlCharactersArePositionedWhateverTheLineEndings() {
    assertThat(parse("a: 1\r\nb: x\u0007\n")).isNull();
    assertThat(only())
        .isEqualTo(
            "file.control-character 2:5 the file holds an invisible control character (U+0007) here");
  }

  @Test
  void aLoneCarriageReturnEndsALine() {
    assertThat(parse("a: 1\rbb: \u0001")).isNull();
    assertThat(only()).startsWith("file.control-character 2:5 ");
  }

  @Test
  void anEmojiBeforeAControlCharacterCountsAsOneColumn() {
    assertThat(parse("a: \uD83D\uDE00\u001F")).isNull();
    assertThat(only()).startsWith("file.control-character 1:5 ").contains("U+001F");
  }

  @ParameterizedTest
  @CsvSource({"0000", "0008", "000B", "001F", "007F", "0080", "0085", "009F", "FFFE", "FFFF"})
  void everyInvisibleControlCharacterIsRefused(String hex) {
    assertThat(parse("a: x" + (char) Integer.parseInt(hex, 16))).isNull();
    assertThat(only())
        .isEqualTo(
            "file.control-character 1:5 the file holds an invisible control character (U+"
                + hex
                + ") here");
  }

  @ParameterizedTest
  @CsvSource({"0009", "0020", "00A0", "FFFD", "FEFF"})
  void tabsSpacesAndOtherCharactersAreText(String hex) {
    assertThat(parse("a: \"x" + (char) Integer.parseInt(hex, 16) + "\"")).isNotNull();
    assertThat(diags.all()).isEmpty();
  }

  @Test
  void invalidUtf8IsPositionedByLineAndCharacterNotByte() {
    byte[] bytes = "a: 1\nb: \u00e9\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, bad, 0, bytes.length);
    bad[bytes.length] = (byte) 0xC3;
    assertThat(parse(bad)).isNull();
    assertThat(only()).isEqualTo("file.encoding 2:6 byte 0xC3 here is not valid UTF-8 text");
  }

  @Test
  void utf16AndBinaryFilesAreNamedAsSuch() {
    assertThat(parse(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})).isNull();
    assertThat(only())
        .isEqualTo(
            "file.encoding 0:0 the file is saved as UTF-16 (\"Unicode\" in Notepad); reap reads UTF-8");
    diags.all();
    Diagnostics d2 = new Diagnostics();
    assertThat(
            YamlLoader.parse(Path.of("f"), "f", new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'a'}, d2))
        .isNull();
    assertThat(d2.all().get(0).message()).contains("UTF-16");
    Diagnostics d3 = new Diagnostics();
    assertThat(YamlLoader.parse(Path.of("f"), "f", new byte[] {'P', 'K', 3, 4, 0, (byte) 0x99}, d3))
        .isNull();
    assertThat(d3.all().get(0).message()).isEqualTo("this is not a text file");
    assertThat(d3.all().get(0).span().hasPosition()).isFalse();
  }

  @Test
  void aNulByteAfterTheFirst512BytesIsAControlCharacterNotABinaryFile() {
    byte[] b = new byte[600];
    java.util.Arrays.fill(b, (byte) ' ');
    b[0] = 'a';
    b[1] = ':';
    b[520] = 0;
    b[599] = (byte) 0x99; // and the file is not UTF-8 either
    assertThat(parse(b)).isNull();
    assertThat(only()).startsWith("file.encoding 1:600 byte 0x99");
    Diagnostics d = new Diagnostics();
    b[511] = 0;
    YamlLoader.parse(Path.of("f"), "f", b, d);
    assertThat(d.all().get(0).message()).isEqualTo("this is not a text file");
  }

  @Test
  void firstInvalidUtf8FindsWhatTheJdkDecoderRefuses() throws Exception {
    // Overlong forms, surrogates, code points above U+10FFFF and cut-off sequences, each after
    // "ok".
    String[][] cases = {
      {"C0 80", "2"},
      {"C1 BF", "2"},
      {"C2 7F", "2"},
      {"DF C0", "2"},
      {"E0 9F 80", "2"},
      {"ED A0 80", "2"},
      {"EF BF", "2"},
      {"F0 8F BF BF", "2"},
      {"F4 90 80 80", "2"},
      {"F5 80 80 80", "2"},
      {"F8", "2"},
      {"80", "2"},
      {"E1 80 41", "2"},
      {"F1 80 80 41", "2"},
      {"C2", "2"},
    };
    for (String[] c : cases) {
      byte[] b = bytes("6F 6B " + c[0]);
      assertThat(YamlLoader.firstInvalidUtf8(b)).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
      assertThat(decodes(b)).as(c[0]).isFalse();
    }
    // well-formed at every edge of the table
    for (String ok :
        new String[] {
          "C2 80",
          "DF BF",
          "E0 A0 80",
          "EC BF BF",
          "ED 9F BF",
          "EE 80 80",
          "EF BF BF",
          "F0 90 80 80",
          "F3 BF BF BF",
          "F4 8F BF BF",
          "7F"
        }) {
      assertThat(decodes(bytes(ok))).as(ok).isTrue();
      assertThat(YamlLoader.firstInvalidUtf8(bytes(ok + " 80"))).as(ok).isEqualTo(bytes(ok).length);
    }
    // and on random bytes the position agrees with the JDK: decoding up to it succeeds
    Random random = new Random(42);
    for (int n = 0; n < 3000; n++) {
      byte[] b = new byte[1 + random.nextInt(12)];
      random.nextBytes(b);
      if (!decodes(b)) {
        int at = YamlLoader.firstInvalidUtf8(b);
        assertThat(decodes(java.util.Arrays.copyOf(b, at)))
            .as(java.util.HexFormat.of().formatHex(b))
            .isTrue();
      }
    }
  }

  static byte[] bytes(String hex) {
    return java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
  }

  static boolean decodes(byte[] b) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void aFileEndingInACarriageReturnIsFine() {
    assertThat(parse("a: 1\r")).isNotNull();
    assertThat(parse("a: 1\r\n")).isNotNull();
    assertThat(diags.all()).isEmpty();
  }

  @Test
  void twoBytesOfUtf16ByteOrderMarkAreEnoughToTell() {
    assertThat(parse(new byte[] {(byte) 0xFF, (byte) 0xFE})).isNull();
    assertThat(only()).contains("UTF-16");
  }

  @Test
  void aValidByteSequenceHasNoInvalidPositionButTheLast() {
    assertThat(YamlLoader.firstInvalidUtf8(bytes("6F 6B"))).isEqualTo(1);
    assertThat(YamlLoader.firstInvalidUtf8(new byte[0])).isZero();
    assertThat(YamlLoader.firstInvalidUtf8(bytes("6F 6B 80 41"))).isEqualTo(2);
  }

  @Test
  void yamlSyntaxErrorsAreTranslatedWithTheirPlace() {
    parse("a:\n\tb: 1\n");
    assertThat(only())
        .isEqualTo("yaml.tab 2:1 a tab character is used for indentation here; YAML needs spaces");
    Diagnostics d = new Diagnostics();
    YamlLoader.parse(Path.of("f"), "f", "a: [1, 2\nb: 3\n".getBytes(StandardCharsets.UTF_8), d);
    assertThat(d.all())
        .extracting(
            x -> x.ruleId() + " " + x.span().line() + ":" + x.span().column() + " " + x.message())
        .containsExactly("yaml.syntax 1:4 a list opened here with [ is not closed with ]");
    Diagnostics e = new Diagnostics();
    YamlLoader.parse(Path.of("f"), "f", "a: \"x\\qy\"\n".getBytes(StandardCharsets.UTF_8), e);
    assertThat(e.all())
        .extracting(x -> x.ruleId() + " " + x.span().line() + ":" + x.span().column())
        .containsExactly("yaml.bad-escape 1:6");
    Diagnostics f = new Diagnostics();
    YamlLoader.parse(Path.of("f"), "f", "a: *\n".getBytes(StandardCharsets.UTF_8), f);
    assertThat(f.all()).extracting(Diagnostic::ruleId).containsExactly("yaml.syntax");
    assertThat(f.all().get(0).message()).startsWith("the YAML here cannot be read: ");
  }

  @Test
  void aByteOrderMarkIsDroppedAndPositionsStayRight() {
    YamlLoader.Loaded l = parse("\uFEFFreap: 1\nkind: plan\n");
    assertThat(diags.all()).isEmpty();
    YNode.YMap map = (YNode.YMap) l.root();
    assertThat(map.get("kind").span().location()).isEqualTo("f.yaml:2:7");
    assertThat(map.entries().get(0).key().span().location()).isEqualTo("f.yaml:1:1");
  }

  @Test
  void aFileOf4MbIsReadTheLimitIs8() throws IOException {
    // SnakeYAML's own default limit is 3 MB of text: reap raises it to its 8 MB file limit
    String big = "a: \"" + "x".repeat(4 * 1024 * 1024) + "\"\n";
    assertThat(parse(big)).isNotNull();
    assertThat(diags.all()).isEmpty();
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    Path exactly = dir.resolve("exactly.yaml");
    try (RandomAccessFile f = new RandomAccessFile(exactly.toFile(), "rw")) {
      f.setLength(YamlLoader.MAX_FILE_BYTES);
    }
    YamlLoader.load(exactly, "exactly.yaml", diags);
    assertThat(only())
        .as("8 MB exactly is read (then refused for its NUL bytes)")
        .startsWith("file.control-character 1:1 ");
    Path over = dir.resolve("over.yaml");
    try (RandomAccessFile f = new RandomAccessFile(over.toFile(), "rw")) {
      f.setLength(YamlLoader.MAX_FILE_BYTES + 1);
    }
    Diagnostics d = new Diagnostics();
    assertThat(YamlLoader.load(over, "over.yaml", d)).isNull();
    assertThat(d.all())
        .extracting(Diagnostic::message)
        .containsExactly("the file is 8 MB; reap reads files of at most 8 MB");
  }

  @Test
  void aFolderOrAMissingFileIsReportedNotThrown() throws IOException {
    assertThat(YamlLoader.load(dir, "plans", diags)).isNull();
    assertThat(only()).isEqualTo("file.not-a-file 0:0 this is a folder, not a YAML file");
    Diagnostics d = new Diagnostics();
    assertThat(YamlLoader.load(dir.resolve("gone.yaml"), "gone.yaml", d)).isNull();
    assertThat(d.all())
        .extracting(Diagnostic::message)
        .containsExactly("the file cannot be read (it does not exist)");
  }

  @Test
  void reasonsAreWords() {
    assertThat(YamlLoader.reason(new NoSuchFileException("x"))).isEqualTo("it does not exist");
    assertThat(YamlLoader.reason(new AccessDeniedException("x"))).isEqualTo("permission denied");
    assertThat(YamlLoader.reason(new IOException("disk on fire"))).isEqualTo("disk on fire");
    assertThat(YamlLoader.reason(new IOException())).isEqualTo("IOException");
  }

  @Test
  void nestingIsPositionedUpTo160LevelsAndRefusedBeyond() {
    // 41 to 160 levels: the converter finds the first level too deep and says where (SnakeYAML's
    // own
    // limit, 50 by default, is raised so that it does not get there first)
    assertThat(parse("a: " + "[".repeat(60) + "]".repeat(60))).isNull();
    assertThat(only())
        .startsWith("yaml.too-deep 1:")
        .contains("nests more than 40 levels deep here");
    // past the parser's own limit (4 x 40) there is no position
    Diagnostics d = new Diagnostics();
    YamlLoader.parse(
        Path.of("f"),
        "f",
        ("a: " + "[".repeat(170) + "]".repeat(170)).getBytes(StandardCharsets.UTF_8),
        d);
    assertThat(d.all()).extracting(Diagnostic::ruleId).containsExactly("yaml.too-deep");
    assertThat(d.all().get(0).span().hasPosition()).isFalse();
  }

  @Test
  void twentyAliasesToCollectionsAreFineTwentyOneAreNot() {
    StringBuilder ok = new StringBuilder("base: &b [1, 2]\nuses:\n");
    for (int i = 0; i < 20; i++) {
      ok.append("  - *b\n");
    }
    assertThat(parse(ok.toString())).isNotNull();
    assertThat(diags.all()).isEmpty();
    assertThat(parse(ok + "  - *b\n")).isNull();
    assertThat(only())
        .isEqualTo("yaml.too-many-aliases 0:0 the file uses too many aliases (*name)");
  }

  @Test
  void aBareDocumentMarkerAtTheEndIsOneDocument() {
    assertThat(parse("reap: 1\n---\n")).isNotNull();
    assertThat(parse("reap: 1\n--- \"\"\n")).isNotNull();
    assertThat(diags.all()).isEmpty();
    assertThat(parse("reap: 1\n---\nkind: plan\n")).isNull();
    assertThat(only())
        .isEqualTo(
            "yaml.several-documents 2:1 this file holds more than one document (a line with --- starts another)");
  }

  @Test
  void localTagsAreRefusedWithTheirPosition() {
    assertThat(parse("reap: 1\nkind: !plan plan\n")).isNull();
    assertThat(only()).isEqualTo("yaml.tag 2:7 type tags such as !plan are not used in reap files");
    Diagnostics d = new Diagnostics();
    YamlLoader.parse(
        Path.of("f"), "f", "a: !!str 1\nb: !!int 2\n".getBytes(StandardCharsets.UTF_8), d);
    assertThat(d.all()).as("the core tags are allowed").isEmpty();
  }

  @Test
  void aRepeatedAnchorIsShownAtTheSecondOne() {
    assertThat(parse("a: &x 1\nb: &x 2\nc: *x\n")).isNotNull();
    assertThat(only())
        .isEqualTo("yaml.duplicate-anchor 2:4 the anchor &x is defined twice (first at line 1)");
    assertThat(diags.all().get(0).span().endColumn()).isEqualTo(6);
  }

  @Test
  void scalarsKeepTheirTextAndKnowWhetherTheyAreEmpty() {
    YNode.YMap map =
        (YNode.YMap)
            parse("a: 010\nb: \"\"\nc:\nd: ~\ne: Null\nf: 'null'\ng: NULL\nh: null\n").root();
    assertThat(((YNode.YScalar) map.get("a")).text()).isEqualTo("010");
    assertThat(((YNode.YScalar) map.get("b")).isNull()).isFalse();
    assertThat(((YNode.YScalar) map.get("b")).plain()).isFalse();
    for (String k : List.of("c", "d", "e", "g", "h")) {
      assertThat(((YNode.YScalar) map.get(k)).isNull()).as(k).isTrue();
      assertThat(map.get(k).describe()).isEqualTo("an empty value");
    }
    assertThat(((YNode.YScalar) map.get("f")).isNull()).isFalse();
    assertThat(map.get("a").describe()).isEqualTo("a single value");
    assertThat(map.describe()).isEqualTo("a group of fields (a mapping)");
    assertThat(new YNode.YSeq(map.span(), List.of()).describe()).isEqualTo("a list");
    assertThat(map.entry("b").key().text()).isEqualTo("b");
    assertThat(map.entry("zz")).isNull();
    assertThat(map.get("zz")).isNull();
  }

  @Test
  void theNodeLimitCountsEveryUseOfAnAlias() {
    // 3 aliases of a list of 200 000 items: under the alias limit, over the node limit
    StringBuilder sb = new StringBuilder("a: &a [");
    sb.append("1,".repeat(200_000)).append("1]\nb: [*a, *a, *a]\n");
    assertThat(parse(sb.toString()) == null).isTrue();
    assertThat(only())
        .isEqualTo(
            "yaml.too-many-nodes 0:0 the file expands to more than 500,000 values (aliases repeat whole sections)");
  }

  @Test
  void unmarkedParserErrorsAreTranslated() {
    SourceFile f = new SourceFile(Path.of("f"), "f", "");
    assertThat(
            YamlErrors.translateUnmarked(
                    f,
                    new YAMLException(
                        "Number of aliases for non-scalar nodes exceeds the specified max=20"))
                .ruleId())
        .isEqualTo("yaml.too-many-aliases");
    assertThat(
            YamlErrors.translateUnmarked(f, new YAMLException("Nesting Depth exceeded max 160"))
                .message())
        .isEqualTo("the file nests too deeply");
    Diagnostic big =
        YamlErrors.translateUnmarked(
            f,
            new YAMLException(
                "The incoming YAML document exceeds the limit: 8388608 code points."));
    assertThat(big.ruleId()).isEqualTo("file.too-large");
    assertThat(big.hint()).isEqualTo("split it into several files");
    Diagnostic other = YamlErrors.translateUnmarked(f, new YAMLException("something odd"));
    assertThat(other.ruleId()).isEqualTo("yaml.syntax");
    assertThat(other.message()).isEqualTo("the YAML cannot be read: something odd");
    assertThat(YamlErrors.translateUnmarked(f, new YAMLException((String) null)).message())
        .isEqualTo("the YAML cannot be read: ");
  }

  @Test
  void aHugeValueWithNoSpaceIsReadInOnePieceSoReadingIsLinear() throws Exception {
    // SnakeYAML's own 1,024-character reads copy the whole pending token each time: n^2/1024 for
    // one long word
    String text = "reap: 1\nkind: milestones\nid: huge\ntitle: " + "x".repeat(2_000_000) + "\n";
    int[] reads = {0};
    java.io.Reader counting =
        new java.io.FilterReader(new java.io.StringReader(text)) {
          @Override
          public int read(char[] b, int off, int len) throws java.io.IOException {
            reads[0]++;
            return super.read(b, off, len);
          }
        };
    org.yaml.snakeyaml.reader.StreamReader r = YamlLoader.streamReader(counting, text.length());
    int n = 0;
    while (r.peek() != '\0') {
      r.peek(n > 40 ? 0 : n);
      r.forward();
      n++;
    }
    assertThat(n).isEqualTo(text.length());
    assertThat(reads[0])
        .as("reads of the text (SnakeYAML alone: %d)", text.length() / 1024)
        .isLessThanOrEqualTo(3);
    Diagnostics d = new Diagnostics();
    long start = System.nanoTime();
    assertThat(
            YamlLoader.parse(
                java.nio.file.Path.of("huge.yaml"),
                "huge.yaml",
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                d))
        .isNotNull();
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("ms to parse a 2 MB word")
        .isLessThan(20_000);
  }

  @Test
  void tooManyValuesWithoutAliasesSaysSoAndWhere() {
    StringBuilder sb =
        new StringBuilder("reap: 1\nkind: milestones\nid: many\ntitle: Many\nentries:\n");
    for (int i = 0; i < 100_001; i++) {
      sb.append("  - {a: 1, b: 2, c: 3, d: 4}\n");
    }
    Diagnostics d = new Diagnostics();
    YamlLoader.parse(
        java.nio.file.Path.of("many.yaml"),
        "many.yaml",
        sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        d);
    assertThat(d.all()).hasSize(1);
    assertThat(d.all().get(0).message())
        .isEqualTo(
            "the file has more than 500,000 values (it uses no aliases); reap reads at most 500,000 values per file")
        .doesNotContain("alias repeat");
    assertThat(d.all().get(0).span().hasPosition()).isTrue();
  }
}
