package dev.anyfn.processor;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks five-field Unix cron expressions: {@code *}, numbers, ranges {@code a-b}, steps {@code
 * a-b/n} and {@code *}{@code /n}, lists {@code a,b}, and three-letter month and day names.
 */
final class CronExpressions {
  private static final List<Field> FIELDS =
      List.of(
          new Field("minute", 0, 59, List.of(), 0),
          new Field("hour", 0, 23, List.of(), 0),
          new Field("day-of-month", 1, 31, List.of(), 0),
          new Field(
              "month",
              1,
              12,
              List.of(
                  "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
                  "DEC"),
              1),
          new Field(
              "day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"), 0));

  private CronExpressions() {}

  /**
   * Checks an expression.
   *
   * @throws SyntaxProblem naming the first field that is wrong and how
   */
  static void check(String cron) throws SyntaxProblem {
    String[] fields = fields(cron);
    if (fields.length != FIELDS.size()) {
      throw new SyntaxProblem(
          "it has " + fields.length + (fields.length == 1 ? " field" : " fields"));
    }
    BitSet[] values = new BitSet[fields.length];
    for (int i = 0; i < fields.length; i++) {
      values[i] = checkField(FIELDS.get(i), fields[i]);
    }
    if (fields[4].equals("*") && !anyDayExists(values[2], values[3])) {
      throw new SyntaxProblem(
          "day-of-month '"
              + fields[2]
              + "' never falls in month '"
              + fields[3]
              + "', so the schedule would never fire");
    }
  }

  /** The most days each month can have (February in a leap year). */
  private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /** Whether some month of {@code months} has some day of {@code days}. */
  private static boolean anyDayExists(BitSet days, BitSet months) {
    for (int m = months.nextSetBit(1); m >= 1; m = months.nextSetBit(m + 1)) {
      int first = days.nextSetBit(1);
      if (first >= 1 && first <= DAYS_IN_MONTH[m - 1]) {
        return true;
      }
    }
    return false;
  }

  /** The day-of-month and day-of-week fields, when both restrict the schedule; else empty. */
  static List<String> bothDayFields(String cron) {
    String[] fields = fields(cron);
    boolean both = fields.length == 5 && !fields[2].equals("*") && !fields[4].equals("*");
    return both ? List.of(fields[2], fields[4]) : List.of();
  }

  private static String[] fields(String cron) {
    String trimmed = cron.trim();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
  }

  /** Checks one field; returns the values it selects. */
  private static BitSet checkField(Field field, String text) throws SyntaxProblem {
    BitSet values = new BitSet(field.max + 1);
    for (String item : text.split(",", -1)) {
      if (item.isEmpty()) {
        throw new SyntaxProblem(field.name + " '" + text + "' has an empty list element");
      }
      String range = item;
      int step = 1;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        String stepText = item.substring(slash + 1);
        if (!stepText.matches("[0-9]{1,9}") || Integer.parseInt(stepText) == 0) {
          throw new SyntaxProblem(
              field.name + " step '" + stepText + "' in '" + item + "' is not a positive number");
        }
        if (!range.equals("*") && range.indexOf('-') < 0) {
          throw new SyntaxProblem(
              field.name
                  + " '"
                  + item
                  + "' has a step without a range; write '*/"
                  + stepText
                  + "' or 'a-b/"
                  + stepText
                  + "'");
        }
        step = Integer.parseInt(stepText);
      }
      int[] bounds = range.equals("*") ? new int[] {field.min, field.max} : range(field, range);
      for (int v = bounds[0]; v <= bounds[1]; v += step) {
        values.set(v);
      }
    }
    return values;
  }

  /** The first and last value of a value or a range {@code a-b}. */
  private static int[] range(Field field, String range) throws SyntaxProblem {
    int dash = range.indexOf('-');
    if (dash < 0) {
      int value = field.value(range);
      return new int[] {value, value};
    }
    String from = range.substring(0, dash);
    String to = range.substring(dash + 1);
    if (from.isEmpty() || to.isEmpty()) {
      throw new SyntaxProblem(field.name + " '" + range + "' is not a value or a range a-b");
    }
    int first = field.value(from);
    int last = field.value(to);
    if (first > last) {
      throw new SyntaxProblem(
          field.name + " range '" + range + "' runs backwards; write the smaller value first");
    }
    return new int[] {first, last};
  }

  private record Field(String name, int min, int max, List<String> names, int firstNameValue) {
    int value(String text) throws SyntaxProblem {
      if (text.matches("[0-9]{1,9}")) {
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
          throw new SyntaxProblem(name + " " + value + " is outside " + min + "-" + max);
        }
        return value;
      }
      int index = names.indexOf(text.toUpperCase(Locale.ROOT));
      if (index >= 0) {
        return index + firstNameValue;
      }
      String expected =
          names.isEmpty()
              ? "a number " + min + "-" + max
              : "a number "
                  + min
                  + "-"
                  + max
                  + " or a name "
                  + names.get(0)
                  + "-"
                  + names.get(names.size() - 1);
      throw new SyntaxProblem(name + " '" + text + "' is not " + expected);
    }
  }
}
