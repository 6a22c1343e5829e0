package com.example.shop;

import dev.anyfn.Context;
import dev.anyfn.OnSchedule;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.ServerlessFunction;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Every night at 02:00 UTC, reports the previous day. */
@ServerlessFunction(value = "shop-nightly", timeoutSeconds = 300)
public class NightlyReportFunction {
  /** Writes the report of the day before the scheduled time. */
  @OnSchedule(cron = "0 2 * * *")
  public void run(ScheduleEvent event, Context context) {
    LocalDate day = reportedDay(event);
    context
        .log()
        .info("nightly report", "day", day.toString(), "products", Catalog.PRODUCTS.size());
  }

  /** The day a run reports on: the UTC day before it was scheduled. */
  static LocalDate reportedDay(ScheduleEvent event) {
    return event.scheduledTime().atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
  }
}
