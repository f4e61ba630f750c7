package org.reap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.reap.Pipeline;
import org.reap.preview.PreviewServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "preview",
    mixinStandardHelpOptions = true,
    description = {
      "Show the documents in a web browser while you edit the plans.",
      "A small web server on this computer only (127.0.0.1) checks and renders the plans again each time a file in "
          + "plans/ or templates/ is saved, and the open page updates by itself. While there are mistakes, every page "
          + "shows them, with the line to fix. Each document links to its PDF, made when you follow it.",
      "Nothing is written into out/. Ctrl-C stops it."
    })
public final class PreviewCommand implements Callable<Integer> {
  /** How long files must be left alone after a change before the preview builds again. */
  static final Duration QUIET = Duration.ofMillis(150);

  @Spec CommandSpec spec;

  @ParentCommand ReapCommand root;

  @Mixin CheckOptions check;

  @Mixin AsOfOption asOf;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "The port to listen on (default: 0, any free port; the address is printed).")
  int port;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description =
          "Folder of templates that override the defaults (default: templates/ beside or inside the plans folder).")
  Path templates;

  @Option(names = "--open", description = "Open the preview in the default web browser.")
  boolean open;

  @Option(
      names = "--scan-files",
      hidden = true,
      description =
          "Find changes by comparing files every quarter second instead of the system's notifications (the default where the JDK has none, such as macOS).")
  boolean scanFiles;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(),
          "--port must be a number from 0 to 65535 (0 = any free port), not " + port);
    }
    Pipeline.Options opts = check.toOptions(spec.commandLine(), root.cwd);
    for (Path p : opts.paths()) {
      if (!Files.exists(root.cwd.resolve(p))) {
        err.println(
            "reap: there is no file or folder "
                + p
                + " here; run reap preview in the folder that holds plans/, or name the folder: reap preview FOLDER");
        return ExitCodes.INVALID;
      }
    }
    Path tdir = null;
    if (templates != null) {
      tdir = root.cwd.resolve(templates).normalize();
      if (!Files.isDirectory(tdir)) {
        throw new ParameterException(
            spec.commandLine(), "--templates " + templates + ": there is no such folder");
      }
    }
    AsOfOption.AsOf date = asOf.resolve(spec.commandLine(), root.cwd, opts);
    if (date.note() != null) {
      err.println("reap: " + date.note());
    }
    PreviewServer.Config config =
        new PreviewServer.Config(
            opts, tdir, date.date(), date.instant(), port, QUIET, scanFiles, Versions.version());
    PreviewServer server;
    try {
      server = PreviewServer.start(config, out);
    } catch (BindException e) {
      err.println(
          "reap: port "
              + port
              + " is in use by another program; choose another with --port, or leave --port out to use any free port");
      return ExitCodes.OUTPUT;
    } catch (IOException e) {
      err.println("reap: the preview could not start: " + e.getMessage());
      return ExitCodes.OUTPUT;
    }
    // Ctrl-C (or the terminal closing) runs the shutdown hooks: stop the server and remove its
    // folder.
    Thread hook =
        new Thread(
            () -> {
              server.close();
              err.println("reap: preview stopped");
              err.flush();
            },
            "reap-preview-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println(
        "reap preview: " + server.url() + "  (open it in a web browser; Ctrl-C stops the preview)");
    if (server.scanningFiles()) {
      out.println(
          "reap preview: this system gives no change notifications, so files are compared every quarter second");
    }
    out.flush();
    if (open && !openBrowser(server.url())) {
      err.println("reap: could not open a web browser; open " + server.url() + " yourself");
    }
    try {
      server.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook has run
    }
    return ExitCodes.OK;
  }

  /** The system's own way to open an address: open (macOS), the URL handler (Windows), xdg-open. */
  static boolean openBrowser(URI url) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    List<String> cmd;
    if (os.contains("mac")) {
      cmd = List.of("open", url.toString());
    } else if (os.contains("windows")) {
      cmd = List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
    } else {
      cmd = List.of("xdg-open", url.toString());
    }
    try {
      new ProcessBuilder(cmd)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
