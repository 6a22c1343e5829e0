package com.example.it;

import dev.anyfn.OnSchedule;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.ServerlessFunction;

@ServerlessFunction("sweeper")
public class Sweeper {
  @OnSchedule(rate = "7m")
  public void sweep(ScheduleEvent event) {}
}
