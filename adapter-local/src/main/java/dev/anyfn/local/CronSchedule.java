package dev.anyfn.local;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A five-field Unix cron expression ({@code minute hour day-of-month month day-of-week}) with
 * {@code *}, lists, ranges, steps and three-letter month and day names. As in Vixie cron, when both
 * day fields are restricted a day matches either. Immutable and thread-safe.
 */
final class CronSchedule {
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  private final String expression;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domRestricted;
  private final boolean dowRestricted;
  private final boolean hoursRestricted;

  private CronSchedule(String expression, String[] f) {
    this.expression = expression;
    this.minutes = field(f[0], "minute", 0, 59, List.of(), 0);
    this.hours = field(f[1], "hour", 0, 23, List.of(), 0);
    this.daysOfMonth = field(f[2], "day-of-month", 1, 31, List.of(), 0);
    this.months = field(f[3], "month", 1, 12, MONTHS, 1);
    BitSet dow = field(f[4], "day-of-week", 0, 7, DAYS, 0);
    if (dow.get(7)) {
      dow.set(0); // 7 is Sunday too
    }
    this.daysOfWeek = dow;
    this.domRestricted = !f[2].equals("*") && !f[2].equals("?");
    this.dowRestricted = !f[4].equals("*") && !f[4].equals("?");
    this.hoursRestricted = !f[1].equals("*");
  }

  /**
   * Parses an expression.
   *
   * @throws IllegalArgumentException naming the bad field and what was expected
   */
  static CronSchedule parse(String expression) {
    String[] f = expression.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "Cron expression '"
              + expression
              + "' has "
              + f.length
              + " fields; expected 5: minute hour day-of-month month day-of-week.");
    }
    return new CronSchedule(expression, f);
  }

  private static BitSet field(
      String text, String name, int min, int max, List<String> names, int nameBase) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = number(part.substring(slash + 1), name, text, List.of(), 0);
        range = part.substring(0, slash);
        if (step < 1) {
          throw bad(text, name, "a step of at least 1");
        }
      }
      int lo;
      int hi;
      if (range.equals("*") || range.equals("?")) {
        lo = min;
        hi = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        lo = number(ends[0], name, text, names, nameBase);
        hi = number(ends[1], name, text, names, nameBase);
      } else {
        lo = number(range, name, text, names, nameBase);
        hi = slash >= 0 ? max : lo;
      }
      if (lo < min || hi > max || lo > hi) {
        throw bad(text, name, "values from " + min + " to " + max);
      }
      for (int v = lo; v <= hi; v += step) {
        bits.set(v);
      }
    }
    return bits;
  }

  private static int number(String s, String name, String field, List<String> names, int nameBase) {
    int idx = names.indexOf(s.toUpperCase(Locale.ROOT));
    if (idx >= 0) {
      return idx + nameBase;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw bad(field, name, "a number" + (names.isEmpty() ? "" : " or one of " + names));
    }
  }

  private static IllegalArgumentException bad(String field, String name, String expected) {
    return new IllegalArgumentException(
        "Cron " + name + " field '" + field + "' is not valid; expected " + expected + ".");
  }

  /** The first matching minute strictly after {@code after}, in its zone. */
  ZonedDateTime next(ZonedDateTime after) {
    ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!dayMatches(t)) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute()) || repeatedLocalTime(t)) {
        t = t.plusMinutes(1);
      } else {
        return t;
      }
    }
    throw new IllegalStateException("Cron expression '" + expression + "' never fires.");
  }

  /**
   * Whether {@code t} is the second occurrence of a local time that the end of daylight saving time
   * repeats, for a schedule with restricted hours: such a schedule fires once at that local time,
   * as EventBridge Scheduler and cron do; a schedule for every hour fires in both.
   */
  private boolean repeatedLocalTime(ZonedDateTime t) {
    return hoursRestricted && !t.equals(t.withEarlierOffsetAtOverlap());
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    if (domRestricted && dowRestricted) {
      return dom || dow;
    }
    return dom && dow;
  }

  @Override
  public String toString() {
    return expression;
  }
}
