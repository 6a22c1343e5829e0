package dev.anyfn.azure;

import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.CronFields;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Converts neutral schedules to what {@code @TimerTrigger} takes: six-field NCRONTAB ({@code {sec}
 * {min} {hour} {day} {month} {day-of-week}}) or, for rates that no NCRONTAB expresses, a TimeSpan.
 */
final class Ncrontab {
  private static final Set<String> UTC = Set.of("", "UTC", "Etc/UTC", "Z", "GMT", "Etc/GMT");
  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };

  /**
   * A converted schedule.
   *
   * @param expression what {@code @TimerTrigger(schedule)} gets
   * @param timeSpan whether it is a TimeSpan (not accepted on the Consumption plan)
   */
  record Result(String expression, boolean timeSpan) {}

  /** A schedule that Azure cannot express; {@code reason} completes "Its schedule ...". */
  static final class Inexpressible extends Exception {
    private static final long serialVersionUID = 1L;

    Inexpressible(String reason) {
      super(reason);
    }
  }

  private Ncrontab() {}

  /**
   * Converts a schedule trigger.
   *
   * @throws Inexpressible when neither NCRONTAB nor a TimeSpan expresses it
   */
  static Result convert(TriggerSpec.Schedule schedule) throws Inexpressible {
    if (schedule.cron() != null && !schedule.cron().isBlank()) {
      return new Result(cron(schedule.cron()), false);
    }
    return rate(schedule.rateSeconds(), schedule.rate());
  }

  /** Whether the schedule's zone is UTC, the only zone every Azure function app shares. */
  static boolean utc(TriggerSpec.Schedule schedule) {
    return schedule.zone() == null || UTC.contains(schedule.zone().trim());
  }

  static String cron(String cron) throws Inexpressible {
    String[] f = cron.trim().split("\\s+");
    if (f.length != 5) {
      throw new Inexpressible(
          "cron '"
              + cron
              + "' has "
              + f.length
              + " fields; expected five (min hour day month dow)");
    }
    if (!f[2].equals("*") && !f[4].equals("*")) {
      throw new Inexpressible(
          "cron '"
              + cron
              + "' restricts both day-of-month ("
              + f[2]
              + ") and day-of-week ("
              + f[4]
              + "): cron runs when either matches, NCRONTAB only when both match. Use two"
              + " schedules, one per day field");
    }
    String month = names(f[3], MONTHS, 1);
    String dow = f[4].equals("*") ? "*" : dayOfWeek(f[4], cron);
    return String.join(" ", "0", f[0], f[1], f[2], month, dow);
  }

  private static String names(String field, String[] names, int first) {
    String out = field.toUpperCase(Locale.ROOT);
    for (int i = 0; i < names.length; i++) {
      out = out.replace(names[i], Integer.toString(i + first));
    }
    return out;
  }

  /** Expands a day-of-week field to explicit 0-6 values (names and cron's 7 for Sunday). */
  private static String dayOfWeek(String field, String cron) throws Inexpressible {
    Set<Integer> days;
    try {
      days = CronFields.daysOfWeek(field);
    } catch (IllegalArgumentException e) {
      throw new Inexpressible("cron '" + cron + "': " + e.getMessage());
    }
    StringBuilder b = new StringBuilder();
    for (int d : days) {
      b.append(b.length() == 0 ? "" : ",").append(d);
    }
    return days.size() == 7 ? "*" : b.toString();
  }

  static Result rate(long seconds, String rate) throws Inexpressible {
    if (seconds <= 0) {
      throw new Inexpressible("rate '" + rate + "' is not a positive duration");
    }
    Optional<String> exact = exactCron(seconds);
    if (exact.isPresent()) {
      return new Result(exact.get(), false);
    }
    long days = seconds / 86_400;
    long rest = seconds % 86_400;
    String span =
        String.format(Locale.ROOT, "%02d:%02d:%02d", rest / 3600, (rest % 3600) / 60, rest % 60);
    return new Result(days > 0 ? days + "." + span : span, true);
  }

  private static Optional<String> exactCron(long s) {
    if (s < 60 && 60 % s == 0) {
      return Optional.of((s == 1 ? "*" : "*/" + s) + " * * * * *");
    }
    if (s % 60 == 0 && s < 3600 && 3600 % s == 0) {
      long m = s / 60;
      return Optional.of("0 " + (m == 1 ? "*" : "*/" + m) + " * * * *");
    }
    if (s % 3600 == 0 && s < 86_400 && 86_400 % s == 0) {
      long h = s / 3600;
      return Optional.of("0 0 " + (h == 1 ? "*" : "*/" + h) + " * * *");
    }
    if (s == 86_400) {
      return Optional.of("0 0 0 * * *");
    }
    return Optional.empty();
  }
}
