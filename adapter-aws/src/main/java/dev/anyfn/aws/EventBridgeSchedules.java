package dev.anyfn.aws;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.anyfn.core.index.TriggerSpec;

/**
 * The schedules of a SAM template: each {@code @OnSchedule} is an EventBridge Scheduler schedule (a
 * {@code ScheduleV2} event) of an AWS cron or rate expression, with an input {@link EventSource}
 * recognises as a scheduled event. Stateless.
 */
final class EventBridgeSchedules {
  private EventBridgeSchedules() {}

  /**
   * What EventBridge Scheduler sends the function for a schedule: without an {@code Input} it sends
   * a payload of its own that is no scheduled event (the adapter would take it for a direct
   * invocation), so the template gives one in the shape of a scheduled rule's event, which
   * Scheduler completes with the occurrence's context attributes. {@link EventSource} recognises it
   * by its {@code source}; its {@code detail.trigger} names the schedule, for a function with
   * several.
   */
  static String input(TriggerSpec.Schedule s) {
    return "{\"version\":\"0\",\"id\":\"<aws.scheduler.execution-id>\","
        + "\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
        + "\"time\":\"<aws.scheduler.scheduled-time>\","
        + "\"resources\":[\"<aws.scheduler.schedule-arn>\"],"
        + "\"detail\":{\"trigger\":\""
        + new String(JsonStringEncoder.getInstance().quoteAsString(s.describe()))
        + "\"}}";
  }

  /**
   * Appends the event of schedule {@code s}, under the event's {@code head} line, or nothing for a
   * schedule AWS cannot express ({@link AwsPackager} reports it). Every schedule is an EventBridge
   * Scheduler schedule, which takes cron with a time zone and rates alike and the {@link #input};
   * named by CloudFormation ({@code OmitName}), as SAM's own name would be the same in every stage
   * of one account.
   */
  static void appendEvent(TriggerSpec.Schedule s, String head, StringBuilder e) {
    String p = "            ";
    String expression =
        s.cron() != null && !s.cron().isEmpty()
            ? CronExpressions.toAws(s.cron()).orElse(null)
            : CronExpressions.rate(s.rateSeconds()).orElse(null);
    if (expression == null) {
      return; // reported by portabilityProblems
    }
    e.append(head).append("          Type: ScheduleV2\n          Properties:\n");
    e.append(p).append("ScheduleExpression: ").append(SamTemplate.quote(expression)).append('\n');
    if (s.cron() != null && !s.cron().isEmpty()) {
      e.append(p)
          .append("ScheduleExpressionTimezone: ")
          .append(SamTemplate.quote(s.zone()))
          .append('\n');
    }
    e.append(p).append("Input: ").append(SamTemplate.quote(input(s))).append('\n');
    e.append(p).append("OmitName: true\n");
  }
}
