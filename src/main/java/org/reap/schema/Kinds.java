package org.reap.schema;

import static org.reap.schema.Scalar.BOOLEAN;
import static org.reap.schema.Scalar.DATE;
import static org.reap.schema.Scalar.DURATION;
import static org.reap.schema.Scalar.EMAIL;
import static org.reap.schema.Scalar.ID;
import static org.reap.schema.Scalar.INTEGER;
import static org.reap.schema.Scalar.LANGUAGE;
import static org.reap.schema.Scalar.MONTH;
import static org.reap.schema.Scalar.NUMBER;
import static org.reap.schema.Scalar.PATH;
import static org.reap.schema.Scalar.STRING;
import static org.reap.schema.Scalar.TEXT;
import static org.reap.schema.Scalar.URL;
import static org.reap.schema.Scalar.WHEN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every document kind reap reads, and every field of each. This is the one definition: the binder
 * checks files against it, {@code reap schema} turns it into JSON Schema, and docs/kinds.md is
 * generated from it.
 */
public final class Kinds {
  public static final int SCHEMA_VERSION = 1;

  /** Milestone, task and phase statuses. */
  public static final List<String> STATUSES =
      List.of("planned", "in-progress", "done", "at-risk", "missed", "dropped");

  /** Outcome statuses in the outcome matrix. */
  public static final List<String> OUTCOME_STATUSES =
      List.of("not-started", "emerging", "in-progress", "achieved", "at-risk", "not-met");

  public static final List<String> STAGES = List.of("developing", "implementing", "sustaining");

  public static final List<String> AREAS = List.of("normalize", "organize", "operationalize");

  public static final List<String> SECTION_TYPES =
      List.of(
          "issue-detail",
          "policy-considerations",
          "economic-impacts",
          "environmental-considerations",
          "sustainability",
          "commission-action",
          "rationale",
          "financial-considerations",
          "local-business-enterprise",
          "racial-equity-analysis",
          "background",
          "other");

  public static final List<String> ATTACHMENT_STATUSES =
      List.of("final", "pending", "revised", "withdrawn");

  public static final List<String> CADENCE_UNITS = List.of("week", "month", "quarter", "year");

  /**
   * Text fields that are for editors and never printed, as "group.field" ("*.field" for every
   * group). A test fails for any other text field that no default template prints.
   */
  public static final java.util.Set<String> EDITOR_ONLY =
      java.util.Set.of(
          "*.source_note",
          "*.source",
          "plan.notes",
          "milestones.notes",
          "outcome-matrix.notes",
          "indicators.notes",
          "findings.notes",
          "equity-analysis.notes",
          "agenda-item.notes",
          "milestone.notes",
          "milestone.date_as_written",
          "*.translation_notice");

  private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

  public record Kind(String name, ObjType root, String summary) {}

  // ---- shared pieces -------------------------------------------------------------------------

  static final ObjType STATEMENT =
      new ObjType(
          "statement",
          "statements",
          "A point, optionally with a bold lead-in, a date and points under it. Written as plain text when it is only text.");

  static {
    STATEMENT
        .opt("label", STRING, "The point's number or letter as printed (\"a\", \"2\", \"iii\").")
        .opt("lead", STRING, "The bold words that open the point (\"Accountability\").")
        .opt("text", TEXT, "The point itself.")
        .opt("date", WHEN, "When it happened, where the source gives a date.")
        .opt("items", new ListType(STATEMENT), "Points under this one.")
        .shorthand("text");
  }

  static final ListType STATEMENTS = new ListType(STATEMENT);

  static final ObjType PERSON =
      new ObjType("person", "people", "A person: a contact, presenter, member or staff.")
          .req("name", STRING, "Full name.")
          .opt("title", STRING, "Job title or seat (\"District 8, Co-chair\").")
          .opt("organization", STRING, "Office, department or organisation.")
          .opt("phone", STRING, "Telephone number as it should be printed.")
          .opt("email", EMAIL, "Email address.")
          .shorthand("name");

  static final ObjType LEAD =
      new ObjType(
              "lead",
              "leads",
              "Who leads an action: a work team by reference, or a body named in words.")
          .opt("team", ScalarType.ref("team"), "The work team, by id.")
          .opt(
              "name",
              STRING,
              "The body as the source names it (\"Human Resources\", \"Office of Racial Equity\").")
          .shorthand("name");

  static final ObjType ACTION_DELIVERABLE =
      new ObjType(
              "action-deliverable",
              "action deliverables",
              "Something an action delivers, with its own status and due date.")
          .req("text", TEXT, "What is delivered.")
          .opt(
              "status",
              ScalarType.oneOf(STATUSES.toArray(String[]::new)),
              "Where it stands (a city's own word where the settings file maps it).")
          .opt(
              "due",
              WHEN,
              "When it is due; fiscal years allowed where the settings file sets them.")
          .opt("completed", WHEN, "When it was done.")
          .shorthand("text");

