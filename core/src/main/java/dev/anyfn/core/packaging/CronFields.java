package dev.anyfn.core.packaging;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fields of a five-field Unix cron that the annotation processor has checked, read for the
 * packagers that rewrite it in their cloud's syntax. Each cloud numbers the days of the week its
 * own way and takes a different subset of cron's operators there (EventBridge takes no step), so
 * the packagers work from the set of days rather than rewrite the field's text.
 */
public final class CronFields {
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private CronFields() {}

  /**
   * The days a day-of-week field selects, 0 (Sunday) to 6 (Saturday): numbers 0-7 (7 is Sunday
   * too), names {@code SUN}-{@code SAT} in any case, ranges, steps ({@code *}{@code /2}, {@code
   * 1-5/2}) and lists.
   *
   * @throws IllegalArgumentException naming the item that is not one of those
   */
  public static SortedSet<Integer> daysOfWeek(String field) {
    SortedSet<Integer> days = new TreeSet<>();
    for (String item : field.split(",", -1)) {
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        step = day(item.substring(slash + 1), item, false);
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = 0;
        to = 7;
      } else if (range.indexOf('-') > 0) {
        from = day(range.substring(0, range.indexOf('-')), item, true);
        to = day(range.substring(range.indexOf('-') + 1), item, true);
      } else {
        from = day(range, item, true);
        to = slash >= 0 ? 7 : from;
      }
      if (from > to || to > 7 || step < 1) {
        throw new IllegalArgumentException(
            "Day-of-week '" + item + "' is not a day, a range of days or a step within 0-7.");
      }
      for (int d = from; d <= to; d += step) {
        days.add(d % 7);
      }
    }
    return Collections.unmodifiableSortedSet(days);
  }

  private static int day(String text, String item, boolean names) {
    int index = names ? DAYS.indexOf(text.toUpperCase(Locale.ROOT)) : -1;
    if (index >= 0) {
      return index;
    }
    if (!text.matches("[0-9]{1,2}")) {
      throw new IllegalArgumentException(
          "Day-of-week '" + item + "' has '" + text + "' where a number or a day name belongs.");
    }
    return Integer.parseInt(text);
  }
}
