package com.example.shop;

import dev.anyfn.Context;
import dev.anyfn.DataChange;
import dev.anyfn.OnDataChange;
import dev.anyfn.OnTopic;
import dev.anyfn.ServerlessFunction;

/**
 * Audits every order the API accepts (the {@code order-events} topic) and every change of the
 * {@code orders} table (a DynamoDB stream, a Firestore trigger or a Cosmos DB change feed,
 * depending on the cloud). Orders are never deleted, only cancelled (a status change): Cosmos DB's
 * change feed does not report deletions, so a function that waited for REMOVE could not be packaged
 * for Azure.
 */
@ServerlessFunction("shop-audit")
public class AuditFunction {
  /** A row of the orders table. */
  public record OrderRow(String orderId, String status, long totalCents) {}

  /** What the API publishes when it accepts an order. */
  public record OrderPlaced(String orderId, long totalCents) {}

  /** Logs one audit line per accepted order. */
  @OnTopic("order-events")
  public void placed(OrderPlaced event, Context context) {
    context
        .log()
        .info("order placed", "orderId", event.orderId(), "totalCents", event.totalCents());
  }

  /** Logs one audit line per change. */
  @OnDataChange(
      value = "orders",
      kinds = {DataChange.Kind.INSERT, DataChange.Kind.MODIFY})
  public void audit(DataChange<OrderRow> change, Context context) {
    context.log().info(describe(change), "table", change.table());
  }

  /** One sentence saying what changed, e.g. {@code order o-1: NEW -> PAID}. */
  static String describe(DataChange<OrderRow> change) {
    String id =
        change
            .newImage()
            .or(change::oldImage)
            .map(OrderRow::orderId)
            .orElse(String.valueOf(change.keys()));
    String before = change.oldImage().map(OrderRow::status).orElse("(none)");
    String after = change.newImage().map(OrderRow::status).orElse("(deleted)");
    return "order " + id + ": " + before + " -> " + after + " (" + change.kind() + ")";
  }
}
