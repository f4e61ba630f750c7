package org.reap.validate;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** "Did you mean" for misspelt field names, words and ids. */
public final class Suggest {
  private Suggest() {}

  /** Words people write for a status, mapped to the one reap uses. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("complete", "done"),
          Map.entry("completed", "done"),
          Map.entry("finished", "done"),
          Map.entry("closed", "done"),
          Map.entry("started", "in-progress"),
          Map.entry("ongoing", "in-progress"),
          Map.entry("underway", "in-progress"),
          Map.entry("active", "in-progress"),
          Map.entry("not-started", "planned"),
          Map.entry("todo", "planned"),
          Map.entry("to-do", "planned"),
          Map.entry("scheduled", "planned"),
          Map.entry("late", "at-risk"),
          Map.entry("delayed", "at-risk"),
          Map.entry("overdue", "missed"),
          Map.entry("cancelled", "dropped"),
          Map.entry("canceled", "dropped"),
          Map.entry("tbd", "pending"),
          Map.entry("draft", "pending"),
          Map.entry("struck", "withdrawn"),
          Map.entry("removed", "withdrawn"),
          Map.entry("higher", "higher-is-better"),
          Map.entry("lower", "lower-is-better"),
          Map.entry("up", "higher-is-better"),
          Map.entry("down", "lower-is-better"));

  /** The closest candidate, or null when none is close enough to be a likely typo. */
  public static String closest(String given, Collection<String> candidates) {
    String g = normalise(given);
    for (String c : candidates) {
      if (normalise(c).equals(g)) {
        return c;
      }
    }
    String syn = SYNONYMS.get(g);
    if (syn != null && candidates.contains(syn)) {
      return syn;
    }
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(g, normalise(c));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    int allowed = given.length() <= 4 ? 1 : given.length() <= 8 ? 2 : 3;
    return bestD <= allowed ? best : null;
  }

  static String normalise(String s) {
    return s.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }

  /** Edit distance counting a swap of neighbours as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[] before = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], before[j - 2] + 1);
        }
      }
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** "did you mean "x"? " or "" */
  public static String didYouMean(String given, Collection<String> candidates) {
    String c = closest(given, candidates);
    return c == null ? "" : "did you mean \"" + c + "\"? ";
  }
}