  static final ObjType FUNDING =
      new ObjType("funding", "funding sources", "Money committed to an action.")
          .req(
              "source",
              STRING,
              "Where the money comes from, as written (\"Overhead\", \"General Fund\").")
          .opt("amount", NUMBER, "How much, in dollars, where the source gives it.")
          .opt("note", STRING, "Anything else, printed with it.")
          .shorthand("source");

  static final ObjType RESOURCES =
      new ObjType("resources", "resources", "Resources committed to an action.")
          .opt(
              "staff_time", STRING, "The level of staff time, as written (\"High\", \"Moderate\").")
          .opt("financial", new ListType(FUNDING), "Money: its sources and amounts.")
          .opt("text", TEXT, "Resources in words, where the source gives them so.");

  static final ObjType TASK =
      new ObjType(
              "task",
              "tasks",
              "A task or action under an objective or a work team: one row of an action table.")
          .opt("id", ID, "Id, so milestones can point at it.")
          .opt("label", STRING, "The task's letter or number as printed (\"a\").")
          .opt(
              "number",
              STRING,
              "The action's number as printed (\"6.2.1\"); printed in the action table.")
          .req("text", TEXT, "What is to be done.")
          .opt(
              "when",
              WHEN,
              "Its timeline: a date, a span (2021-07/2022-06) or, where the settings file sets a fiscal year, FY2021-22.")
          .opt("team", ScalarType.ref("team"), "The work team responsible.")
          .opt(
              "leads",
              new ListType(LEAD),
              "Who leads it, where more than one team or a named body: each a team id (team: ...) or a name.")
          .opt(
              "deliverables",
              new ListType(ACTION_DELIVERABLE),
              "What it delivers, each with its own status and due date.")
          .opt("resources", RESOURCES, "Resources committed: staff time and money.")
          .opt(
              "indicators",
              new ListType(ScalarType.ref("indicator")),
              "Indicators that measure it, by id in an indicators file.")
          .opt(
              "status",
              ScalarType.oneOf(STATUSES.toArray(String[]::new)),
              "Where it stands; a city's own word (\"Ongoing\") where the settings file maps it, printed as written.")
          .opt("due", WHEN, "When it is due.")
          .opt("completed", WHEN, "When it was done.")
          .opt("items", STATEMENTS, "Parts of the task (\"i. Narrative\").")
          .opt("notes", TEXT, "Anything else: resources to consider, who may help.")
          .shorthand("text");

  static final ObjType PERIOD =
      new ObjType("period", "periods", "A span of time with the label a document uses for it.")
          .req("when", WHEN, "The span, such as 2024-01/2024-12.")
          .opt("label", STRING, "How the source names it (\"Fall 2021 (Sept-Dec)\").");

  private static ObjType header(String kind) {
    return new ObjType(kind, kind + " documents", "")
        .req("reap", INTEGER, "Schema version; always 1 for now.")
        .req("kind", ScalarType.oneOf(kind), "The kind of document.")
        .req("id", ID, "Unique id of this document; output files are named after it.")
        .req("title", STRING, "Title as printed.")
        .opt("language", LANGUAGE, "Language of the text (default en).")
        .opt(
            "publish_in",
            new ListType(ScalarType.of(LANGUAGE)),
            "Other languages this document is published in, such as [es, vi]: reap validate warns about text without a translation into each, and reap render --lang all makes one file per language. A document without it follows its plan's.")
        .opt(
            "translation_notice",
            STRING,
            "The banner a translated copy carries (default: \"Translation — the English version is the official record.\" in the copy's language); give it per language like any text: {en: ..., es: ..., vi: ...}; a language without one gets the default in its own words.")
        .opt("source", STRING, "Where this was transcribed from.")
        .opt(
            "notes",
            TEXT,
            "Notes for editors on the document as a whole, such as what the source leaves unclear; not printed.");
  }

  private static void register(ObjType root, String summary) {
    KINDS.put(root.name(), new Kind(root.name(), root, summary));
  }

  // ---- plan ----------------------------------------------------------------------------------

