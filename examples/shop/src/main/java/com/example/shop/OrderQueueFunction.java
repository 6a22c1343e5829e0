package com.example.shop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.BatchResult;
import dev.anyfn.Context;
import dev.anyfn.OnQueue;
import dev.anyfn.QueueMessage;
import dev.anyfn.ServerlessFunction;
import java.util.ArrayList;
import java.util.List;

/**
 * Consumes the {@code orders} queue in batches. A message that cannot be processed is reported as
 * failed on its own: the others are acknowledged, and only it is delivered again - SQS batch item
 * failures, and the same on every cloud. After the provider's attempts it is set aside in {@code
 * orders-poison}, on every cloud and on the emulator, where {@link #setAside} reads it.
 */
@ServerlessFunction("shop-orders")
public class OrderQueueFunction {
  /** An order message: {@code {"orderId":"...","productId":1,"quantity":2}}. */
  public record OrderMessage(String orderId, long productId, int quantity) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fulfils each order of the batch and names the messages that failed. */
  @OnQueue(value = "orders", batchSize = 10)
  public BatchResult process(List<QueueMessage> batch, Context context) {
    List<String> failed = new ArrayList<>();
    for (QueueMessage message : batch) {
      try {
        OrderMessage order = parse(message.bodyText());
        Product product = Catalog.product(order.productId()).orElseThrow();
        context
            .log()
            .info(
                "order fulfilled",
                "orderId",
                order.orderId(),
                "product",
                product.name(),
                "quantity",
                order.quantity());
      } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
        context.log().warn("order rejected", "messageId", message.id(), "reason", e.getMessage());
        failed.add(message.id());
      }
    }
    return failed.isEmpty() ? BatchResult.success() : BatchResult.failed(failed);
  }

  /**
   * An order that could not be fulfilled: logged for the staff to follow up. Returning normally
   * removes it from {@code orders-poison}; a failure here would set it aside in {@code
   * orders-poison-poison}.
   */
  @OnQueue("orders-poison")
  public void setAside(QueueMessage message, Context context) {
    context
        .log()
        .warn(
            "order set aside",
            "messageId",
            message.id(),
            "body",
            message.bodyText(),
            "attempt",
            message.deliveryAttempt());
  }

  static OrderMessage parse(String body) {
    OrderMessage order;
    try {
      order = JSON.readValue(body, OrderMessage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not an order message: " + e.getOriginalMessage(), e);
    }
    if (order.orderId() == null || order.quantity() < 1) {
      throw new IllegalArgumentException("an order needs an orderId and a quantity of 1 or more");
    }
    return order;
  }
}
