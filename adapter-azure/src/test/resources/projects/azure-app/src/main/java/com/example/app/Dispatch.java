package com.example.app;

import dev.anyfn.Context;
import dev.anyfn.HttpMethod;
import dev.anyfn.OnSchedule;
import dev.anyfn.Route;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.SendsTo;
import dev.anyfn.ServerlessFunction;

/**
 * Sends to two queues and publishes to a topic from an HTTP route and a schedule: each entry gets
 * all three output bindings.
 */
@ServerlessFunction("dispatch")
@SendsTo(
    queues = {"orders", "audit-log"},
    topics = "order-events")
public class Dispatch {
  /** A topic message. */
  public record OrderDispatched(String order) {}

  @Route(value = "/dispatch", method = HttpMethod.POST)
  public void dispatch(String body, Context context) {
    context.send("orders", body);
    context.send("audit-log", "dispatched");
    context.publish("order-events", new OrderDispatched(body));
  }

  @OnSchedule(rate = "5m")
  public void sweep(ScheduleEvent event, Context context) {
    context.send("audit-log", "swept at " + event.scheduledTime());
  }
}
