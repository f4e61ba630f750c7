package org.reap.preview;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reap.diagnostic.Diagnostic;

/**
 * The HTML the preview adds: a bar on top of each page (all documents, open the PDF, warnings) and
 * a small script that reloads the page when what it shows has changed; and the preview's own pages
 * (preparing, problems, not found). Only what is served gets these: the rendered files are left as
 * {@code reap render} writes them.
 */
final class Pages {
  private Pages() {}

  /** The page name of the document list. */
  static final String INDEX = "index";

  /** The page name of the list of warnings (and errors). */
  static final String PROBLEMS = "_problems";

  /** Where the script listens for changes. */
  static final String EVENTS_PATH = "/_reap/events";

  static final String PROBLEMS_PATH = "/_reap/problems";

  private static final Pattern BODY_OPEN =
      Pattern.compile("<body\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern BODY_CLOSE =
      Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

  static final String STYLE =
      """
      .reap-preview-bar{position:sticky;top:0;z-index:1000;display:flex;flex-wrap:wrap;gap:0.25rem 1.25rem;align-items:baseline;\
      margin:0 0 1.5rem 0;padding:0.5rem 1rem;border-radius:0 0 6px 6px;background:#0b3a5b;color:#ffffff;\
      font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;text-align:left}
      .reap-preview-bar a{color:#ffffff;text-decoration:underline;font-weight:600}
      .reap-preview-bar a:focus{outline:3px solid #ffbf47;outline-offset:2px}
      .reap-preview-bar .reap-preview-name{font-weight:700;letter-spacing:0.02em}
      .reap-preview-bar .reap-preview-note{color:#dbe7f1}
      @media print{.reap-preview-bar{display:none}}
      """;

  private static final String OWN_STYLE =
      """
      html{background:#ffffff}
      body{margin:0 auto;max-width:62rem;padding:0 1.5rem 4rem 1.5rem;color:#1a1a1a;\
      font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
      h1{font-size:1.7rem;line-height:1.25;margin:0.5rem 0 0.5rem 0;color:#0b3a5b}
      h1.failed{color:#8c1d18}
      h2{font-size:1.1rem;margin:0 0 0.4rem 0}
      .lead{font-size:1.05rem;max-width:70ch}
      .problem{border:1px solid #c9d1d9;border-left:6px solid #b3261e;border-radius:6px;padding:0.75rem 1rem;margin:1rem 0;background:#ffffff}
      .problem.warning{border-left-color:#8a5a00}
      .badge{display:inline-block;padding:0 0.45rem;margin-right:0.35rem;border-radius:4px;background:#b3261e;color:#ffffff;font-size:0.85rem;vertical-align:0.1em}
      .warning .badge{background:#8a5a00}
      .message{font-size:1.05rem;margin:0.25rem 0 0.5rem 0}
      pre.source{margin:0.5rem 0;padding:0.5rem 0;background:#f6f8fa;border-radius:4px;overflow-x:auto;\
      font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
      pre.source .line{display:block;padding:0 0.75rem 0 0}
      pre.source .line.at{background:#fde8e7}
      .warning pre.source .line.at{background:#fdf3dc}
      pre.source .ln{display:inline-block;min-width:3.5ch;padding:0 1ch 0 0.5ch;margin-right:1ch;text-align:right;color:#4f5b66;border-right:1px solid #c9d1d9;user-select:none}
      pre.source mark{background:transparent;color:inherit;text-decoration:underline wavy #b3261e;text-decoration-thickness:2px;text-underline-offset:3px;font-weight:700}
      .warning pre.source mark{text-decoration-color:#8a5a00}
      pre.source .tab{color:#b3261e}
      .hint{margin:0.5rem 0}
      .where{margin:0.25rem 0 0 0;font-size:0.875rem;color:#4f5b66}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
      a{color:#0b4f8a}
      """;

  /** HTML-escapes text for element content and attribute values. */
  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** What the bar on top of a page links to. {@code pdf} is null on pages without a PDF. */
  record Bar(String source, String pdf, boolean onIndex, int warnings, String state) {}

  static String bar(Bar b) {
    StringBuilder sb = new StringBuilder("<nav class=\"reap-preview-bar\" aria-label=\"Preview\">");
    sb.append("<span class=\"reap-preview-name\">reap preview</span>");
    if (!b.onIndex()) {
      sb.append("<a href=\"/\">All documents</a>");
    }
    if (b.pdf() != null) {
      sb.append("<a href=\"/")
          .append(esc(b.pdf()))
          .append("\" target=\"_blank\" rel=\"noopener\">Open the PDF</a>");
    }
    if (b.warnings() > 0) {
      sb.append("<a href=\"")
          .append(PROBLEMS_PATH)
          .append("\">")
          .append(b.warnings())
          .append(b.warnings() == 1 ? " warning" : " warnings")
          .append("</a>");
    }
    sb.append("<span class=\"reap-preview-note\">").append(esc(b.state())).append("</span>");
    sb.append("</nav>");
    return sb.toString();
  }

  /**
   * The script that keeps a page current: it listens for changes while the tab is visible (a hidden
   * tab lets go of its connection, so many open tabs do not use up the browser's six connections
   * per site) and reloads the page when its tag is no longer the current one.
   */
  static String script(String page, String etag, String nonce) {
    String src = EVENTS_PATH + "?page=" + page + "&etag=" + etag;
    return "<script nonce=\""
        + nonce
        + "\">(function(){var src='"
        + src
        + "';var es=null;"
        + "function open(){if(es){return;}es=new EventSource(src);es.addEventListener('reload',function(){es.close();es=null;location.reload();});}"
        + "function close(){if(es){es.close();es=null;}}"
        + "document.addEventListener('visibilitychange',function(){if(document.hidden){close();}else{open();}});"
        + "if(!document.hidden){open();}})();</script>";
  }

  /**
   * A rendered document (or the index) with the bar after {@code <body>} and the script before
   * {@code </body>}.
   */
  static String inject(String html, String bar, String script) {
    String style = "<style>" + STYLE + "</style>";
    Matcher open = BODY_OPEN.matcher(html);
    String out;
    if (open.find()) {
      out = html.substring(0, open.end()) + style + bar + html.substring(open.end());
    } else {
      out = style + bar + html;
    }
    Matcher close = BODY_CLOSE.matcher(out);
    int at = -1;
    while (close.find()) {
      at = close.start();
    }
    return at < 0 ? out + script : out.substring(0, at) + script + out.substring(at);
  }

  /** One of the preview's own pages. */
  static String page(String title, String bar, String main, String script) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + esc(title)
        + "</title>\n<style>"
        + STYLE
        + OWN_STYLE
        + "</style>\n</head>\n<body>\n"
        + bar
        + "\n<main>\n"
        + main
        + "</main>\n"
        + script
        + "\n</body>\n</html>\n";
  }

