package org.reap.render.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.reap.render.RenderException;

/**
 * The output folder of one render run: locked against concurrent runs, written atomically.
 *
 * <ul>
 *   <li>{@link #open} creates the folder if needed, takes an exclusive lock on {@code .reap/lock}
 *       inside it (recording this process's id there), and deletes temp files ({@code .*.reap-tmp})
 *       a killed run left behind. reap's own bookkeeping (the lock, the render manifest) lives in
 *       the dot-folder {@code .reap/}, so the folder a clerk publishes holds only documents; the
 *       files older versions kept beside them ({@code .reap.lock}, {@code reap-manifest.tsv}) are
 *       removed when no run holds them.
 *   <li>A folder that {@link #open} created and that nothing was committed to is removed again at
 *       {@link #close}: a run that fails leaves no out/ behind.
 *   <li>{@link #resolve} accepts only plain lower-case file names ({@code [a-z0-9][a-z0-9._-]*}),
 *       never a path.
 *   <li>{@link #write} writes a temp file in the folder, fsyncs it and renames it over the target
 *       in one atomic step: readers see the old file or the new one, never half of one; on failure
 *       the old file is untouched.
 *   <li>{@link #stage} and {@link #commitAll} let a caller render everything first and move the
 *       files into place only when all succeeded, so a failed run changes nothing. A file is staged
 *       as soon as it is made, so the run need not keep its bytes in memory.
 * </ul>
 *
 * One run, one thread, except {@link #stage}, which the render threads may call at once (each
 * writes its own temp file).
 */
public final class OutputDir implements AutoCloseable {
  /** The dot-folder inside the output folder that holds reap's own files, not published ones. */
  public static final String OWN_DIR = ".reap";

  /** The lock file, relative to the output folder. */
  public static final String LOCK_FILE = OWN_DIR + "/lock";

  /** Where versions before the dot-folder kept the lock and the manifest (removed when seen). */
  static final List<String> LEGACY_FILES = List.of(".reap.lock", "reap-manifest.tsv");

