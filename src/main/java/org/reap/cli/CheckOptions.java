package org.reap.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reap.Pipeline;
import org.reap.diagnostic.Severity;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that read a repository. */
public final class CheckOptions {
  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Folders or YAML files to read (default: plans/).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--strict", description = "Treat warnings as errors.")
  boolean strict;

  @Option(
      names = "--rule",
      paramLabel = "ID=LEVEL",
      description =
          "Set a rule's level: error, warning or off (repeatable). 'reap rules' lists them.")
  Map<String, String> rules = new HashMap<>();

  Pipeline.Options toOptions(picocli.CommandLine cl, Path cwd) {
    Map<String, Severity> levels = new HashMap<>();
    Set<String> off = new HashSet<>();
    Set<String> known = new HashSet<>();
    org.reap.validate.Validator.RULES.forEach(r -> known.add(r.id()));
    for (Map.Entry<String, String> e : rules.entrySet()) {
      if (org.reap.validate.RuleCatalog.READING.stream().anyMatch(r -> r.id().equals(e.getKey()))) {
        throw new picocli.CommandLine.ParameterException(
            cl,
            "'"
                + e.getKey()
                + "' is checked while reading files and is always an error; --rule sets only the repository rules (id.*, ref.*, date.*, status.*, meeting.*, indicator.*, attachment.*, memo.*).");
      }
      if (!known.contains(e.getKey())) {
        throw new picocli.CommandLine.ParameterException(
            cl,
            "unknown rule '"
                + e.getKey()
                + "'; "
                + org.reap.validate.Suggest.didYouMean(e.getKey(), known)
                + "'reap rules' lists them.");
      }
      switch (e.getValue().toLowerCase(java.util.Locale.ROOT)) {
        case "error" -> levels.put(e.getKey(), Severity.ERROR);
        case "warning" -> levels.put(e.getKey(), Severity.WARNING);
        case "off" -> off.add(e.getKey());
        default ->
            throw new picocli.CommandLine.ParameterException(
                cl, "rule level must be error, warning or off, not '" + e.getValue() + "'");
      }
    }
    List<Path> ps = paths.isEmpty() ? List.of(Path.of("plans")) : paths;
    return new Pipeline.Options(ps, cwd, strict, levels, off);
  }
}