  static String preparingMain(String source) {
    return "<h1>Preparing the preview…</h1>\n<p class=\"lead\">reap is checking "
        + esc(source)
        + " and making every document. This page shows them by itself when they are ready.</p>\n";
  }

  static String brokenMain(Snapshot.Broken b, String source) {
    long errors = b.errors();
    long warnings = b.diagnostics().size() + b.problems().size() - errors;
    StringBuilder sb = new StringBuilder();
    sb.append("<h1 class=\"failed\">")
        .append(plural(errors, "problem"))
        .append(" to fix in ")
        .append(esc(source))
        .append("</h1>\n");
    sb.append("<p class=\"lead\">The documents cannot be shown until ")
        .append(errors == 1 ? "it is" : "they are")
        .append(
            " fixed. Open the file named below, change the line that is marked, and save: this page shows the document again by itself.")
        .append(
            warnings > 0
                ? " Warnings ("
                    + warnings
                    + ") do not stop the documents; they are listed after the errors."
                : "")
        .append("</p>\n");
    sb.append(Problems.html(b.diagnostics(), b.problems()));
    return sb.toString();
  }

  static String warningsMain(List<Diagnostic> warnings, String source) {
    if (warnings.isEmpty()) {
      return "<h1>No problems</h1>\n<p class=\"lead\">"
          + esc(source)
          + " is valid and has no warnings. <a href=\"/\">All documents</a></p>\n";
    }
    return "<h1>"
        + plural(warnings.size(), "warning")
        + " in "
        + esc(source)
        + "</h1>\n"
        + "<p class=\"lead\">The documents are made anyway; a warning is something that is probably a mistake. <a href=\"/\">All documents</a></p>\n"
        + Problems.html(warnings, List.of());
  }

  static String notFoundMain(String name) {
    return "<h1>There is no document called "
        + esc(name)
        + "</h1>\n"
        + "<p class=\"lead\">Its id may have changed, or its file may have been removed. <a href=\"/\">All documents</a> lists what there is; this page opens the document by itself if it comes back.</p>\n";
  }

  static String plural(long n, String word) {
    return n + " " + (n == 1 ? word : word + "s");
  }
}
