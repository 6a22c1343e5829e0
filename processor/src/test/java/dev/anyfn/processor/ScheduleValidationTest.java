package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code @OnSchedule}: cron, rate, zone and the handler's signature. */
class ScheduleValidationTest {
  private static final String CRON_GRAMMAR =
      ". Expected five fields 'minute hour day-of-month month day-of-week', for example"
          + " '0 2 * * *'.";

  private static Compilation schedule(String attributes) {
    return compile(
        """
        @ServerlessFunction("jobs")
        public class Jobs {
          @OnSchedule(%s)
          public void nightly(ScheduleEvent event) {}
        }
        """
            .formatted(attributes));
  }

  @Test
  void rejectsMinuteOutOfRange() {
    schedule("cron = \"61 * * * *\"")
        .assertError(
            "Invalid cron '61 * * * *' on nightly: minute 61 is outside 0-59" + CRON_GRAMMAR);
  }

  @Test
  void rejectsWrongNumberOfFields() {
    schedule("cron = \"0 2 * *\"")
        .assertError("Invalid cron '0 2 * *' on nightly: it has 4 fields" + CRON_GRAMMAR);
  }

  @Test
  void rejectsUnknownMonthName() {
    schedule("cron = \"0 2 * FOO *\"")
        .assertError(
            "Invalid cron '0 2 * FOO *' on nightly: month 'FOO' is not a number 1-12 or a name"
                + " JAN-DEC"
                + CRON_GRAMMAR);
  }

  @Test
  void rejectsBothDayOfMonthAndDayOfWeek() {
    schedule("cron = \"0 2 1 * MON\"")
        .assertError(
            "Cron '0 2 1 * MON' on nightly restricts both day-of-month (1) and day-of-week (MON),"
                + " which AWS cannot express. Restrict only one of them and write '*' for the"
                + " other, for example '0 2 1 * *' or '0 2 * * MON'.");
  }

  @Test
  void rejectsBothCronAndRate() {
    schedule("cron = \"0 2 * * *\", rate = \"5m\"")
        .assertError(
            "@OnSchedule on nightly sets both cron '0 2 * * *' and rate '5m'; expected exactly"
                + " one. Remove one of them.");
  }

  @Test
  void rejectsNeitherCronNorRate() {
    schedule("")
        .assertError(
            "@OnSchedule on nightly sets neither cron nor rate; expected exactly one. Add cron ="
                + " \"0 2 * * *\" or rate = \"5m\".");
  }

  @Test
  void rejectsInvalidRate() {
    schedule("rate = \"5x\"")
        .assertError(
            "Invalid rate '5x' on nightly: expected a positive whole number and a unit s, m, h or"
                + " d, for example '30s' or '5m'.");
  }

  @Test
  void rejectsZeroRate() {
    schedule("rate = \"0m\"")
        .assertError(
            "Invalid rate '0m' on nightly: expected a positive whole number and a unit s, m, h or"
                + " d, for example '30s' or '5m'.");
  }

  @Test
  void rejectsUnknownZone() {
    schedule("cron = \"0 2 * * *\", zone = \"Mars/Olympus\"")
        .assertError(
            "Invalid zone 'Mars/Olympus' on nightly: it is not a java.time.ZoneId. Use an IANA name"
                + " such as 'UTC' or 'Europe/Berlin'.");
  }

  @Test
  void rejectsAnOffsetForAZoneAsTheSchedulersTakeNamesOnly() {
    schedule("cron = \"0 2 * * *\", zone = \"+02:00\"")
        .assertError(
            "Zone '+02:00' on nightly is an offset, not a time-zone database name; the clouds'"
                + " schedulers take names only. Use an IANA name such as 'UTC' or 'Europe/Berlin'"
                + " (or 'Etc/GMT-2' for a fixed UTC+2).");
  }

  @Test
  void rejectsScheduleHandlerTakingQueueMessage() {
    compile(
            """
            @ServerlessFunction
            public class Jobs {
              @OnSchedule(rate = "5m")
              public void tick(QueueMessage message) {}
            }
            """)
        .assertError(
            "@OnSchedule handler tick takes QueueMessage; expected ScheduleEvent or no parameter.");
  }

  @Test
  void indexesCronAndRateSchedules() {
    String index =
        compile(
                """
                @ServerlessFunction
                public class Jobs {
                  @OnSchedule(cron = "0 2 * * MON-FRI", zone = "Europe/Berlin")
                  public void nightly(ScheduleEvent event) {}

                  @OnSchedule(rate = "2h")
                  public void tick() {}
                }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            "\"trigger\": { \"kind\": \"SCHEDULE\", \"cron\": \"0 2 * * MON-FRI\", \"rate\": \"\","
                + " \"rateSeconds\": 0, \"zone\": \"Europe/Berlin\" },")
        .contains(
            "\"trigger\": { \"kind\": \"SCHEDULE\", \"cron\": \"\", \"rate\": \"2h\","
                + " \"rateSeconds\": 7200, \"zone\": \"UTC\" },")
        .contains("{ \"source\": \"EVENT\", \"type\": \"dev.anyfn.ScheduleEvent\" }");
  }
}