  static {
    ObjType goal =
        new ObjType("goal", "goals", "An equity goal.")
            .req("id", ID, "Id.")
            .opt("number", STRING, "Number as printed (\"1\").")
            .req("title", STRING, "Short name.")
            .opt("statement", TEXT, "The goal in full.");
    ObjType strategy =
        new ObjType("strategy", "strategies", "An overall strategy.")
            .opt("id", ID, "Id.")
            .req("title", STRING, "Name of the strategy.")
            .opt("description", TEXT, "What it means.")
            .shorthand("title");
    ObjType objective =
        new ObjType("objective", "objectives", "An objective of the plan, with its tasks.")
            .req("id", ID, "Id.")
            .opt("number", STRING, "Number as printed.")
            .req("title", TEXT, "The objective.")
            .opt("description", TEXT, "More on the objective.")
            .opt(
                "goals",
                new ListType(ScalarType.ref("goal")),
                "The goals it serves, by id; it is printed under the first.")
            .opt(
                "questions",
                new ListType(ScalarType.of(STRING)),
                "Questions the objective must answer.")
            .opt("tasks", new ListType(TASK), "Tasks.")
            .opt("notes", TEXT, "Notes.");
    ObjType phase =
        new ObjType("phase", "phases", "A phase of a deliverable's timeline.")
            .req("title", STRING, "What happens (\"Design & hold listening sessions\").")
            .req("when", WHEN, "When (\"2024-04/2024-06\").")
            .opt("status", ScalarType.oneOf(STATUSES.toArray(String[]::new)), "Where it stands.")
            .opt("notes", TEXT, "Notes printed with the phase.");
    ObjType deliverable =
        new ObjType("deliverable", "deliverables", "A deliverable with its phased timeline.")
            .req("id", ID, "Id; milestones point at it.")
            .opt("number", STRING, "Number as printed.")
            .req("title", STRING, "Name.")
            .opt("description", TEXT, "What it is.")
            .opt("status", ScalarType.oneOf(STATUSES.toArray(String[]::new)), "Where it stands.")
            .opt(
                "completed",
                PERIOD,
                "When it was completed, with the label the source uses (\"Fall 2023\").")
            .opt(
                "timeline_note",
                STRING,
                "A note on the timeline (\"Timeline and details pending City capacity\").")
            .opt("phases", new ListType(phase), "Phases, in order.")
            .opt("notes", TEXT, "Notes printed with the deliverable.");
    ObjType partner =
        new ObjType(
                "partner",
                "partners",
                "A partner in the work and its role (the circle of partnership).")
            .opt("id", ID, "Id.")
            .req("name", STRING, "Name.")
            .opt("short", STRING, "Short name or acronym (\"REA\").")
            .opt("role", TEXT, "Its role.")
            .opt("url", URL, "Web site.")
            .opt("address", STRING, "Postal address, as printed (a letterhead's or footer's).")
            .opt("contact", PERSON, "Who to contact.")
            .opt("items", STATEMENTS, "Points about the partner.")
            .shorthand("name");
    ObjType team =
        new ObjType("team", "teams", "A work team.")
            .req("id", ID, "Id; tasks and milestones point at it.")
            .req("name", STRING, "Name.")
            .opt("purpose", TEXT, "What the team is responsible for.")
            .opt(
                "functions",
                new ListType(ScalarType.of(STRING)),
                "Its purposes and functions, as a list.")
            .opt("members", new ListType(PERSON), "Members.")
            .opt("approach", TEXT, "How it works (\"Using research of existing legislation...\").")
            .opt("outputs", new ListType(ScalarType.of(STRING)), "What it produces.")
            .opt("tasks", new ListType(TASK), "Its tasks.");
    ObjType meeting =
        new ObjType(
                "meeting",
                "meetings",
                "A standing meeting; hours per month are worked out from its length and cadence.")
            .opt("id", ID, "Id.")
            .req("name", STRING, "Name.")
            .opt("participants", STRING, "Who attends.")
            .opt("length", DURATION, "How long one meeting is (\"2 hours\", \"3 days\").")
            .opt(
                "hours_per_day",
                NUMBER,
                "Hours a day counts as when length is in days (default 8).")
            .opt("times", NUMBER, "How many times per period.")
            .opt("per", ScalarType.oneOf(CADENCE_UNITS.toArray(String[]::new)), "The period.")
            .opt("estimated", BOOLEAN, "yes where the cadence is an estimate.")
            .opt(
                "schedule",
                new ListType(ScalarType.of(STRING)),
                "When it meets (\"first Tuesday of the month\").")
            .opt(
                "stated_hours_per_month",
                NUMBER,
                "Hours per month as the source states them; checked against the worked-out figure.")
            .opt("note", STRING, "Anything else (\"plus prep time\").");
    ObjType accomplishment =
        new ObjType(
                "accomplishment-period",
                "accomplishment periods",
                "What was accomplished in one period.")
            .opt(
                "group",
                STRING,
                "Heading the period falls under (\"Racial Equity Alliance - Origin\").")
            .req("period", PERIOD, "The period.")
            .req("items", STATEMENTS, "What was accomplished.");
    ObjType session =
        new ObjType(
                "learning-session", "learning sessions", "A learning session with its benchmarks.")
            .req("id", ID, "Id.")
            .opt("number", STRING, "Number as printed.")
            .req("title", STRING, "Title.")
            .opt("when", WHEN, "Dates (XXXX for a year the source does not give).")
            .opt("description", TEXT, "What happens.")
            .opt("benchmarks", new ListType(ScalarType.of(STRING)), "Benchmarks.");
    ObjType resultList =
        new ObjType("result-list", "result lists", "A list of results with its lead-in sentence.")
            .opt("lead", STRING, "The sentence before the list.")
            .req("items", STATEMENTS, "The results.");
    ObjType section =
        new ObjType(
                "section", "sections", "A section of narrative: context, background, definitions.")
            .opt("id", ID, "Id.")
            .req("heading", STRING, "Heading.")
            .opt("text", TEXT, "Text.")
            .opt("items", STATEMENTS, "Points.")
            .opt(
                "shows",
                ScalarType.oneOf("deliverables", "meetings", "desired_results"),
                "A part of the plan that the source prints in this section, after its text and points (the deliverables' or the meetings' table, the desired results): it is printed here, and not in a section of its own.")
            .opt("text_after", TEXT, "Text printed after what the section shows.");
    ObjType transmittal =
        new ObjType("transmittal", "transmittals", "The memo a plan was sent under.")
            .opt("to", new ListType(ScalarType.of(STRING)), "Addressees.")
            .opt("from", new ListType(ScalarType.of(STRING)), "Senders.")
            .opt("date", DATE, "Date of the memo.")
            .opt("text", TEXT, "Opening text.")
            .opt("attachments", STATEMENTS, "Attachments it lists.");
    ObjType plan =
        header("plan")
            .req(
                "jurisdiction",
                STRING,
                "City, county or other government (\"City of Sacramento\").")
            .opt("body", STRING, "The body or office that owns the plan.")
            .opt("prepared_by", STRING, "Team or office that prepared it.")
            .opt("subtitle", STRING, "Subtitle.")
            .opt(
                "period",
                PERIOD,
                "The period the plan covers; dated entries outside it are flagged.")
            .opt("revised", DATE, "Date of the current revision.")
            .opt("summary", TEXT, "Summary.")
            .opt("vision", TEXT, "Vision.")
            .opt("mission", TEXT, "Mission.")
            .opt("transmittal", transmittal, "The memo the plan was sent under.")
            .opt(
                "context",
                new ListType(section),
                "Narrative sections: context, background, definitions.")
            .opt("goals", new ListType(goal), "Equity goals.")
            .opt("strategies", new ListType(strategy), "Overall strategies.")
            .opt("desired_results", resultList, "Desired results.")
            .opt("objectives", new ListType(objective), "Objectives with their tasks.")
            .opt("deliverables", new ListType(deliverable), "Deliverables with phased timelines.")
            .opt("partners", new ListType(partner), "Partners and their roles.")
            .opt("teams", new ListType(team), "Work teams.")
            .opt("projects", STATEMENTS, "Priority projects and programs.")
            .opt("meetings", new ListType(meeting), "Standing meetings.")
            .opt("learning_sessions", new ListType(session), "Learning sessions.")
            .opt("accomplishments", new ListType(accomplishment), "Accomplishments by period.")
            .opt(
                "accomplishments_title",
                STRING,
                "The accomplishments' own title, as printed (\"Sacramento Racial Equity Alliance and Racial Equity Council History & Accomplishments\").")
            .opt(
                "accomplishments_marking",
                STRING,
                "A marking printed with the accomplishments' title (\"DRAFT\").")
            .opt("conditions", STATEMENTS, "Conditions that affect outcomes.")
            .opt("contacts", new ListType(PERSON), "Who to contact with questions about the plan.");
    register(
        plan,
        "A racial equity action plan or work plan: goals, strategies, objectives and tasks, deliverables, partners, teams, meetings, learning sessions, accomplishments.");
  }

