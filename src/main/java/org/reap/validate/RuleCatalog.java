package org.reap.validate;

import java.util.ArrayList;
import java.util.List;

/**
 * Every check reap makes: the file and schema checks done while reading, then the repository rules.
 */
public final class RuleCatalog {
  public record Entry(String id, String level, String description) {}

  private RuleCatalog() {}

  /**
   * Checks made while reading a file; always errors (a file that cannot be read cannot be checked
   * further).
   */
  public static final List<Entry> READING =
      List.of(
          new Entry("file.not-found", "error", "A path given on the command line exists."),
          new Entry("file.not-a-file", "error", "A path that must be a file is not a folder."),
          new Entry("file.unreadable", "error", "A file or folder can be read."),
          new Entry("file.too-large", "error", "A file is at most 8 MB."),
          new Entry("file.encoding", "error", "A file is UTF-8 text (a byte-order mark is fine)."),
          new Entry(
              "file.control-character",
              "error",
              "A file holds no invisible control characters (NUL and the like)."),
          new Entry(
              "file.outside-repository",
              "error",
              "A YAML file is not a link to a file outside the repository."),
          new Entry("yaml.syntax", "error", "The YAML can be read."),
          new Entry("yaml.tab", "error", "Indentation uses spaces, not tabs."),
          new Entry("yaml.colon-in-value", "error", "A value with \": \" inside it is quoted."),
          new Entry("yaml.unclosed-quote", "error", "Every quote is closed."),
          new Entry("yaml.missing-colon", "error", "Every field has its colon."),
          new Entry("yaml.indentation", "error", "Indentation lines up."),
          new Entry(
              "yaml.undefined-alias", "error", "An alias refers to an anchor defined above it."),
          new Entry("yaml.duplicate-anchor", "error", "An anchor is defined once."),
          new Entry(
              "yaml.reserved-character", "error", "A value does not start with @ or ` unquoted."),
          new Entry("yaml.bad-escape", "error", "Backslash escapes in double quotes are valid."),
          new Entry("yaml.duplicate-key", "error", "A field appears once in its group."),
          new Entry("yaml.empty", "error", "A file is not empty."),
          new Entry("yaml.several-documents", "error", "A file holds one YAML document."),
          new Entry(
              "yaml.too-many-aliases",
              "error",
              "Aliases do not expand a file beyond reason (alias bombs)."),
          new Entry("yaml.too-many-nodes", "error", "A file expands to at most 500,000 values."),
          new Entry("yaml.too-deep", "error", "A file nests at most 40 levels."),
          new Entry("yaml.complex-key", "error", "Field names are plain words."),
          new Entry("yaml.merge-key", "error", "No merge keys (<<)."),
          new Entry("yaml.tag", "error", "No type tags (!!python/object and the like)."),
          new Entry("schema.top-level", "error", "A file is a group of fields."),
          new Entry("schema.missing-kind", "error", "A file says what kind of document it is."),
          new Entry("schema.unknown-kind", "error", "The kind is one reap knows."),
          new Entry("schema.version", "error", "The file is written for schema version 1."),
          new Entry(
              "schema.unknown-field",
              "error",
              "Every field is one the schema has (with \"did you mean\")."),
          new Entry("schema.missing-field", "error", "Required fields are present."),
          new Entry(
              "schema.empty-value",
              "error",
              "A required field has a value a reader can see (not only spaces or invisible characters), and a group name is not blank."),
          new Entry("schema.empty-item", "error", "A list has no empty items."),
          new Entry(
              "schema.wrong-type",
              "error",
              "A value has the shape its field expects (list, group of fields, single value)."),
          new Entry(
              "schema.bad-value",
              "error",
              "A value is of its field's type (number, yes/no, one of a set of words ...)."),
          new Entry(
              "schema.bad-date",
              "error",
              "A date is written YYYY-MM-DD (or as a month, range or TBD where allowed) and is a real date."),
          new Entry(
              "schema.bad-id",
              "error",
              "An id or reference is lower-case letters, digits and hyphens."),
          new Entry(
              "schema.bad-path",
              "error",
              "A file path is relative and stays inside the repository."),
          new Entry(
              "schema.control-character",
              "error",
              "A value holds no invisible control character written as a backslash escape (\"\\u0006\", \"\\0\")."),
          new Entry(
              "schema.translation-default",
              "error",
              "A text given in several languages includes the document's own language."),
          new Entry(
              "yaml.comment-in-text",
              "warning",
              "No YAML comment follows text on the same line of a text field (\"title: Budget Amendment #12-A\" reads as \"Budget Amendment\"): quote the text."),
          new Entry(
              "settings.fiscal-year",
              "error",
              "The settings file's fiscal_year.starts is a month (July, or 7)."),
          new Entry(
              "settings.unknown-target",
              "error",
              "Custom fields are added to a row or kind reap knows (with \"did you mean\")."),
          new Entry(
              "settings.field-name",
              "error",
              "A custom field's name is lower-case letters, digits and _."),
          new Entry(
              "settings.field-exists",
              "error",
              "A custom field does not take the name of a built-in one."),
          new Entry(
              "settings.list-values", "error", "A custom list field names its allowed values."),
          new Entry(
              "settings.unknown-column",
              "error",
              "Each action-table column is a built-in field of an action or a custom one (with \"did you mean\")."));

  /**
   * Checks made while making output (reap render, reap packet); reported like the others, with
   * --format.
   */
  public static final List<Entry> PRODUCING =
      List.of(
          new Entry(
              "render",
              "error",
              "A document can be rendered (its template fills in and the PDF can be written)."),
          new Entry(
              "packet.attachment",
              "error",
              "An attachment's file can go in the agenda packet: a readable PDF, not encrypted, with pages."),
          new Entry(
              "packet.accessibility",
              "warning",
              "A PDF from the repository keeps the agenda packet PDF/UA-1 and PDF/A-2a (tagged, and passing veraPDF inside the packet)."),
          new Entry(
              "packet.active-content",
              "warning",
              "An attached PDF has no scripts, form actions, launches, media or embedded files (they are removed from the packet)."));

  public static List<Entry> all() {
    List<Entry> all = new ArrayList<>(READING);
    for (Rule r : Validator.RULES) {
      all.add(new Entry(r.id(), r.defaultSeverity().label(), r.description()));
    }
    all.addAll(PRODUCING);
    return all;
  }
}
