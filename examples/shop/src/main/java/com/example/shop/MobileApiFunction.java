package com.example.shop;

import dev.anyfn.Context;
import dev.anyfn.Cors;
import dev.anyfn.HttpException;
import dev.anyfn.HttpMethod;
import dev.anyfn.HttpResponse;
import dev.anyfn.PathParam;
import dev.anyfn.Route;
import dev.anyfn.SendsTo;
import dev.anyfn.ServerlessFunction;
import java.util.List;
import java.util.UUID;

/**
 * The JSON API of the shop's mobile app, which its web app (served from another origin) calls too.
 * An accepted order is sent to the {@code orders} queue, which {@link OrderQueueFunction} fulfils,
 * and announced on the {@code order-events} topic, which {@link AuditFunction} records.
 */
@ServerlessFunction(value = "shop-api", memoryMb = 256)
@SendsTo(queues = "orders", topics = "order-events")
@Cors(origins = {"https://app.shop.example", "http://localhost:5173"})
public class MobileApiFunction {
  /** An order as the app sends it. */
  public record OrderRequest(long productId, int quantity) {}

  /**
   * The accepted order, which {@link OrderQueueFunction} fulfils once it reads it from the queue.
   */
  public record OrderAccepted(String orderId, long productId, int quantity, long totalCents) {}

  /** Every product. */
  @Route("/api/products")
  public List<Product> products() {
    return Catalog.PRODUCTS;
  }

  /** One product, or 404. */
  @Route("/api/products/{id}")
  public Product product(@PathParam("id") long id) {
    return Catalog.product(id)
        .orElseThrow(() -> HttpException.notFound("No product with id " + id + "."));
  }

  /**
   * Accepts an order: 202 Accepted with its id and total, the order sent to the {@code orders}
   * queue and announced on {@code order-events}; or 422 when it cannot be fulfilled, and nothing
   * sent. 202 rather than 201 with a {@code Location}: the order is fulfilled later, from the
   * queue, and this example keeps no store of orders that a {@code GET /api/orders/{id}} could read
   * back (an instance's memory would not do: another instance, or the next cold start, would answer
   * 404). A shop that writes its orders to a database would add that route and answer 201 with its
   * URL.
   */
  @Route(value = "/api/orders", method = HttpMethod.POST)
  public HttpResponse order(OrderRequest order, Context context) {
    if (order.quantity() < 1 || order.quantity() > 99) {
      throw HttpException.unprocessable(
          "quantity must be between 1 and 99; got " + order.quantity() + ".");
    }
    Product product =
        Catalog.product(order.productId())
            .orElseThrow(
                () -> HttpException.unprocessable("No product with id " + order.productId() + "."));
    String orderId = UUID.randomUUID().toString();
    long totalCents = product.priceCents() * order.quantity();
    context.send(
        "orders", new OrderQueueFunction.OrderMessage(orderId, product.id(), order.quantity()));
    context.publish("order-events", new AuditFunction.OrderPlaced(orderId, totalCents));
    return HttpResponse.status(202)
        .json(new OrderAccepted(orderId, product.id(), order.quantity(), totalCents))
        .build();
  }
}