  // ---- milestones ----------------------------------------------------------------------------

  static {
    ObjType milestone =
        new ObjType("milestone", "milestones", "One row of a timeline.")
            .opt("id", ID, "Id (optional; lets reports follow a milestone when it is re-dated).")
            .opt(
                "month",
                MONTH,
                "The month it is listed under, where that differs from its date or the date is TBD.")
            .req("date", WHEN, "When: a day, a month, a range or TBD.")
            .opt(
                "date_as_written",
                STRING,
                "For editors: the date exactly as the source prints it, where it was corrected or read; not printed by the built-in templates.")
            .req("title", TEXT, "The milestone.")
            .opt("owner", STRING, "Who owns it, in words.")
            .opt("team", ScalarType.ref("team"), "The work team that owns it.")
            .opt("deliverable", ScalarType.ref("deliverable"), "The deliverable it serves.")
            .opt("objective", ScalarType.ref("objective"), "The objective it serves.")
            .opt("task", ScalarType.ref("task"), "The task it completes.")
            .opt(
                "partnership",
                BOOLEAN,
                "yes where it is an opportunity for partnership (the checkbox column).")
            .opt(
                "status",
                ScalarType.oneOf(STATUSES.toArray(String[]::new)),
                "Where it stands; when it is left out the documents say \"No status reported\", never overdue.")
            .opt("completed", WHEN, "When it was done.")
            .opt("notes", TEXT, "For editors; not printed by the built-in templates.");
    ObjType root =
        header("milestones")
            .opt("plan", ScalarType.ref("plan"), "The plan this timeline belongs to.")
            .opt(
                "partnership_label",
                STRING,
                "Heading of the partnership column (\"Opportunities for City Partnership\").")
            .opt("revised", DATE, "Date of the current revision.")
            .req(
                "entries",
                new ListType(milestone),
                "The milestones, in the order the source lists them.");
    register(
        root, "A timeline: dated milestones with owner, deliverable, partnership flag and status.");
  }

