package org.reap;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reap.bind.Binder;
import org.reap.diagnostic.Diagnostic;
import org.reap.diagnostic.Diagnostics;
import org.reap.diagnostic.Severity;
import org.reap.load.RepositoryLoader;
import org.reap.model.Repository;
import org.reap.validate.Validator;

/**
 * load → bind → validate → model. Returns the repository and every finding; never prints, never
 * exits. Rendering takes the validated repository from here.
 */
public final class Pipeline {
  private Pipeline() {}

  /** {@code base} is the folder paths are shown relative to (the current folder, normally). */
  public record Options(
      List<Path> paths,
      Path base,
      boolean strict,
      Map<String, Severity> levels,
      Set<String> disabled) {
    public static Options of(Path... paths) {
      return new Options(List.of(paths), Path.of(""), false, Map.of(), Set.of());
    }
  }

  public record Checked(Repository repository, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
    }

    public long errors() {
      return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    public long warnings() {
      return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
    }
  }

  public static Checked check(Options options) {
    Diagnostics diags = new Diagnostics();
    Repository repo =
        Binder.bind(RepositoryLoader.load(options.paths(), options.base(), diags), diags);
    Validator.run(repo, options.levels(), options.disabled(), diags);
    List<Diagnostic> all = diags.sorted();
    if (options.strict()) {
      all = all.stream().map(d -> d.withSeverity(Severity.ERROR)).toList();
    }
    return new Checked(repo, all);
  }
}
