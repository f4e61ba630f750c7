package org.reap.schema;

import static org.reap.schema.Scalar.BOOLEAN;
import static org.reap.schema.Scalar.INTEGER;
import static org.reap.schema.Scalar.STRING;
import static org.reap.schema.Scalar.TEXT;

/**
 * The shape of {@value Settings#FILE}: checked like a document, with positions and did-you-mean.
 */
public final class SettingsSchema {
  private SettingsSchema() {}

  public static final ObjType FIELD =
      new ObjType("custom-field", "custom fields", "A field this repository adds.")
          .req(
              "name",
              STRING,
              "The field's name as written in the YAML: lower-case letters, digits and _ (\"priority\", \"staff_lead\").")
          .req(
              "label",
              STRING,
              "The heading it prints under; give it per language like any text: {en: Priority, es: Prioridad}.")
          .req(
              "type",
              ScalarType.oneOf(Settings.FIELD_TYPES.toArray(String[]::new)),
              "text, number, date (a date, span or fiscal year), yes-no, list (one of values, in order) or reference (the id of something, see to).")
          .opt(
              "values",
              new ListType(ScalarType.of(STRING)),
              "For a list: the allowed words, in order.")
          .opt(
              "to",
              new ListType(ScalarType.of(STRING)),
              "For a reference: what it may point at (team, goal, indicator, document...).")
          .opt("required", BOOLEAN, "yes where every row must give it (default no).")
          .opt("description", STRING, "What it means, for the docs page and editor completion.");

  public static final ObjType COLUMN =
      new ObjType("column", "columns", "A column of the action table.")
          .req(
              "field",
              STRING,
              "A built-in field ("
                  + String.join(", ", Settings.BUILT_IN_COLUMNS)
                  + ") or one of this repository's own.")
          .opt("label", STRING, "The heading as the city prints it (default: the field's label).")
          .shorthand("field");

  public static final ObjType ROOT =
      new ObjType("settings", "settings", "This repository's own settings.")
          .req("reap", INTEGER, "Schema version; always 1 for now.")
          .opt(
              "fiscal_year",
              new ObjType("fiscal-year", "fiscal years", "When the fiscal year starts.")
                  .req("starts", STRING, "The month it starts in: July, or 7."),
              "Fiscal years: with it, FY2021-22, FY22 and 2021-22 are read as that span and printed \"FY 2021-22\".")
          .opt(
              "statuses",
              new MapType(ScalarType.oneOf(Kinds.STATUSES.toArray(String[]::new)), "status word"),
              "The city's own status words, each mapped onto reap's (\"Not started: planned\"); documents print the city's word.")
          .opt(
              "fields",
              new MapType(new ListType(FIELD), "row or kind"),
              "Fields this repository adds, by row (action, objective, goal, deliverable, milestone, indicator, attachment, team) or kind (plan, milestones...).")
          .opt(
              "action_table",
              new ObjType(
                      "action-table",
                      "action tables",
                      "How the plan prints its actions as a table.")
                  .req("columns", new ListType(COLUMN), "The columns, in the city's order."),
              "Print each objective's actions as a table with these columns.")
          .opt("notes", TEXT, "Notes for editors; not printed.");
}
