package com.example.app;

import dev.anyfn.Context;
import dev.anyfn.HttpMethod;
import dev.anyfn.OnSchedule;
import dev.anyfn.Route;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.SendsTo;
import dev.anyfn.ServerlessFunction;

/** Sends to two queues from an HTTP route and a schedule: each entry gets both output bindings. */
@ServerlessFunction("dispatch")
@SendsTo(queues = {"orders", "audit-log"})
public class Dispatch {
  @Route(value = "/dispatch", method = HttpMethod.POST)
  public void dispatch(String body, Context context) {
    context.send("orders", body);
    context.send("audit-log", "dispatched");
  }

  @OnSchedule(rate = "5m")
  public void sweep(ScheduleEvent event, Context context) {
    context.send("audit-log", "swept at " + event.scheduledTime());
  }
}
