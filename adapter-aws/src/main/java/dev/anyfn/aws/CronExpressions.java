package dev.anyfn.aws;

import dev.anyfn.core.packaging.CronFields;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Five-field Unix cron ({@code minute hour day-of-month month day-of-week}) to EventBridge's
 * six-field {@code cron(minutes hours day-of-month month day-of-week year)}, where one of the two
 * day fields must be {@code ?} and days of the week count from 1 (Sunday) instead of 0. A step from
 * {@code *} ({@code *}{@code /15}) is written from the field's first value ({@code 0/15}), the form
 * AWS documents, which means the same.
 */
final class CronExpressions {
  private CronExpressions() {}

  /** The EventBridge expression, or empty when AWS cannot express this schedule. */
  static Optional<String> toAws(String cron) {
    String[] f = cron.strip().split("\\s+");
    if (f.length != 5) {
      return Optional.empty();
    }
    String dom = f[2];
    boolean domAny = dom.equals("*") || dom.equals("?");
    boolean dowAny = f[4].equals("*") || f[4].equals("?");
    if (!domAny && !dowAny) {
      return Optional.empty();
    }
    String awsDow = dowAny ? "?" : awsDays(CronFields.daysOfWeek(f[4]));
    String awsDom = awsDow.equals("?") ? (domAny ? "*" : stepFrom(dom, 1)) : "?";
    // Month names in the upper case EventBridge documents (cron takes them in any case).
    String month = stepFrom(f[3].toUpperCase(Locale.ROOT), 1);
    return Optional.of(
        "cron("
            + stepFrom(f[0], 0)
            + " "
            + stepFrom(f[1], 0)
            + " "
            + awsDom
            + " "
            + month
            + " "
            + awsDow
            + " *)");
  }

  /**
   * {@code field} with each step from {@code *} ({@code *}{@code /n}) made {@code first/n}, and
   * each step over a numeric range ({@code 10-50/10}) written out as its values ({@code
   * 10,20,30,40,50}): AWS documents a step only from a single value, and a list it documents.
   */
  private static String stepFrom(String field, int first) {
    StringBuilder out = new StringBuilder();
    for (String part : field.split(",", -1)) {
      out.append(out.length() == 0 ? "" : ",");
      Matcher range = STEPPED_RANGE.matcher(part);
      if (part.startsWith("*/")) {
        out.append(first).append(part.substring(1));
      } else if (range.matches()) {
        int from = Integer.parseInt(range.group(1));
        int to = Integer.parseInt(range.group(2));
        int step = Integer.parseInt(range.group(3));
        for (int v = from; v <= to; v += step) {
          out.append(v == from ? "" : ",").append(v);
        }
      } else {
        out.append(part);
      }
    }
    return out.toString();
  }

  /** A step over a numeric range, {@code from-to/step}; the processor checked its bounds. */
  private static final Pattern STEPPED_RANGE = Pattern.compile("(\\d{1,2})-(\\d{1,2})/(\\d{1,2})");

  /**
   * EventBridge's day-of-week field for a set of Unix days (0 Sunday to 6): days count from 1
   * (Sunday) to 7, and the field takes lists and ranges but no step, so the days are written out,
   * runs of three or more as ranges; {@code ?} (any day) when all seven are selected.
   */
  private static String awsDays(SortedSet<Integer> unixDays) {
    if (unixDays.size() == 7) {
      return "?";
    }
    StringBuilder out = new StringBuilder();
    List<Integer> days = List.copyOf(unixDays);
    for (int i = 0; i < days.size(); ) {
      int j = i;
      while (j + 1 < days.size() && days.get(j + 1) == days.get(j) + 1) {
        j++;
      }
      out.append(out.length() == 0 ? "" : ",");
      if (j - i >= 2) {
        out.append(days.get(i) + 1).append('-').append(days.get(j) + 1);
      } else {
        for (int k = i; k <= j; k++) {
          out.append(k == i ? "" : ",").append(days.get(k) + 1);
        }
      }
      i = j + 1;
    }
    return out.toString();
  }

  /** {@code rate(N unit)} for a rate in seconds, or empty below a minute or off whole minutes. */
  static Optional<String> rate(long seconds) {
    if (seconds < 60 || seconds % 60 != 0) {
      return Optional.empty();
    }
    long n;
    String unit;
    if (seconds % 86_400 == 0) {
      n = seconds / 86_400;
      unit = "day";
    } else if (seconds % 3_600 == 0) {
      n = seconds / 3_600;
      unit = "hour";
    } else {
      n = seconds / 60;
      unit = "minute";
    }
    return Optional.of("rate(" + n + " " + unit + (n == 1 ? "" : "s") + ")");
  }
}
