package org.reap.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Recognises files that are not regular files (FIFOs, sockets, devices) before anything opens them:
 * reading a FIFO waits until something writes to it, and a device may never end, so reap would
 * hang. Links are followed (a link to a regular file is a regular file).
 */
public final class SpecialFiles {
  private SpecialFiles() {}

  /**
   * What {@code path} is when it exists and is neither a regular file nor a folder ("a named pipe
   * (FIFO)", "a device or socket"); null for a regular file, a folder, or a path that does not
   * exist.
   */
  public static String kind(Path path) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return null; // not there or not readable: the caller's own checks say so
    }
    if (a.isRegularFile() || a.isDirectory()) {
      return null;
    }
    try {
      Object type = Files.getAttribute(path, "unix:mode");
      int mode = type instanceof Integer m ? m : 0;
      switch (mode & 0170000) {
        case 0010000:
          return "a named pipe (FIFO)";
        case 0140000:
          return "a socket";
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        default:
          break;
      }
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | SecurityException e) {
      // no unix view: the generic name below
    }
    return "a special file (a pipe, socket or device)";
  }
}
