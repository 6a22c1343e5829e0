package com.example.app;

import dev.anyfn.DataChange;
import dev.anyfn.OnDataChange;
import dev.anyfn.OnQueue;
import dev.anyfn.OnSchedule;
import dev.anyfn.OnStorage;
import dev.anyfn.OnTopic;
import dev.anyfn.QueueMessage;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.ServerlessFunction;
import dev.anyfn.StorageEvent;
import dev.anyfn.TopicMessage;

/** One handler per event trigger kind. */
@ServerlessFunction("backoffice")
public class Backoffice {
  /** A document. */
  public record Stock(String id, int count) {}

  @OnQueue("orders")
  public void order(QueueMessage message) {}

  @OnTopic("prices")
  public void price(TopicMessage message) {}

  @OnStorage(bucket = "uploads")
  public void uploaded(StorageEvent event) {}

  @OnStorage(
      bucket = "archive",
      events = {StorageEvent.Kind.CREATED, StorageEvent.Kind.DELETED})
  public void archived(StorageEvent event) {}

  @OnSchedule(cron = "30 2 * * MON-FRI")
  public void nightly(ScheduleEvent event) {}

  @OnDataChange("stock")
  public void stock(DataChange<Stock> change) {}
}
