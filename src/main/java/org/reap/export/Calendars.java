package org.reap.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.reap.model.Document;
import org.reap.model.Node;
import org.reap.model.Repository;
import org.reap.model.When;
import org.reap.render.Text;

/**
 * An iCalendar file (RFC 5545) of the repository's dated milestones (all-day events) and of its
 * standing meetings that say when they meet ("first Tuesday"): recurring events through the plan's
 * period. Undated milestones and meetings without a schedule are counted, not guessed.
 */
public final class Calendars {
  private Calendars() {}

  public record Result(String ics, int milestones, int meetings, List<String> skipped) {}

  private static final Pattern SCHEDULE =
      Pattern.compile(
          "(first|second|third|fourth|last)\\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
          Pattern.CASE_INSENSITIVE);

  public static Result build(Repository repo, Instant stamp) {
    Calendar cal = new Calendar();
    cal.add(new ProdId("-//reap//Racial Equity Action Plans//EN"));
    cal.add(ImmutableVersion.VERSION_2_0);
    cal.add(ImmutableCalScale.GREGORIAN);
    int milestones = 0;
    int meetings = 0;
    List<String> skipped = new ArrayList<>();
    for (Document d : repo.ofKind("milestones")) {
      List<Node> entries = d.root().list("entries");
      for (int i = 0; i < entries.size(); i++) {
        Node.Obj e = (Node.Obj) entries.get(i);
        When w = e.value("date");
        String title = Text.plain(e.string("title"));
        if (w == null
            || w.isTbd()
            || !w.yearKnown()
            || !(w.precision() == When.Precision.DAY || isDayRange(w))) {
          skipped.add(d.id() + ": \"" + title + "\" (" + (w == null ? "no date" : w.raw()) + ")");
          continue;
        }
        VEvent ev = new VEvent(w.start(), w.end().plusDays(1), title);
        ev.replace(new DtStamp(stamp));
        String id = e.string("id") != null ? e.string("id") : d.id() + "-" + (i + 1);
        ev.add(new Uid(id + "@reap"));
        StringBuilder desc = new StringBuilder(d.title());
        if (e.string("status") != null) {
          desc.append("\nStatus: ").append(e.string("status"));
        }
        if (Boolean.TRUE.equals(e.value("partnership"))) {
          desc.append("\nOpportunity for partnership");
        }
        if (e.string("owner") != null) {
          desc.append("\nOwner: ").append(e.string("owner"));
        }
        ev.add(new Description(desc.toString()));
        ev.add(new Categories("Milestone"));
        cal.add(ev);
        milestones++;
      }
    }
    for (Document plan : repo.ofKind("plan")) {
      Node.Obj period = plan.root().obj("period");
      When pw = period == null ? null : period.value("when");
      List<Node> list = plan.root().list("meetings");
      for (int i = 0; i < list.size(); i++) {
        Node.Obj m = (Node.Obj) list.get(i);
        String name = m.string("name");
        List<Node> schedule = m.list("schedule");
        if (schedule.isEmpty() || pw == null || pw.isTbd() || !pw.yearKnown()) {
          skipped.add(
              plan.id()
                  + ": meeting \""
                  + name
                  + "\" ("
                  + (schedule.isEmpty()
                      ? "no schedule such as \"first Tuesday\""
                      : "the plan has no dated period")
                  + ")");
          continue;
        }
        for (int k = 0; k < schedule.size(); k++) {
          String s = (String) ((Node.Val) schedule.get(k)).value();
          Matcher mm = SCHEDULE.matcher(s);
          if (!mm.find()) {
            skipped.add(
                plan.id() + ": meeting \"" + name + "\" (cannot read the schedule \"" + s + "\")");
            continue;
          }
          int ordinal =
              switch (mm.group(1).toLowerCase(Locale.ROOT)) {
                case "first" -> 1;
                case "second" -> 2;
                case "third" -> 3;
                case "fourth" -> 4;
                default -> -1;
              };
          DayOfWeek dow = DayOfWeek.valueOf(mm.group(2).toUpperCase(Locale.ROOT));
          LocalDate first = pw.start().with(TemporalAdjusters.dayOfWeekInMonth(ordinal, dow));
          if (first.isBefore(pw.start())) {
            first = pw.start().plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, dow));
          }
          VEvent ev = new VEvent(first, first.plusDays(1), name);
          ev.replace(new DtStamp(stamp));
          ev.add(new Uid(plan.id() + "-meeting-" + (i + 1) + "-" + (k + 1) + "@reap"));
          String byday =
              (ordinal == -1 ? "-1" : Integer.toString(ordinal)) + dow.name().substring(0, 2);
          ev.add(
              new RRule<LocalDate>(
                  "FREQ=MONTHLY;BYDAY="
                      + byday
                      + ";UNTIL="
                      + pw.end().toString().replace("-", "")));
          StringBuilder desc = new StringBuilder(plan.title()).append("\n").append(s);
          if (m.string("length") != null) {
            desc.append("\nLength: ").append(m.string("length"));
          }
          if (m.string("participants") != null) {
            desc.append("\nWho: ").append(m.string("participants"));
          }
          ev.add(new Description(desc.toString()));
          ev.add(new Categories("Standing meeting"));
          cal.add(ev);
          meetings++;
        }
      }
    }
    StringWriter w = new StringWriter();
    try {
      // ical4j folds by characters (splitting surrogate pairs, and 75 characters can be 300
      // octets): reap unfolds and folds again
      new CalendarOutputter(false).output(cal, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(
        fold(w.toString().replace("\r\n ", "").replace("\r\n\t", "")),
        milestones,
        meetings,
        skipped);
  }

  /**
   * RFC 5545, 3.1: a content line is at most 75 octets (UTF-8) without its CRLF; the continuation's
   * leading space counts.
   */
  static final int MAX_OCTETS = 75;

  /**
   * Folds every content line of an unfolded iCalendar text to at most {@link #MAX_OCTETS} octets,
   * never inside a UTF-8 sequence or a surrogate pair, and where it can between user-perceived
   * characters (a letter and its combining accents stay together; a cluster longer than a line is
   * split between code points).
   */
  static String fold(String ics) {
    StringBuilder out = new StringBuilder(ics.length() + ics.length() / 50);
    java.text.BreakIterator clusters = java.text.BreakIterator.getCharacterInstance(Locale.ROOT);
    for (String line : ics.split("\r\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      clusters.setText(line);
      int octets = 0;
      int limit = MAX_OCTETS;
      int start = 0;
      for (int end = clusters.next();
          end != java.text.BreakIterator.DONE;
          start = end, end = clusters.next()) {
        String cluster = line.substring(start, end);
        int size = utf8(cluster);
        if (octets + size > limit && octets > 0) {
          out.append("\r\n ");
          octets = 0;
          limit = MAX_OCTETS - 1;
        }
        if (size <= limit - octets) {
          out.append(cluster);
          octets += size;
          continue;
        }
        // one cluster longer than a line: by code points
        for (int i = 0; i < cluster.length(); ) {
          int cp = cluster.codePointAt(i);
          int n = utf8(Character.toString(cp));
          if (octets + n > limit) {
            out.append("\r\n ");
            octets = 0;
            limit = MAX_OCTETS - 1;
          }
          out.appendCodePoint(cp);
          octets += n;
          i += Character.charCount(cp);
        }
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static int utf8(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += Character.charCount(cp);
    }
    return n;
  }

  private static boolean isDayRange(When w) {
    return w.isRange() && w.raw().split("/")[0].trim().length() == 10;
  }
}
