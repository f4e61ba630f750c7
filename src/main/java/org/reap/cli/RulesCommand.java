package org.reap.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.reap.validate.Rule;
import org.reap.validate.RuleCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rules", mixinStandardHelpOptions = true, description = "List every check reap makes, with its id and default level.")
public final class RulesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (RuleCatalog.Entry e : RuleCatalog.all()) {
      out.printf("%-32s %-8s %s%n", e.id(), e.level(), e.description());
    }
    return ExitCodes.OK;
  }

  static String level(Rule r) {
    return r.defaultSeverity().label();
  }
}
