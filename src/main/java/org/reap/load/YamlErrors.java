package org.reap.load;

import org.reap.diagnostic.Diagnostic;
import org.reap.source.SourceFile;
import org.reap.source.Span;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Turns SnakeYAML's parser messages into ones a person who is not a programmer can act on. */
final class YamlErrors {
  private YamlErrors() {}

  static Diagnostic translate(SourceFile file, MarkedYAMLException e) {
    Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Span span = m == null ? Span.ofFile(file) : Span.at(file, m.getLine() + 1, m.getColumn() + 1);
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String lineText = span.hasPosition() ? file.line(span.line()) : "";

    if (problem.contains("'\\t'")
        || (span.hasPosition()
            && lineText.indexOf('\t') >= 0
            && problem.contains("cannot start any token"))) {
      int tab = lineText.indexOf('\t');
      Span at = tab >= 0 ? Span.at(file, span.line(), tab + 1) : span;
      return err(
          "yaml.tab",
          at,
          "a tab character is used for indentation here; YAML needs spaces",
          "replace the tab with spaces (two spaces for each level)");
    }
    if (problem.contains("mapping values are not allowed")) {
      String before =
          span.hasPosition()
              ? lineText.substring(0, Math.min(lineText.length(), span.column() - 1))
              : "";
      if (before.matches("\\s*(- +)*[^:#\"'\\[{-][^:#]*")) {
        // "owner:" at the start of a line that is indented further than the field above it: YAML
        // reads the line as more of that field's value, then trips over its colon.
        int indent = before.length() - before.stripLeading().length();
        return err(
            "yaml.indentation",
            Span.at(file, span.line(), indent + 1),
            "this line is indented further than the field above it, so it reads as part of that field's value",
            "start \""
                + before.strip()
                + ":\" in the same column as the other fields of its group; if the line is meant as more text, put the whole value in double quotes");
      }
      return err(
          "yaml.colon-in-value",
          span,
          "a colon followed by a space appears inside a value",
          "put the whole value in double quotes, for example: title: \"Phase 2: Resolution\"");
    }
    if (context.contains("quoted scalar") && problem.contains("end of stream")) {
      Mark c = e.getContextMark();
      Span at = c == null ? span : Span.at(file, c.getLine() + 1, c.getColumn() + 1);
      return err(
          "yaml.unclosed-quote",
          at,
          "a quote opened here is never closed",
          "add the closing quote at the end of the value");
    }
    if (problem.contains("Global tag is not allowed")) {
      String tag =
          problem.substring(problem.indexOf(':') + 1).trim().replace("tag:yaml.org,2002:", "!!");
      return err(
          "yaml.tag",
          span,
          "type tags such as " + tag + " are not used in reap files",
          "remove the tag; reap reads each value by what its field expects");
    }
    if ((context.contains("flow sequence") || context.contains("flow mapping"))
        && problem.contains("expected ','")
        && e.getContextMark() != null) {
      Mark c = e.getContextMark();
      boolean list = context.contains("sequence");
      return err(
          "yaml.syntax",
          Span.at(file, c.getLine() + 1, c.getColumn() + 1),
          (list
              ? "a list opened here with [ is not closed with ]"
              : "a group opened here with { is not closed with }"),
          (list
                  ? "add the closing ] at the end of the list, or write each item on its own line starting with \"- \""
                  : "add the closing } at the end, or write each field on its own line")
              + "; a value containing , [ ] { } needs double quotes");
    }
    if (problem.contains("found undefined alias")) {
      return err(
          "yaml.undefined-alias",
          span,
          "an alias (*name) refers to an anchor (&name) that is not defined above it",
          "define the anchor first, or write the value out");
    }
    if (problem.contains("could not find expected ':'")) {
      Mark c = e.getContextMark();
      Span at = c == null ? span : Span.at(file, c.getLine() + 1, c.getColumn() + 1);
      return err(
          "yaml.missing-colon",
          at,
          "a line here is missing its colon, or a value runs on to the next line",
          "write each field as \"name: value\"; wrap long text in quotes or use \"|\" for several lines");
    }
    if (problem.contains("expected <block end>")
        || problem.contains("did not find expected key")
        || problem.contains("did not find expected '-'")) {
      return err(
          "yaml.indentation",
          span,
          "the indentation here does not line up with the lines above",
          "fields of the same group must start in the same column; list items start with \"- \" at the same column");
    }
    if (problem.contains("found duplicate anchor")) {
      return err(
          "yaml.duplicate-anchor",
          span,
          "the same anchor (&name) is defined twice",
          "give each anchor its own name");
    }
    if (problem.contains("found character '@'") || problem.contains("found character '`'")) {
      return err(
          "yaml.reserved-character",
          span,
          "a value cannot start with @ or `",
          "put the value in double quotes");
    }
    if (problem.contains("found unknown escape character")) {
      Span at =
          span.hasPosition()
                  && span.column() > 1
                  && lineText.length() >= span.column() - 1
                  && lineText.charAt(span.column() - 2) == '\\'
              ? Span.at(file, span.line(), span.column() - 1)
              : span;
      return err(
          "yaml.bad-escape",
          at,
          "a backslash in double quotes starts an escape YAML does not know",
          "use single quotes around the value, or write \\\\ for a backslash");
    }
    String what = (problem.isEmpty() ? context : problem).trim();
    return err(
        "yaml.syntax",
        span,
        "the YAML here cannot be read: " + what,
        "check the quotes, colons and indentation on this line and the one above");
  }

  static Diagnostic translateUnmarked(SourceFile file, YAMLException e) {
    String msg = e.getMessage() == null ? "" : e.getMessage();
    if (msg.contains("Number of aliases")) {
      return err(
          "yaml.too-many-aliases",
          Span.ofFile(file),
          "the file uses too many aliases (*name)",
          "write the values out instead of repeating them with aliases");
    }
    if (msg.contains("Nesting Depth")) {
      return err(
          "yaml.too-deep",
          Span.ofFile(file),
          "the file nests too deeply",
          "reap files need at most " + YamlLoader.MAX_DEPTH + " levels; check the indentation");
    }
    if (msg.contains("exceeds the limit")) {
      return err(
          "file.too-large",
          Span.ofFile(file),
          "the file is too large to read",
          "split it into several files");
    }
    return err(
        "yaml.syntax",
        Span.ofFile(file),
        "the YAML cannot be read: " + msg,
        "check the file's quotes, colons and indentation");
  }

  private static Diagnostic err(String rule, Span span, String message, String hint) {
    return Diagnostic.error(rule, span, message, hint);
  }
}