  // ---- outcome matrix ------------------------------------------------------------------------

  static {
    ObjType outcome = new ObjType("outcome", "outcomes", "An outcome in one cell of the matrix.");
    outcome
        .opt("id", ID, "Id, so indicators and reports can point at it.")
        .req("text", TEXT, "The outcome.")
        .opt(
            "status", ScalarType.oneOf(OUTCOME_STATUSES.toArray(String[]::new)), "Where it stands.")
        .opt("evidence", TEXT, "What shows the status.")
        .opt("indicators", new ListType(ScalarType.ref("indicator")), "Indicators that measure it.")
        .opt("items", new ListType(outcome), "Outcomes under this one.")
        .shorthand("text");
    ObjType area =
        new ObjType(
                "action-area",
                "action areas",
                "One row of the matrix: an action area with its actions and outcomes by stage.")
            .req("area", ScalarType.oneOf(AREAS.toArray(String[]::new)), "The GARE action area.")
            .opt("label", STRING, "The row label as printed, where it differs.")
            .opt("actions", STATEMENTS, "Actions.")
            .opt("developing", new ListType(outcome), "Outcomes at the developing stage.")
            .opt("implementing", new ListType(outcome), "Outcomes at the implementing stage.")
            .opt("sustaining", new ListType(outcome), "Outcomes at the sustaining stage.")
            .opt("notes", TEXT, "Notes on this row.");
    ObjType conditions =
        new ObjType("conditions", "conditions", "Conditions that affect outcomes.")
            .opt("prompt", STRING, "The question the matrix asks.")
            .opt("items", STATEMENTS, "The conditions.");
    ObjType root =
        header("outcome-matrix")
            .opt("plan", ScalarType.ref("plan"), "The plan it belongs to.")
            .opt("jurisdiction", STRING, "Jurisdiction.")
            .opt(
                "credit",
                STRING,
                "Whose matrix it is, printed under the title (\"Government Alliance on Race and Equity (GARE)\").")
            .opt(
                "stages_heading",
                STRING,
                "A heading printed over the stage columns, as printed (\"Outcomes:\").")
            .req("areas", new ListType(area), "Rows: normalize, organize, operationalize.")
            .opt("conditions", conditions, "Conditions that affect outcomes.");
    register(
        root,
        "Actions and outcomes by GARE action area (normalize, organize, operationalize) and stage (developing, implementing, sustaining).");
  }

  // ---- indicators ----------------------------------------------------------------------------

  static {
    MapType groups = new MapType(ScalarType.of(NUMBER), "group (race/ethnicity)");
    ObjType cell =
        new ObjType(
                "breakdown-cell",
                "breakdown cells",
                "One value for one group, or one combination of groups across several dimensions (race × gender).")
            .req(
                "by",
                new MapType(ScalarType.of(STRING), "dimension"),
                "The group in each dimension, by the dimension's key: {race: Black, gender: Women}.")
            .req("value", NUMBER, "The value for that group.");
    ObjType point =
        new ObjType("measure", "measures", "A value at a date, optionally by group.")
            .req("date", WHEN, "When it was measured or is due.")
            .opt("value", NUMBER, "The value for everyone.")
            .opt(
                "text",
                STRING,
                "The value in words, for an indicator without a unit (\"Ordinance adopted\", \"Draft in review\").")
            .opt(
                "groups",
                groups,
                "The value by race/ethnicity (the dimension with key race, where the indicator declares one).")
            .opt(
                "breakdown",
                new ListType(cell),
                "Values by group in any declared dimension, and cross-tabulated across several.")
            .opt("note", STRING, "Note.");
    ObjType dimension =
        new ObjType(
                "dimension",
                "dimensions",
                "A way the observations are broken down: race/ethnicity, gender, bureau, job class.")
            .req("key", ID, "Key the breakdown cells use (\"race\", \"gender\", \"bureau\").")
            .opt("label", STRING, "Name as printed (\"Gender\"); default the key.")
            .opt(
                "values",
                new ListType(ScalarType.of(STRING)),
                "The groups, in the order printed; where given, a breakdown may only use these.")
            .opt(
                "adds_up",
                BOOLEAN,
                "yes where the groups together make up everyone, so they must add up to the total (reap warns where they do not).");
    ObjType indicator =
        new ObjType(
                "indicator",
                "indicators",
                "Something measured, with baseline, target and observations.")
            .req("id", ID, "Id; outcomes point at it.")
            .req("name", STRING, "What is measured.")
            .opt("description", TEXT, "More on it.")
            .opt(
                "unit",
                STRING,
                "Unit (\"percent\", \"people\", \"days\"); leave it out for a qualitative indicator, whose measures are words (\"text\").")
            .opt(
                "polarity",
                ScalarType.oneOf("higher-is-better", "lower-is-better"),
                "Which direction is better.")
            .opt(
                "dimensions",
                new ListType(dimension),
                "The ways the observations are broken down, in the order printed.")
            .opt(
                "tolerance",
                NUMBER,
                "How far groups that add up may be from the total before reap warns (rounding); default 0.")
            .opt("baseline", point, "Baseline.")
            .opt("target", point, "Target, with its date.")
            .opt("observations", new ListType(point), "Observations over time, oldest first.")
            .opt("source", STRING, "Where the data comes from.")
            .opt("goal", ScalarType.ref("goal"), "The goal it tracks.")
            .opt("notes", TEXT, "Notes.");
    ObjType root =
        header("indicators")
            .opt("plan", ScalarType.ref("plan"), "The plan it belongs to.")
            .req("indicators", new ListType(indicator), "The indicators.");
    register(
        root,
        "Indicators: what is measured, unit (none for a qualitative indicator), polarity, baseline, target, observations (optionally by race/ethnicity, or by several dimensions cross-tabulated), source.");
  }

