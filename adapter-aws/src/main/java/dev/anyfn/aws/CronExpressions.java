package dev.anyfn.aws;

import java.util.Optional;

/**
 * Five-field Unix cron ({@code minute hour day-of-month month day-of-week}) to EventBridge's
 * six-field {@code cron(minutes hours day-of-month month day-of-week year)}, where one of the two
 * day fields must be {@code ?} and days of the week count from 1 (Sunday) instead of 0.
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
    String dow = f[4];
    boolean domAny = dom.equals("*") || dom.equals("?");
    boolean dowAny = dow.equals("*") || dow.equals("?");
    if (!domAny && !dowAny) {
      return Optional.empty();
    }
    String awsDom;
    String awsDow;
    if (dowAny) {
      awsDom = domAny ? "*" : dom;
      awsDow = "?";
    } else {
      awsDom = "?";
      awsDow = shiftDays(dow);
    }
    return Optional.of(
        "cron(" + f[0] + " " + f[1] + " " + awsDom + " " + f[3] + " " + awsDow + " *)");
  }

  /** Adds one to every numeric day (Unix 0-7, 0 and 7 Sunday; AWS 1-7, 1 Sunday); keeps names. */
  private static String shiftDays(String field) {
    StringBuilder out = new StringBuilder();
    StringBuilder number = new StringBuilder();
    boolean afterSlash = false;
    for (char c : (field + "\0").toCharArray()) {
      if (Character.isDigit(c)) {
        number.append(c);
        continue;
      }
      if (number.length() > 0) {
        int n = Integer.parseInt(number.toString());
        out.append(afterSlash ? n : (n % 7) + 1);
        number.setLength(0);
      }
      if (c == '\0') {
        break;
      }
      afterSlash = c == '/';
      out.append(c);
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
