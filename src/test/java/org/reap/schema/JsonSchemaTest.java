package org.reap.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The JSON Schema that `reap schema` prints accepts every file in plans/ as an editor reads it
 * (YAML 1.2), and rejects what reap rejects.
 */
class JsonSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Set<ValidationMessage> check(String yaml) throws IOException {
    Object data =
        new Load(LoadSettings.builder().setSchema(new CoreSchema()).build()).loadFromString(yaml);
    JsonNode node = JSON.valueToTree(data);
    String kind = node.get("kind").asText();
    var schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(JsonSchema.forKind(Kinds.get(kind)));
    return schema.validate(node);
  }

  @Test
  void acceptsEveryFileInPlans() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("plans"))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(5);
    for (Path f : files) {
      assertThat(check(Files.readString(f))).as(f.toString()).isEmpty();
    }
  }

  @Test
  void rejectsUnknownFieldsBadDatesAndWrongWords() throws IOException {
    String base =
        "reap: 1\nkind: milestones\nid: t\ntitle: T\nentries:\n  - date: 2024-01-09\n    title: x\n";
    assertThat(check(base)).isEmpty();
    assertThat(check(base + "    titel: y\n")).isNotEmpty();
    assertThat(check(base.replace("2024-01-09", "10/29/2024"))).isNotEmpty();
    assertThat(check(base + "    status: finished\n")).isNotEmpty();
    assertThat(check(base + "    partnership: yes\n")).isEmpty();
    assertThat(check(base.replace("id: t", "id: Bad_Id"))).isNotEmpty();
  }

  @Test
  void acceptsTextInSeveralLanguages() throws IOException {
    String base =
        "reap: 1\nkind: milestones\nid: t\ntitle: {en: Timeline, es: Cronograma}\npublish_in: [es, zh-Hans]\nentries:\n  - date: 2024-01-09\n    title: x\n";
    assertThat(check(base)).isEmpty();
    assertThat(check(base.replace("es: Cronograma", "Spanish: Cronograma"))).isNotEmpty();
    assertThat(check(base.replace("id: t", "id: {en: t}"))).isNotEmpty();
  }

  @Test
  void everyKindHasASchemaThatParses() throws IOException {
    for (Kinds.Kind k : Kinds.all().values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.readValue(JsonSchema.forKind(k), Map.class);
      assertThat(m).containsKeys("$schema", "properties", "definitions");
    }
  }
}
