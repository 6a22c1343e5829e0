package dev.anyfn.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Pub/Sub's REST {@code publish} on 127.0.0.1, as the Pub/Sub emulator serves it (no token):
 * records each request's path, {@code Authorization} header and decoded messages, and answers
 * message ids.
 */
final class FakePubSub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One publish request as received. */
  record Publish(String path, String authorization, List<String> messages) {}

  private final HttpServer server;
  private final List<Publish> published = new CopyOnWriteArrayList<>();

  private FakePubSub(HttpServer server) {
    this.server = server;
  }

  static FakePubSub start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakePubSub pubSub = new FakePubSub(server);
    server.createContext("/", pubSub::answer);
    server.start();
    return pubSub;
  }

  /** {@code host:port}, as {@code PUBSUB_EMULATOR_HOST} names an emulator. */
  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  List<Publish> published() {
    return List.copyOf(published);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      List<String> messages = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (JsonNode m : body.path("messages")) {
        messages.add(
            new String(
                Base64.getDecoder().decode(m.path("data").asText()), StandardCharsets.UTF_8));
        ids.add("\"" + (published.size() + 1) + "-" + ids.size() + "\"");
      }
      published.add(
          new Publish(
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              messages));
      byte[] answer = ("{\"messageIds\":[" + String.join(",", ids) + "]}").getBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