  // ---- findings ------------------------------------------------------------------------------

  static {
    ObjType theme =
        new ObjType("theme", "themes", "A theme heard, with the statements under it.")
            .opt("id", ID, "Id.")
            .req("title", STRING, "The theme (\"SCHOOLS\").")
            .opt("note", STRING, "A note on the theme.")
            .opt("statements", STATEMENTS, "What was said, condensed.");
    ObjType question =
        new ObjType("question", "questions", "A question asked, and the themes heard.")
            .opt("id", ID, "Id.")
            .opt("number", STRING, "Number of the section as printed.")
            .req("heading", STRING, "The section heading (\"Does racism exist in Sacramento?\").")
            .opt("label", STRING, "The question's label as printed (\"Q 0\").")
            .opt("asked", STRING, "The question as asked.")
            .opt("note", STRING, "Where or how it was asked (\"Only used in CBO sessions\").")
            .opt(
                "statements",
                STATEMENTS,
                "What was said, where the source lists it under no theme.")
            .opt(
                "themes_lead",
                STRING,
                "A line printed over the themes, which each complete it (\"YES, THERE IS RACISM IN\", \"INVEST IN:\").")
            .opt("themes", new ListType(theme), "Themes heard.");
    ObjType session =
        new ObjType("engagement-session", "engagement sessions", "A session held.")
            .opt("id", ID, "Id.")
            .opt("title", STRING, "Name.")
            .opt("when", WHEN, "When.")
            .opt("location", STRING, "Where.")
            .opt("audience", STRING, "Who took part.")
            .opt("participants", INTEGER, "How many took part.")
            .opt("languages", new ListType(ScalarType.of(STRING)), "Languages offered.");
    ObjType engagement =
        new ObjType("engagement", "engagements", "The sessions held, in summary.")
            .opt("count", INTEGER, "How many sessions were held.")
            .opt("when", WHEN, "When they were held.")
            .opt("focus", TEXT, "Who they focused on.")
            .opt("hosts", new ListType(ScalarType.of(STRING)), "Who hosted.")
            .opt(
                "collaborators", new ListType(ScalarType.of(STRING)), "Who they collaborated with.")
            .opt("sessions", new ListType(session), "Each session, where known.");
    ObjType root =
        header("findings")
            .opt("plan", ScalarType.ref("plan"), "The plan it informs.")
            .opt(
                "subtitle",
                STRING,
                "Subtitle: who was heard, where and when (\"Sacramento Community Listening Sessions, Summer 2024\"); the document's title joins it to the title.")
            .opt(
                "subheading",
                STRING,
                "A further line under the subtitle, as printed (\"Data Analysis Overview\").")
            .opt("presented_by", STRING, "Who presents it.")
            .opt("summary", TEXT, "What this summary is.")
            .opt("method", TEXT, "How the feedback was gathered and condensed.")
            .opt("engagement", engagement, "The sessions held.")
            .req("questions", new ListType(question), "Questions and what was heard.");
    register(
        root,
        "A community engagement summary (\"What We Heard\"): sessions held, questions asked, themes and statements.");
  }

  // ---- equity analysis -----------------------------------------------------------------------

