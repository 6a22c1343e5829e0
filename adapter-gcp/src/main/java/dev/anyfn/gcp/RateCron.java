package dev.anyfn.gcp;

import java.util.Optional;

/**
 * Turns a fixed rate into the Cloud Scheduler (unix-cron) expression that fires at exactly that
 * rate, where one exists. A cron step restarts every hour or day, so only rates dividing an hour
 * (in minutes) or a day (in hours) are exact.
 */
final class RateCron {
  private RateCron() {}

  /** The cron expression, or empty when no cron expression fires at exactly this rate. */
  static Optional<String> of(long rateSeconds) {
    if (rateSeconds <= 0 || rateSeconds % 60 != 0) {
      return Optional.empty();
    }
    long minutes = rateSeconds / 60;
    if (minutes == 1) {
      return Optional.of("* * * * *");
    }
    if (minutes < 60) {
      return 60 % minutes == 0 ? Optional.of("*/" + minutes + " * * * *") : Optional.empty();
    }
    if (minutes % 60 != 0) {
      return Optional.empty();
    }
    long hours = minutes / 60;
    if (hours == 1) {
      return Optional.of("0 * * * *");
    }
    if (hours < 24) {
      return 24 % hours == 0 ? Optional.of("0 */" + hours + " * * *") : Optional.empty();
    }
    return hours == 24 ? Optional.of("0 0 * * *") : Optional.empty();
  }
}
