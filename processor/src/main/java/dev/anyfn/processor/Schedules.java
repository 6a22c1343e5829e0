package dev.anyfn.processor;

import dev.anyfn.OnSchedule;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.ExecutableElement;

/** Reads {@code @OnSchedule}: exactly one of cron and rate, a valid cron, rate and zone. */
final class Schedules {
  private static final Pattern RATE = Pattern.compile("([1-9][0-9]{0,8})([smhd])");
  private static final String CRON_GRAMMAR =
      "Expected five fields 'minute hour day-of-month month day-of-week', for example '0 2 * * *'.";

  private final Reporter reporter;

  Schedules(Reporter reporter) {
    this.reporter = reporter;
  }

  Optional<Trigger> read(ExecutableElement method, OnSchedule schedule) {
    String m = method.getSimpleName().toString();
    String cron = schedule.cron().trim();
    String rate = schedule.rate().trim();
    boolean ok = checkZone(method, m, schedule.zone());
    if (!cron.isEmpty() && !rate.isEmpty()) {
      reporter.error(
          method,
          "@OnSchedule on "
              + m
              + " sets both cron '"
              + cron
              + "' and rate '"
              + rate
              + "'; expected exactly one. Remove one of them.");
      return Optional.empty();
    }
    if (cron.isEmpty() && rate.isEmpty()) {
      reporter.error(
          method,
          "@OnSchedule on "
              + m
              + " sets neither cron nor rate; expected exactly one. Add cron = \"0 2 * * *\" or"
              + " rate = \"5m\".");
      return Optional.empty();
    }
    if (!cron.isEmpty()) {
      ok &= checkCron(method, m, cron);
      return ok
          ? Optional.of(new Trigger.Schedule(cron, "", 0, schedule.zone()))
          : Optional.empty();
    }
    long seconds = rateSeconds(rate);
    if (seconds == 0) {
      reporter.error(
          method,
          "Invalid rate '"
              + rate
              + "' on "
              + m
              + ": expected a positive whole number and a unit s, m, h or d, for example '30s' or"
              + " '5m'.");
      return Optional.empty();
    }
    return ok
        ? Optional.of(new Trigger.Schedule("", rate, seconds, schedule.zone()))
        : Optional.empty();
  }

  /** The rate in seconds, or 0 when it is not a valid rate. */
  static long rateSeconds(String rate) {
    Matcher matcher = RATE.matcher(rate);
    if (!matcher.matches()) {
      return 0;
    }
    long amount = Long.parseLong(matcher.group(1));
    long unit =
        switch (matcher.group(2)) {
          case "s" -> 1;
          case "m" -> 60;
          case "h" -> 3600;
          default -> 86400;
        };
    return amount * unit;
  }

  private boolean checkCron(ExecutableElement method, String m, String cron) {
    try {
      CronExpressions.check(cron);
    } catch (SyntaxProblem problem) {
      reporter.error(
          method,
          "Invalid cron '"
              + cron
              + "' on "
              + m
              + ": "
              + problem.getMessage()
              + ". "
              + CRON_GRAMMAR);
      return false;
    }
    List<String> days = CronExpressions.bothDayFields(cron);
    if (!days.isEmpty()) {
      String[] fields = cron.split("\\s+");
      String prefix = fields[0] + " " + fields[1] + " ";
      reporter.error(
          method,
          "Cron '"
              + cron
              + "' on "
              + m
              + " restricts both day-of-month ("
              + days.get(0)
              + ") and day-of-week ("
              + days.get(1)
              + "), which AWS cannot express. Restrict only one of them and write '*' for the"
              + " other, for example '"
              + prefix
              + days.get(0)
              + " "
              + fields[3]
              + " *' or '"
              + prefix
              + "* "
              + fields[3]
              + " "
              + days.get(1)
              + "'.");
      return false;
    }
    return true;
  }

  private boolean checkZone(ExecutableElement method, String m, String zone) {
    try {
      ZoneId.of(zone);
      if (ZoneId.getAvailableZoneIds().contains(zone)) {
        return true;
      }
      // an offset such as +02:00 or GMT+2: EventBridge, Cloud Scheduler and Azure take
      // time-zone database names only
      reporter.error(
          method,
          "Zone '"
              + zone
              + "' on "
              + m
              + " is an offset, not a time-zone database name; the clouds' schedulers take names"
              + " only. Use an IANA name such as 'UTC' or 'Europe/Berlin' (or 'Etc/GMT-2' for a"
              + " fixed UTC+2).");
      return false;
    } catch (DateTimeException e) {
      reporter.error(
          method,
          "Invalid zone '"
              + zone
              + "' on "
              + m
              + ": it is not a java.time.ZoneId. Use an IANA name such as 'UTC' or"
              + " 'Europe/Berlin'.");
      return false;
    }
  }
}