  static final String TEMP_SUFFIX = ".reap-tmp";
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,199}");
  private static final AtomicLong COUNTER = new AtomicLong();

  /**
   * Folders this JVM has locked. A second channel on the lock file must not even be opened: closing
   * it would drop this process's POSIX lock.
   */
  private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private final String shown;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Map<String, Staged> staged = new LinkedHashMap<>();
  private volatile boolean closed;

  /** Whether open() made the folder (then close() removes it if nothing was committed). */
  private boolean created;

  private boolean committed;

  /** Streams a file's content; used by {@link #write(String, Content)}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** A file written to a temp name, waiting for {@link #commitAll}. */
  public static final class Staged {
    private final String name;
    private final Path target;
    private final Path temp;

    private Staged(String name, Path target, Path temp) {
      this.name = name;
      this.target = target;
      this.temp = temp;
    }

    public String name() {
      return name;
    }

    /** Where the file will be after commit. */
    public Path target() {
      return target;
    }

    /**
     * The temp file that holds it until {@link #commitAll} moves it, or {@link #discardAll} deletes
     * it.
     */
    public Path temp() {
      return temp;
    }
  }

  private OutputDir(Path dir, String shown, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.shown = shown;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating if needed) and locks an output folder.
   *
   * @throws RenderException if it is a file, cannot be created or written, or another reap run
   *     holds the lock
   */
  public static OutputDir open(Path out) throws RenderException {
    String shown = out.toString().endsWith("/") ? out.toString() : out + "/";
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new RenderException(
          "The output path "
              + out
              + " is a file, not a folder. Pass a folder with"
              + " --out, or move the file away.");
    }
    Path dir;
    boolean created = !Files.exists(out, LinkOption.NOFOLLOW_LINKS);
    try {
      Files.createDirectories(out);
      dir = out.toRealPath();
    } catch (IOException e) {
      throw new RenderException(
          "Cannot create the output folder "
              + shown
              + " ("
              + reason(e)
              + "). Check the path and its permissions, or pass another --out.",
          null,
          e);
    }
    if (!Files.isWritable(dir)) {
      throw new RenderException(
          "Cannot write to the output folder "
              + shown
              + ". Check its permissions,"
              + " or pass another --out.");
    }
    if (!LOCKED_HERE.add(dir)) {
      throw busy(shown, String.valueOf(ProcessHandle.current().pid()));
    }
    try {
      OutputDir result = lockAndClean(dir, shown);
      result.created = created;
      return result;
    } catch (RenderException | RuntimeException e) {
      LOCKED_HERE.remove(dir);
      throw e;
    }
  }

  private static OutputDir lockAndClean(Path dir, String shown) throws RenderException {
    Path own = dir.resolve(OWN_DIR);
    if (Files.isSymbolicLink(own)
        || Files.exists(own, LinkOption.NOFOLLOW_LINKS)
            && !Files.isDirectory(own, LinkOption.NOFOLLOW_LINKS)) {
      throw new RenderException(
          shown
              + OWN_DIR
              + " is not a folder (reap keeps its own files there). Move it away,"
              + " or pass another --out.");
    }
    try {
      Files.createDirectories(own);
    } catch (IOException e) {
      throw new RenderException(
          "Cannot create "
              + shown
              + OWN_DIR
              + "/ ("
              + reason(e)
              + "). Check the folder's permissions, or pass another --out.",
          null,
          e);
    }
    Path lockPath = dir.resolve(LOCK_FILE);
    FileChannel channel;
    try {
      channel =
          FileChannel.open(
              lockPath,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw new RenderException(
          "Cannot create the lock file "
              + shown
              + LOCK_FILE
              + " ("
              + reason(e)
              + "). Check the folder's permissions, or pass another --out.",
          null,
          e);
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM already holds it
    } catch (IOException e) {
      closeQuietly(channel);
      throw new RenderException(
          "Cannot lock the output folder " + shown + " (" + reason(e) + ").", null, e);
    }
    if (lock == null) {
      String holder = readHolder(channel);
      closeQuietly(channel);
      throw busy(shown, holder);
    }
    try {
      String pid = ProcessHandle.current().pid() + "\n";
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(pid.getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(true);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new RenderException(
          "Cannot write the lock file " + shown + LOCK_FILE + " (" + reason(e) + ").", null, e);
    }
    OutputDir result = new OutputDir(dir, shown, channel, lock);
    result.removeStaleTemps();
    result.removeLegacyLock();
    return result;
  }

  private static RenderException busy(String shown, String pid) {
    return new RenderException(
        "another reap render is writing to "
            + shown
            + " (started by process "
            + pid
            + "); wait for it or use another --out");
  }

  /** An older reap's lock beside the documents: removed unless an older run still holds it. */
  private void removeLegacyLock() {
    Path old = dir.resolve(".reap.lock");
    if (!Files.isRegularFile(old, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (FileChannel ch =
        FileChannel.open(old, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock l = ch.tryLock();
      if (l != null) {
        Files.deleteIfExists(old);
        l.release();
      }
    } catch (IOException | OverlappingFileLockException e) {
      // held or unreadable: left for a later run
    }
  }

  /** The folder (its real path). */
  public Path path() {
    return dir;
  }

  /**
   * The path of a file directly in the folder.
   *
   * @throws RenderException if the name is not a plain lower-case file name
   */
  public Path resolve(String name) throws RenderException {
    if (name == null
        || !NAME.matcher(name).matches()
        || name.contains("..")
        || name.endsWith(TEMP_SUFFIX)) {
      throw new RenderException(
          "\""
              + name
              + "\" is not an allowed output file name. Use lower-case letters,"
              + " digits, '.', '_' and '-', starting with a letter or digit, with no folder part and no \"..\".");
    }
    Path p = dir.resolve(name).normalize();
    if (!dir.equals(p.getParent())) {
      throw new RenderException(
          "\"" + name + "\" would be written outside " + shown + "; use a plain file name.");
    }
    return p;
  }

  /** Atomically writes (or replaces) a file. On failure the old file, if any, is unchanged. */
  public void write(String name, byte[] bytes) throws RenderException {
    write(name, out -> out.write(bytes));
  }

  /** Atomically writes (or replaces) a file from streamed content. */
  public void write(String name, Content content) throws RenderException {
    Path target = resolve(name);
    Path temp = writeTemp(dir, name, content);
    try {
      move(temp, target);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new RenderException(
          "Could not replace "
              + shown
              + name
              + " ("
              + reason(e)
              + "). The previous"
              + " file, if any, is unchanged.",
          null,
          e);
    }
    committed = true;
    syncDir();
  }

  /**
   * Writes a file under a temp name; it replaces {@code name} only at {@link #commitAll}. Safe to
   * call from several threads at once.
   */
  public Staged stage(String name, byte[] bytes) throws RenderException {
    checkOpen();
    return stage(name, resolve(name), dir, bytes);
  }

  /**
   * As {@link #stage}, for one of reap's own files: it goes in {@code .reap/}, not among the
   * published documents. Committing it removes the file's older place ({@code reap-manifest.tsv}).
   */
  public Staged stageOwn(String name, byte[] bytes) throws RenderException {
    checkOpen();
    Path target = resolve(name);
    return stage(
        OWN_DIR + "/" + name,
        dir.resolve(OWN_DIR).resolve(target.getFileName()),
        dir.resolve(OWN_DIR),
        bytes);
  }

  private Staged stage(String name, Path target, Path folder, byte[] bytes) throws RenderException {
    Path temp = writeTemp(folder, target.getFileName().toString(), out -> out.write(bytes));
    Staged s = new Staged(name, target, temp);
    Staged previous;
    synchronized (staged) {
      if (closed) {
        // closed while this thread was writing: nothing will commit it
        deleteQuietly(temp);
        checkOpen();
      }
      previous = staged.put(name, s);
    }
    if (previous != null) {
      deleteQuietly(previous.temp);
    }
    return s;
  }

  /**
   * Moves every staged file into place, in staging order, each atomically.
   *
   * @return the files written
   * @throws RenderException if a move fails; files before it were replaced, the rest are not
   */
  public List<Path> commitAll() throws RenderException {
    checkOpen();
    List<Path> done = new ArrayList<>();
    List<Staged> todo;
    synchronized (staged) {
      todo = new ArrayList<>(staged.values());
      staged.clear();
    }
    for (int i = 0; i < todo.size(); i++) {
      Staged s = todo.get(i);
      try {
        move(s.temp, s.target);
        done.add(s.target);
      } catch (IOException e) {
        todo.subList(i, todo.size()).forEach(rest -> deleteQuietly(rest.temp));
        syncDir();
        throw new RenderException(
            "Could not move "
                + s.name
                + " into "
                + shown
                + " ("
                + reason(e)
                + ")."
                + (done.isEmpty()
                    ? " No file was changed."
                    : " Already replaced: "
                        + String.join(
                            ", ", done.stream().map(p -> p.getFileName().toString()).toList())
                        + "; the others are unchanged."),
            null,
            e);
      }
    }
    syncDir();
    committed |= !done.isEmpty();
    if (done.stream().anyMatch(p -> p.getParent().getFileName().toString().equals(OWN_DIR))) {
      for (String old : LEGACY_FILES.subList(1, LEGACY_FILES.size())) {
        Path p = dir.resolve(old);
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          deleteQuietly(p);
        }
      }
    }
    return done;
  }

  /** Deletes every staged file that was not committed. */
  public void discardAll() {
    synchronized (staged) {
      staged.values().forEach(s -> deleteQuietly(s.temp));
      staged.clear();
    }
  }

  /** Discards uncommitted staged files and releases the lock. */
  @Override
  public void close() {
    synchronized (staged) {
      if (closed) {
        return;
      }
      closed = true;
    }
    discardAll();
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it too
    }
    closeQuietly(lockChannel);
    LOCKED_HERE.remove(dir);
    if (created && !committed) {
      // this run made the folder and wrote nothing in it: leave no trace (nothing else can be in it
      // but our own)
      deleteQuietly(dir.resolve(LOCK_FILE));
      deleteQuietly(dir.resolve(OWN_DIR));
      deleteQuietly(dir);
    }
  }

  private Path writeTemp(Path folder, String name, Content content) throws RenderException {
    checkOpen();
    Path temp =
        folder.resolve(
            "."
                + name
                + "."
                + ProcessHandle.current().pid()
                + "-"
                + COUNTER.incrementAndGet()
                + TEMP_SUFFIX);
    try (FileChannel ch =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      OutputStream out = Channels.newOutputStream(ch);
      content.writeTo(out);
      out.flush();
      ch.force(true);
      return temp;
    } catch (FileAlreadyExistsException e) {
      throw new RenderException(
          "A temp file "
              + temp.getFileName()
              + " already exists in "
              + shown
              + "; is another program writing there?",
          null,
          e);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw new RenderException(
          "Could not write "
              + shown
              + name
              + " ("
              + reason(e)
              + "). The previous file,"
              + " if any, is unchanged.",
          null,
          e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private void removeStaleTemps() throws RenderException {
    try {
      for (Path folder : List.of(dir, dir.resolve(OWN_DIR))) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, ".*" + TEMP_SUFFIX)) {
          for (Path p : entries) {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p)) {
              Files.deleteIfExists(p);
            }
          }
        }
      }
    } catch (IOException e) {
      close();
      throw new RenderException(
          "Cannot clean up temp files left in " + shown + " by an earlier run (" + reason(e) + ").",
          null,
          e);
    }
  }

  /** Makes the renames durable; not every platform can open a folder for that, which is fine. */
  private void syncDir() {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // best effort
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("output folder " + shown + " is closed");
    }
  }

  private static String readHolder(FileChannel channel) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(32);
      int n = channel.read(buf, 0);
      String pid = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim();
      return pid.matches("\\d{1,12}") ? pid : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String reason(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover temp is removed by the next run's open()
    }
  }

  private static void closeQuietly(FileChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
