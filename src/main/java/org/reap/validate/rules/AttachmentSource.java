package org.reap.validate.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reap.diagnostic.Severity;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.validate.Rule;

/**
 * An attachment is one thing: this memo's own analysis, a reap document, or a file in the
 * repository that exists.
 */
public final class AttachmentSource implements Rule {
  @Override
  public String id() {
    return "attachment.source";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "An attachment names at most one of in_memo, document and file, and a file it names exists inside the repository.";
  }

  @Override
  public void check(Repository repo, Reporter out) {
    for (Document d : repo.ofKind("agenda-item")) {
      for (Node n : d.root().list("attachments")) {
        Node.Obj a = (Node.Obj) n;
        int sources =
            (Boolean.TRUE.equals(a.value("in_memo")) ? 1 : 0)
                + (a.has("document") ? 1 : 0)
                + (a.has("file") ? 1 : 0);
        if (sources > 1) {
          out.report(
              a.span(),
              "attachment "
                  + a.string("number")
                  + " names more than one source (in_memo, document, file)",
              "keep the one that is the attachment");
        }
        String file = a.string("file");
        if (file != null) {
          Path base = d.file().path().getParent();
          Path target = base.resolve(file).normalize();
          try {
            Path realRoot = repo.root().toRealPath();
            if (!Files.exists(target)) {
              out.report(
                  a.spanOf("file"),
                  "the attachment file \""
                      + file
                      + "\" does not exist (looked in "
                      + base.getFileName()
                      + "/)",
                  "check the file name; paths are relative to this YAML file's folder");
            } else if (!target.toRealPath().startsWith(realRoot)) {
              out.report(
                  a.spanOf("file"),
                  "the attachment file \"" + file + "\" is outside the repository",
                  "copy the file into the repository");
            } else if (Files.isDirectory(target)) {
              out.report(
                  a.spanOf("file"),
                  "\"" + file + "\" is a folder, not a file",
                  "name the PDF file itself");
            } else if (org.reap.source.SpecialFiles.kind(target) != null) {
              out.report(
                  a.spanOf("file"),
                  "the attachment file \""
                      + file
                      + "\" is "
                      + org.reap.source.SpecialFiles.kind(target)
                      + ", not a regular file",
                  "put the PDF file itself in the repository");
            }
          } catch (IOException e) {
            out.report(
                a.spanOf("file"),
                "the attachment file \"" + file + "\" cannot be read",
                "check that it exists and can be read");
          }
        }
      }
    }
  }
}