  static {
    ObjType proposal =
        new ObjType("proposal", "proposals", "What the analysis is about.")
            .req("title", STRING, "Name of the proposal.")
            .req(
                "type",
                ScalarType.oneOf("policy", "program", "practice", "budget-decision"),
                "What kind of decision it is.")
            .opt("description", TEXT, "What it would do.");
    ObjType measure =
        new ObjType(
                "analysis-measure",
                "analysis measures",
                "A community indicator or performance measure: in words, by reference to an indicator, or both.")
            .opt(
                "text",
                TEXT,
                "The measure in words (\"Share of homeowners of color in the three neighbourhoods\").")
            .opt(
                "indicator",
                ScalarType.ref("indicator"),
                "The indicator that tracks it; its figures are printed.")
            .shorthand("text");
    ObjType data =
        new ObjType(
                "analysis-data",
                "data sections",
                "Step 2, data: who is affected, the gaps, what is missing.")
            .opt("affected", TEXT, "Who is affected, by race and place.")
            .opt("gaps", TEXT, "Where the gaps are.")
            .opt("missing", TEXT, "What data is missing and how it will be found.");
    ObjType activity =
        new ObjType(
                "engagement-activity",
                "engagement activities",
                "One step of the community engagement plan.")
            .req("activity", TEXT, "What will be done (\"Listening session with tenant groups\").")
            .opt("audience", STRING, "Who it reaches.")
            .opt("when", WHEN, "When.")
            .opt("responsible", STRING, "Who leads it.")
            .opt("notes", TEXT, "Notes printed with it.");
    ObjType engagement =
        new ObjType("analysis-engagement", "engagement sections", "Step 3, community engagement.")
            .opt("who", TEXT, "Who was engaged.")
            .opt("how", TEXT, "How.")
            .opt("heard", TEXT, "What they said.")
            .opt(
                "opportunities",
                TEXT,
                "Opportunities to expand engagement: who has not been reached, and how they could be.")
            .opt(
                "plan",
                new ListType(activity),
                "The community engagement plan: what will be done, with whom, when, led by whom.");
    ObjType analysis =
        new ObjType(
                "analysis-strategies",
                "analysis sections",
                "Step 4, analysis and strategies for racial equity.")
            .opt("root_causes", TEXT, "Root causes of the inequities.")
            .opt("benefits", TEXT, "Who benefits.")
            .opt("burdens", TEXT, "Who is burdened.")
            .opt("mitigation", TEXT, "How burdens are mitigated.")
            .opt("strategies", STATEMENTS, "Strategies to advance racial equity.")
            .opt("short_term_strategies", STATEMENTS, "Short-term strategies.")
            .opt("long_term_strategies", STATEMENTS, "Long-term strategies.");
    ObjType step =
        new ObjType(
                "implementation-step",
                "implementation steps",
                "One step of the implementation plan, with its date and who is responsible.")
            .req("action", TEXT, "What will be done.")
            .opt("when", WHEN, "When (\"2025-07\", \"2025-07/2026-06\").")
            .opt("responsible", STRING, "Who is responsible, in words.")
            .opt("team", ScalarType.ref("team"), "The work team responsible.")
            .opt("resources", STRING, "Resources it needs.")
            .opt("notes", TEXT, "Notes printed with it.");
    ObjType implementation =
        new ObjType(
                "analysis-implementation",
                "implementation sections",
                "Step 5, implementation plan.")
            .opt("resources", TEXT, "Resources.")
            .opt("timeline", TEXT, "Timeline.")
            .opt("responsible", TEXT, "Who is responsible.")
            .opt(
                "steps",
                new ListType(step),
                "The plan step by step, each with its date and who is responsible.");
    ObjType accountability =
        new ObjType(
                "analysis-accountability",
                "accountability sections",
                "Step 6, accountability and communication.")
            .opt("measures", TEXT, "How results are measured.")
            .opt("reporting", TEXT, "How results are reported back to the community.")
            .opt("communication", TEXT, "The messages and how they will reach the community.")
            .opt(
                "indicators",
                new ListType(ScalarType.ref("indicator")),
                "Indicators used; their figures are printed.");
    ObjType root =
        header("equity-analysis")
            .opt("plan", ScalarType.ref("plan"), "The plan it belongs to.")
            .opt("prepared_by", STRING, "Who prepared it.")
            .opt("date", DATE, "Date.")
            .req("proposal", proposal, "The proposal analysed.")
            .opt("desired_results", STATEMENTS, "Step 1: desired results (community conditions).")
            .opt(
                "community_indicators",
                new ListType(measure),
                "Step 1: community indicators that quantify the desired results.")
            .opt("outcomes", STATEMENTS, "Step 1: desired outcomes (what the proposal changes).")
            .opt(
                "performance_measures",
                new ListType(measure),
                "Step 1: performance measures for the outcomes.")
            .opt("data", data, "Step 2: data.")
            .opt("engagement", engagement, "Step 3: community engagement.")
            .opt("analysis", analysis, "Step 4: analysis and strategies.")
            .opt("implementation", implementation, "Step 5: implementation plan.")
            .opt("accountability", accountability, "Step 6: accountability and communication.");
    register(
        root,
        "A Racial Equity Tool worksheet for one proposal (policy, program, practice or budget decision), in the six steps of the GARE toolkit: desired results and outcomes, data, community engagement, analysis and strategies, implementation plan, accountability and communication.");
  }

  // ---- agenda item ---------------------------------------------------------------------------

