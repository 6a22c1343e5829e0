package dev.anyfn.it;

import dev.anyfn.Context;
import dev.anyfn.HttpException;
import dev.anyfn.HttpMethod;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.OnInvoke;
import dev.anyfn.PathParam;
import dev.anyfn.QueryParam;
import dev.anyfn.Route;
import dev.anyfn.SendsTo;
import dev.anyfn.ServerlessFunction;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP side of the packaged-artifact tests: a path parameter with an optional query parameter,
 * a binary body in and out, a cookie round trip, an {@link HttpException} and a handler that throws
 * with a secret in its message (which must never reach the client); and a direct invocation (Lambda
 * Invoke, Google's private {@code -invoke} HTTP deployment); an order sent on to the {@code
 * shipments} queue ({@code Context.send}) and the {@code restock} topic ({@code Context.publish}).
 */
@ServerlessFunction(value = "storefront", memoryMb = 768, timeoutSeconds = 15)
@SendsTo(queues = "shipments", topics = "restock")
public class Storefront {
  /** What a direct caller asks a price for. */
  public record QuoteRequest(String sku, int quantity) {}

  /** The price of a quantity of one product. */
  public record Quote(String sku, int quantity, long totalCents) {}

  /** A product as the catalogue answers it. */
  public record Product(String sku, String name, long priceCents, String currency) {}

  @Route("/products/{sku}")
  public Product product(
      @PathParam("sku") String sku, @QueryParam("currency") Optional<String> currency) {
    if (sku.equals("discontinued")) {
      throw HttpException.notFound("Product " + sku + " is no longer sold.");
    }
    return new Product(
        sku, "Item " + sku.toUpperCase(Locale.ROOT), 250L * sku.length(), currency.orElse("EUR"));
  }

  /**
   * Sends the order of a product on to {@code shipments} and tells {@code restock} it sold, unless
   * it is discontinued.
   */
  @Route(value = "/orders/{sku}", method = HttpMethod.POST)
  public String order(@PathParam("sku") String sku, Context context) {
    context.send("shipments", "ship " + sku);
    context.publish("restock", "sold " + sku);
    if (sku.equals("discontinued")) {
      throw HttpException.unprocessable("Product " + sku + " is no longer sold.");
    }
    return "accepted " + sku;
  }

  /** Answers the uploaded bytes in reverse order, so a test sees every byte went both ways. */
  @Route(value = "/labels", method = HttpMethod.POST)
  public byte[] label(byte[] image) {
    byte[] reversed = new byte[image.length];
    for (int i = 0; i < image.length; i++) {
      reversed[i] = image[image.length - 1 - i];
    }
    return reversed;
  }

  /** Counts visits in a cookie: reads {@code visits}, answers it incremented. */
  @Route("/visits")
  public HttpResponse visits(HttpRequest request) {
    int visits = Integer.parseInt(request.cookies().getOrDefault("visits", "0")) + 1;
    return HttpResponse.status(200)
        .cookie("visits", Integer.toString(visits))
        .text("visit " + visits)
        .build();
  }

  @Route(value = "/checkout", method = HttpMethod.POST)
  public String checkout() {
    throw new IllegalStateException("payment gateway rejected key sk_live_hidden");
  }

  /** Called directly, not over a route: the same price rule as {@link #product}. */
  @OnInvoke
  public Quote quote(QuoteRequest request) {
    if (request.quantity() <= 0) {
      throw new IllegalArgumentException("quantity must be positive, internal-ref q-7731");
    }
    return new Quote(
        request.sku(), request.quantity(), 250L * request.sku().length() * request.quantity());
  }
}
