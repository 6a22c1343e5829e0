package dev.anyfn;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A scheduled trigger. Exactly one of {@link #cron()} and {@link #rate()} is set. The handler takes
 * {@link ScheduleEvent} (or nothing) and returns {@code void}.
 *
 * <p>{@code cron} is a five-field Unix cron expression, {@code minute hour day-of-month month
 * day-of-week}, with {@code *}, lists, ranges, steps and three-letter month and day names,
 * evaluated in {@link #zone()}. A schedule that restricts both day-of-month and day-of-week is
 * rejected at compile time, because AWS cannot express it. {@code rate} is a number and a unit:
 * {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnSchedule {
  /** Five-field Unix cron expression. */
  String cron() default "";

  /** Fixed rate such as {@code 5m}. */
  String rate() default "";

  /** IANA time zone the cron expression is evaluated in. */
  String zone() default "UTC";
}
