package org.reap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.reap.schema.Kinds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Start a new plan repository in DIR, with one example of every kind of document.",
      "DIR gets plans/ with the examples (a made-up city: replace it with yours), an empty templates/ folder for your own "
          + "look, a .gitignore for out/, and a GitHub Actions workflow. It validates and renders as it is. DIR must not "
          + "exist yet or be empty."
    })
public final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Parameters(paramLabel = "DIR", description = "Folder to create.")
  Path dir;

  static final String WORKFLOW =
      """
      # Validate the plans on every push and pull request, render them, and keep out/ as an artifact.
      name: reap
      on: [push, pull_request]
      jobs:
        reap:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
              with:
                fetch-depth: 0          # reap dates progress by the last commit
            - uses: actions/setup-java@v4
              with:
                distribution: temurin
                java-version: '21'
            - name: Download reap
              run: curl -fsSL -o reap.jar "$REAP_JAR_URL"
              env:
                REAP_JAR_URL: https://example.invalid/replace-with-your-reap-release/reap.jar
            - name: Validate
              run: java -jar reap.jar validate plans --format github
            - name: Render
              run: java -jar reap.jar render plans --out out
            - uses: actions/upload-artifact@v4
              with:
                name: documents
                path: out/
      """;

  static final String README =
      """
      # Our racial equity plans

      The plans live in `plans/` as YAML files; reap checks them and renders them.

      ```sh
      java -jar reap.jar validate          # check every file; mistakes are shown with file:line:column
      java -jar reap.jar render            # write PDFs and HTML pages into out/
      ```

      The files in `plans/` are examples of every kind of document for a made-up city: edit them
      into your own, or delete the kinds you do not use. `templates/` is where your own look goes
      (`java -jar reap.jar templates export memo.ftlx`).
      """;

  @Override
  public Integer call() throws IOException {
    Path target = root.cwd.resolve(dir).normalize();
    if (Files.exists(target)) {
      try (var s = Files.list(target)) {
        if (!Files.isDirectory(target) || s.findAny().isPresent()) {
          spec.commandLine()
              .getErr()
              .println(
                  "reap: "
                      + dir
                      + " already exists and is not empty; nothing was written. Name a new folder.");
          return ExitCodes.OUTPUT;
        }
      }
    }
    Files.createDirectories(target.resolve("plans"));
    Files.createDirectories(target.resolve("templates"));
    for (String kind : Kinds.all().keySet()) {
      try (InputStream in =
          InitCommand.class.getResourceAsStream("/reap/examples/" + kind + ".yaml")) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(target.resolve("plans/" + kind + ".yaml"), text, StandardCharsets.UTF_8);
      }
    }
    Files.writeString(
        target.resolve("templates/README.md"),
        "Put templates here to change how documents look: `reap templates export NAME` copies a default to start from.\n");
    Files.writeString(target.resolve(".gitignore"), "/out/\n");
    Files.createDirectories(target.resolve(".github/workflows"));
    Files.writeString(target.resolve(".github/workflows/reap.yml"), WORKFLOW);
    Files.writeString(target.resolve("README.md"), README);
    String shown = org.reap.load.RepositoryLoader.display(root.cwd, target);
    for (String f :
        List.of("plans/", "templates/", ".gitignore", ".github/workflows/reap.yml", "README.md")) {
      spec.commandLine().getOut().println("wrote " + shown + "/" + f);
    }
    spec.commandLine().getOut().println("next: cd " + shown + " && reap validate && reap render");
    return ExitCodes.OK;
  }
}
