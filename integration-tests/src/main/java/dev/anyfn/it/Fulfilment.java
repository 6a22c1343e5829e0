package dev.anyfn.it;

import dev.anyfn.DataChange;
import dev.anyfn.InitContext;
import dev.anyfn.OnDataChange;
import dev.anyfn.OnInit;
import dev.anyfn.OnQueue;
import dev.anyfn.OnSchedule;
import dev.anyfn.OnStorage;
import dev.anyfn.OnTopic;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.ServerlessFunction;
import dev.anyfn.StorageEvent;
import dev.anyfn.TopicMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TreeMap;

/**
 * The event side of the packaged-artifact tests: a queue whose messages are bound to a record (and
 * fail one by one) and the queue its dead letters are set aside in, a topic, a storage bucket, a
 * nightly schedule and a table's changes. Each handler appends one line to the journal file named
 * by {@code FULFILMENT_JOURNAL}, which the packaging configuration sets, so a test in another JVM
 * sees what arrived.
 */
@ServerlessFunction(value = "fulfilment", timeoutSeconds = 20)
public class Fulfilment {
  /** A shipment request on the queue. */
  public record Shipment(String orderId, int parcels) {}

  /** A row of the stock table. */
  public record StockLevel(String sku, long onHand) {}

  private Path journal;

  @OnInit
  public void open(InitContext context) {
    String file = context.environment().get("FULFILMENT_JOURNAL");
    if (file == null || file.isBlank()) {
      throw new IllegalStateException(
          "FULFILMENT_JOURNAL is not set; expected the deployment's environment to name the"
              + " journal file (see <environment> of anyfn:package).");
    }
    journal = Path.of(file);
  }

  @OnQueue("shipments")
  public void ship(Shipment shipment) {
    if (shipment.parcels() <= 0) {
      throw new IllegalArgumentException("order " + shipment.orderId() + " has no parcels");
    }
    record("SHIP order=%s parcels=%d", shipment.orderId(), shipment.parcels());
  }

  /**
   * A shipment that failed its delivery attempts, set aside in {@code shipments-poison}: the same
   * name on every cloud.
   */
  @OnQueue("shipments-poison")
  public void setAside(Shipment shipment) {
    record("SET ASIDE order=%s parcels=%d", shipment.orderId(), shipment.parcels());
  }

  @OnTopic("restock")
  public void restock(TopicMessage message) {
    if (message.bodyText().contains("explode")) {
      throw new IllegalStateException("restock " + message.id() + " cannot be planned");
    }
    record(
        "RESTOCK id=%s body=%s attributes=%s",
        message.id(), message.bodyText(), new TreeMap<>(message.attributes()));
  }

  @OnStorage(bucket = "invoices")
  public void invoice(StorageEvent event) {
    record(
        "INVOICE id=%s kind=%s bucket=%s key=%s size=%d",
        event.id(), event.kind(), event.bucket(), event.key(), event.size());
  }

  @OnSchedule(cron = "30 2 * * *")
  public void nightly(ScheduleEvent event) {
    record("NIGHTLY id=%s at=%s", event.id(), event.scheduledTime());
  }

  @OnDataChange("stock")
  public void stockChanged(DataChange<StockLevel> change) {
    if (change.newImage().map(s -> s.onHand() < 0).orElse(false)) {
      throw new IllegalStateException("negative stock in " + change.id());
    }
    record(
        "STOCK id=%s kind=%s keys=%s old=%s new=%s",
        change.id(),
        change.kind(),
        new TreeMap<>(change.keys()),
        change.oldImage().map(Object::toString).orElse("-"),
        change.newImage().map(Object::toString).orElse("-"));
  }

  private synchronized void record(String format, Object... args) {
    try {
      Files.writeString(
          journal,
          String.format(format, args) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the journal " + journal, e);
    }
  }
}
