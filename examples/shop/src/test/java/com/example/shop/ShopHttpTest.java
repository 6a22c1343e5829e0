package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.junit.AnyfnClient;
import dev.anyfn.junit.AnyfnTest;
import org.junit.jupiter.api.Test;

/** The website and the mobile API, every HTTP function of the project on one emulator. */
@AnyfnTest
class ShopHttpTest {
  @Test
  void theHomePageListsEveryProductWithItsPrice(AnyfnClient client) {
    var response = client.get("/");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText())
        .contains("<a href=\"/products/2\">Moka pot</a> EUR 34.00")
        .contains("Coffee beans, 1 kg");
  }

  @Test
  void theApiAnswersAProductByItsId(AnyfnClient client) {
    var response = client.get("/api/products/2");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText())
        .isEqualTo("{\"id\":2,\"name\":\"Moka pot\",\"priceCents\":3400}");
  }

  @Test
  void anUnknownProductIs404WithTheReason(AnyfnClient client) {
    var response = client.get("/api/products/99");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyText()).contains("No product with id 99.");
  }

  @Test
  void aProductIdThatIsNotANumberIs400(AnyfnClient client) {
    assertThat(client.get("/api/products/moka").status()).isEqualTo(400);
  }

  @Test
  void theApiListsAllProducts(AnyfnClient client) {
    assertThat(client.get("/api/products").bodyText())
        .startsWith("[{\"id\":1,\"name\":\"Espresso cup\",\"priceCents\":900}");
  }

  @Test
  void anAcceptedOrderIs202WithItsIdAndTotalAndNoLocationLeadingToA404(AnyfnClient client) {
    AnyfnClient.Response accepted = client.post("/api/orders", "{\"productId\":2,\"quantity\":3}");

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Location")).isEmpty();
    assertThat(accepted.bodyText())
        .matches(
            "\\{\"orderId\":\"[0-9a-f-]{36}\",\"productId\":2,\"quantity\":3,\"totalCents\":10200\\}");
  }

  @Test
  void theWebAppsPreflightForAnOrderIsAnsweredAndItsOrderCarriesItsOrigin(AnyfnClient client) {
    AnyfnClient.Response preflight =
        client.send(
            java.net.http.HttpRequest.newBuilder(client.uri("/api/orders"))
                .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build());
    AnyfnClient.Response order =
        client.send(
            java.net.http.HttpRequest.newBuilder(client.uri("/api/orders"))
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"productId\":1,\"quantity\":2}"))
                .header("Origin", "http://localhost:5173")
                .header("Content-Type", "application/json")
                .build());

    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.header("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
    assertThat(preflight.header("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(order.status()).isEqualTo(202);
    assertThat(order.header("Access-Control-Allow-Origin")).hasValue("http://localhost:5173");
  }

  @Test
  void theEmulatorServesTheOpenApiDocumentOfEveryRouteNamedAsThePomSays(AnyfnClient client) {
    var response = client.get("/_anyfn/openapi.json");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText())
        .contains("\"title\": \"anyfn example: shop\"")
        .contains("\"/api/products/{id}\": {")
        .contains("\"/api/orders\": {")
        .contains("\"operationId\": \"product\"");
  }
}
