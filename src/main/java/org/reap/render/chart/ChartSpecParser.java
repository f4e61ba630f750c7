package org.reap.render.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.reap.render.RenderException;
import org.reap.render.chart.JsonTree.Node;

/**
 * Reads a {@code data-chart} JSON specification into a {@link ChartSpec}, rejecting unknown fields,
 * wrong types and inconsistent data with a message that names the field.
 */
public final class ChartSpecParser {
  public static final int MAX_CATEGORIES = 200;
  public static final int MAX_SERIES = 12;
  public static final int MAX_TASKS = 300;
  public static final int MAX_TEXT = 300;

  private static final Set<String> CATEGORY_FIELDS =
      Set.of(
          "type",
          "title",
          "xLabel",
          "yLabel",
          "categories",
          "series",
          "target",
          "targetLabel",
          "yMax");
  private static final Set<String> SERIES_FIELDS = Set.of("name", "values");
  private static final Set<String> GANTT_FIELDS =
      Set.of("type", "title", "asOf", "asOfLabel", "tasks");
  private static final Set<String> TASK_FIELDS =
      Set.of("group", "name", "start", "end", "status", "statusLabel");
  private static final DateTimeFormatter AS_OF =
      DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH);

  private final String where;

  private ChartSpecParser(String where) {
    this.where = where;
  }

  /**
   * Parses one specification.
   *
   * @param json the data-chart attribute's value
   * @param where which chart this is, for messages (e.g. "chart 2 \"Budget by year\"")
   */
  public static ChartSpec parse(String json, String where) throws RenderException {
    return new ChartSpecParser(where).spec(JsonTree.read(json, where));
  }

  private ChartSpec spec(Node root) throws RenderException {
    Map<String, Node> obj = object(root, "the chart specification");
    Node typeNode = required(obj, "type");
    String type = text(typeNode, "type");
    return switch (type) {
      case "line" -> category(obj, CategoryChartSpec.Kind.LINE);
      case "bar" -> category(obj, CategoryChartSpec.Kind.BAR);
      case "gantt" -> gantt(obj);
      default ->
          throw fail(
              obj.get("type"),
              "Chart field \"type\" is \"" + type + "\"; use \"line\", \"bar\" or \"gantt\".");
    };
  }

  private CategoryChartSpec category(Map<String, Node> obj, CategoryChartSpec.Kind kind)
      throws RenderException {
    onlyFields(obj, CATEGORY_FIELDS, "a " + kind.name().toLowerCase(Locale.ROOT) + " chart");
    String title = optionalText(obj, "title");
    String xLabel = optionalText(obj, "xLabel");
    String yLabel = optionalText(obj, "yLabel");
    Node catsNode = required(obj, "categories");
    List<Node> cats = array(catsNode, "categories");
    if (cats.isEmpty() || cats.size() > MAX_CATEGORIES) {
      throw fail(
          catsNode,
          "Chart field \"categories\" must list 1 to "
              + MAX_CATEGORIES
              + " category names (e.g. years); it has "
              + cats.size()
              + ".");
    }
    List<String> categories = new ArrayList<>();
    Set<String> seenCats = new HashSet<>();
    for (int i = 0; i < cats.size(); i++) {
      String c = text(cats.get(i), "categories[" + i + "]");
      if (!seenCats.add(c)) {
        throw fail(
            cats.get(i),
            "Chart field \"categories\" lists \"" + c + "\" twice; names must differ.");
      }
      categories.add(c);
    }
    Node seriesNode = required(obj, "series");
    List<Node> seriesNodes = array(seriesNode, "series");
    if (seriesNodes.isEmpty() || seriesNodes.size() > MAX_SERIES) {
      throw fail(
          seriesNode,
          "Chart field \"series\" must have 1 to "
              + MAX_SERIES
              + " series; it has "
              + seriesNodes.size()
              + ".");
    }
    List<CategoryChartSpec.Series> series = new ArrayList<>();
    Set<String> seenNames = new HashSet<>();
    for (int i = 0; i < seriesNodes.size(); i++) {
      String field = "series[" + i + "]";
      Map<String, Node> s = object(seriesNodes.get(i), field);
      onlyFields(s, SERIES_FIELDS, field);
      String name = requiredText(s, "name", seriesNodes.get(i), field + ".name");
      if (!seenNames.add(name)) {
        throw fail(s.get("name"), "Two series are named \"" + name + "\"; names must differ.");
      }
      Node valuesNode = required(s, "values", seriesNodes.get(i), field + ".values");
      List<Node> vals = array(valuesNode, field + ".values");
      if (vals.size() != categories.size()) {
        throw fail(
            valuesNode,
            "Chart field \""
                + field
                + ".values\" has "
                + vals.size()
                + " values but there are "
                + categories.size()
                + " categories; give one value (or null)"
                + " per category.");
      }
      List<Double> values = new ArrayList<>();
      for (int j = 0; j < vals.size(); j++) {
        values.add(vals.get(j).isNull() ? null : number(vals.get(j), field + ".values[" + j + "]"));
      }
      series.add(new CategoryChartSpec.Series(name, values));
    }
    Node targetNode = obj.get("target");
    Double target = targetNode == null || targetNode.isNull() ? null : number(targetNode, "target");
    String targetLabel = optionalText(obj, "targetLabel");
    if (target == null && !targetLabel.isEmpty()) {
      throw fail(
          obj.get("targetLabel"),
          "Chart field \"targetLabel\" is set but \"target\" is not; add the"
              + " target value or remove the label.");
    }
    Node yMaxNode = obj.get("yMax");
    Double yMax = yMaxNode == null || yMaxNode.isNull() ? null : number(yMaxNode, "yMax");
    return new CategoryChartSpec(
        kind, title, xLabel, yLabel, categories, series, target, targetLabel, yMax);
  }

  private GanttChartSpec gantt(Map<String, Node> obj) throws RenderException {
    onlyFields(obj, GANTT_FIELDS, "a gantt chart");
    String title = optionalText(obj, "title");
    Node asOfNode = obj.get("asOf");
    LocalDate asOf = asOfNode == null || asOfNode.isNull() ? null : date(asOfNode, "asOf");
    String asOfLabel = optionalText(obj, "asOfLabel");
    if (asOf == null && !asOfLabel.isEmpty()) {
      throw fail(
          obj.get("asOfLabel"),
          "Chart field \"asOfLabel\" is set but \"asOf\" is not; add the date"
              + " (YYYY-MM-DD) or remove the label.");
    }
    if (asOf != null && asOfLabel.isEmpty()) {
      asOfLabel = "As of " + AS_OF.format(asOf);
    }
    Node tasksNode = required(obj, "tasks");
    List<Node> taskNodes = array(tasksNode, "tasks");
    if (taskNodes.isEmpty() || taskNodes.size() > MAX_TASKS) {
      throw fail(
          tasksNode,
          "Chart field \"tasks\" must list 1 to "
              + MAX_TASKS
              + " tasks; it has "
              + taskNodes.size()
              + ".");
    }
    List<GanttChartSpec.Task> tasks = new ArrayList<>();
    for (int i = 0; i < taskNodes.size(); i++) {
      String field = "tasks[" + i + "]";
      Node node = taskNodes.get(i);
      Map<String, Node> t = object(node, field);
      onlyFields(t, TASK_FIELDS, field);
      String group = optionalText(t, "group");
      String name = requiredText(t, "name", node, field + ".name");
      LocalDate start = date(required(t, "start", node, field + ".start"), field + ".start");
      LocalDate end = date(required(t, "end", node, field + ".end"), field + ".end");
      if (end.isBefore(start)) {
        throw fail(
            t.get("end"),
            "Task \""
                + name
                + "\" ends ("
                + end
                + ") before it starts ("
                + start
                + "); check "
                + field
                + ".start and .end.");
      }
      Node statusNode = required(t, "status", node, field + ".status");
      String statusText = text(statusNode, field + ".status");
      TaskStatus status =
          TaskStatus.fromCode(statusText)
              .orElseThrow(
                  () ->
                      fail(
                          statusNode,
                          "Task \""
                              + name
                              + "\" has status \""
                              + statusText
                              + "\"; use one of "
                              + String.join(", ", TaskStatus.codes())
                              + "."));
      String statusLabel = optionalText(t, "statusLabel");
      tasks.add(
          new GanttChartSpec.Task(
              group,
              name,
              start,
              end,
              status,
              statusLabel.isEmpty() ? status.label() : statusLabel));
    }
    return new GanttChartSpec(title, asOf, asOfLabel, tasks);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void onlyFields(Map<String, Node> obj, Set<String> allowed, String what)
      throws RenderException {
    for (Map.Entry<String, Node> e : obj.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw fail(
            e.getValue(),
            "Chart field \""
                + e.getKey()
                + "\" is not known in "
                + what
                + "; allowed fields: "
                + String.join(", ", allowed.stream().sorted().toList())
                + ".");
      }
    }
  }

  private Map<String, Node> object(Node node, String field) throws RenderException {
    if (node.value() instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Node> m = (Map<String, Node>) map;
      return m;
    }
    throw fail(node, "Chart field \"" + field + "\" must be a JSON object {...}.");
  }

  private List<Node> array(Node node, String field) throws RenderException {
    if (node.value() instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<Node> l = (List<Node>) list;
      return l;
    }
    throw fail(node, "Chart field \"" + field + "\" must be a JSON array [...].");
  }

  private Node required(Map<String, Node> obj, String name) throws RenderException {
    Node n = obj.get(name);
    if (n == null || n.isNull()) {
      throw new RenderException(
          "The chart specification has no \"" + name + "\" field; it is required.", where);
    }
    return n;
  }

  private Node required(Map<String, Node> obj, String name, Node parent, String field)
      throws RenderException {
    Node n = obj.get(name);
    if (n == null || n.isNull()) {
      throw fail(parent, "Chart field \"" + field + "\" is missing; it is required.");
    }
    return n;
  }

  private String requiredText(Map<String, Node> obj, String name, Node parent)
      throws RenderException {
    return requiredText(obj, name, parent, name);
  }

  private String requiredText(Map<String, Node> obj, String name, Node parent, String field)
      throws RenderException {
    String s = text(required(obj, name, parent, field), field);
    if (s.isBlank()) {
      throw fail(obj.get(name), "Chart field \"" + field + "\" is empty; it is required.");
    }
    return s;
  }

  private String optionalText(Map<String, Node> obj, String name) throws RenderException {
    Node n = obj.get(name);
    return n == null || n.isNull() ? "" : text(n, name);
  }

  private String text(Node node, String field) throws RenderException {
    if (node.value() instanceof String s) {
      if (s.length() > MAX_TEXT) {
        throw fail(
            node,
            "Chart field \""
                + field
                + "\" is longer than "
                + MAX_TEXT
                + " characters; shorten it.");
      }
      return s.strip();
    }
    throw fail(node, "Chart field \"" + field + "\" must be a string in double quotes.");
  }

  private double number(Node node, String field) throws RenderException {
    if (node.value() instanceof Double d && Double.isFinite(d)) {
      return d;
    }
    throw fail(node, "Chart field \"" + field + "\" must be a number (or null for no data).");
  }

  private LocalDate date(Node node, String field) throws RenderException {
    String s = text(node, field);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw fail(
          node, "Chart field \"" + field + "\" is \"" + s + "\"; write dates as YYYY-MM-DD.");
    }
  }

  private RenderException fail(Node node, String message) {
    return new RenderException(
        message, node == null ? where : where + ", data-chart " + node.where());
  }
}