  static {
    ObjType committee =
        new ObjType(
                "committee", "committees", "The body that meets, as its agenda header prints it.")
            .req("name", STRING, "Name (\"Racial Equity Committee\").")
            .req("jurisdiction", STRING, "Government (\"City of Sacramento\").")
            .opt("members", new ListType(PERSON), "Members, in the order printed.")
            .opt("staff", new ListType(PERSON), "Committee staff.")
            .opt("address", STRING, "Meeting place address.")
            .opt("publisher", STRING, "Who publishes the agenda (\"Office of the City Clerk\").")
            .opt("phone", STRING, "Publisher's telephone.");
    ObjType meeting =
        new ObjType("meeting-date", "meetings", "The meeting the item is on.")
            .req("date", DATE, "Date of the meeting.")
            .opt("time", STRING, "Time, as printed.")
            .opt("place", STRING, "Room or place.");
    ObjType item =
        new ObjType("item-number", "item numbers", "The item's place on the agenda.")
            .req("type", STRING, "Type (\"Discussion Item\", \"Consent\").")
            .req("number", STRING, "Number (\"4\").");
    ObjType attachment =
        new ObjType("attachment", "attachments", "A numbered attachment.")
            .req("number", STRING, "Number as printed (\"1\", \"B1\").")
            .req("title", STRING, "Title.")
            .opt(
                "status",
                ScalarType.oneOf(ATTACHMENT_STATUSES.toArray(String[]::new)),
                "final, pending (to be provided: TBD), revised or withdrawn; none is printed when none is given.")
            .opt("in_memo", BOOLEAN, "yes for the Description/Analysis printed in this memo.")
            .opt("document", ScalarType.ref("document"), "A reap document that is the attachment.")
            .opt("file", PATH, "A file in the repository that is the attachment (a PDF).")
            .opt(
                "supplemental",
                BOOLEAN,
                "yes where the attachment was added or revised as supplemental material after the agenda was published.")
            .opt("note", STRING, "A note printed with it.")
            .opt(
                "availability",
                STRING,
                "Where readers get it while the repository holds no file for it, as the memo and the packet print it (\"To be distributed at the meeting\"); by default the packet says \"Available from the\" committee's publisher.");
    ObjType section =
        new ObjType(
                "memo-section",
                "memo sections",
                "A section of the description/analysis, in the body's order.")
            .req(
                "type",
                ScalarType.oneOf(SECTION_TYPES.toArray(String[]::new)),
                "Which section; sets the heading.")
            .opt(
                "heading",
                STRING,
                "Heading, where it differs from the usual one (required for other).")
            .req("text", TEXT, "The section.");
    ObjType supplemental =
        new ObjType(
                "supplemental",
                "supplementals",
                "Marks the item as supplemental material received after the agenda was published.")
            .req("description", TEXT, "What was added or revised.");
    ObjType root =
        header("agenda-item")
            .opt("plan", ScalarType.ref("plan"), "The plan the item concerns.")
            .req("committee", committee, "The committee.")
            .req("meeting", meeting, "The meeting.")
            .req("item", item, "Agenda item type and number.")
            .req("file_id", STRING, "The clerk's file ID (\"2024-01837\").")
            .opt(
                "department",
                STRING,
                "The department that brings the item (\"Office of Diversity and Equity\").")
            .opt("location", STRING, "Location (\"Citywide\", \"District 8\").")
            .req("recommendation", TEXT, "The recommendation.")
            .req("contact", PERSON, "The contact.")
            .opt("presenters", new ListType(PERSON), "Presenters.")
            .opt("supplemental", supplemental, "Set when this is supplemental material.")
            .opt("attachments", new ListType(attachment), "Attachments, in number order.")
            .opt("sections", new ListType(section), "The description/analysis.");
    register(
        root,
        "A committee staff report (agenda item): header, recommendation, contact, presenters, numbered attachments, description/analysis.");
  }

  static {
    // Every group of fields may carry a remark for editors that is never printed.
    java.util.Set<ObjType> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Kind k : KINDS.values()) {
      addSourceNote(k.root(), seen);
    }
  }

  private static void addSourceNote(Type t, java.util.Set<ObjType> seen) {
    switch (t) {
      case ObjType o -> {
        if (seen.add(o)) {
          List.copyOf(o.fields().values()).forEach(f -> addSourceNote(f.type(), seen));
          if (!o.fields().containsKey("source_note")) {
            o.opt(
                "source_note",
                TEXT,
                "A remark for editors (how this was read from the source, what is unclear); never printed.");
          }
        }
      }
      case ListType l -> addSourceNote(l.item(), seen);
      case MapType m -> addSourceNote(m.value(), seen);
      case ScalarType s -> {}
    }
  }

  private Kinds() {}

  public static Map<String, Kind> all() {
    return java.util.Collections.unmodifiableMap(KINDS);
  }

  public static Kind get(String name) {
    return KINDS.get(name);
  }

  /** Heading printed for a memo section type. */
  public static String sectionHeading(String type) {
    return switch (type) {
      case "issue-detail" -> "Issue Detail";
      case "policy-considerations" -> "Policy Considerations";
      case "economic-impacts" -> "Economic Impacts";
      case "environmental-considerations" -> "Environmental Considerations";
      case "sustainability" -> "Sustainability";
      case "commission-action" -> "Commission/Committee Action";
      case "rationale" -> "Rationale for Recommendation";
      case "financial-considerations" -> "Financial Considerations";
      case "local-business-enterprise" -> "Local Business Enterprise (LBE)";
      case "racial-equity-analysis" -> "Racial Equity Analysis";
      case "background" -> "Background";
      default -> "";
    };
  }
}
