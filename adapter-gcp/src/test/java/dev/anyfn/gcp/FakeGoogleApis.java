package dev.anyfn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for Google's metadata server and Pub/Sub's REST API, each an HTTP server on a free
 * loopback port, recording every request. The metadata server hands out {@code token-1}, {@code
 * token-2}, ... living {@link #expiresIn} seconds, after {@link #metadataDelay} (or answers {@link
 * #metadataStatus} when it is not 200); Pub/Sub answers {@link #publishStatus} with {@link
 * #publishError} (or message ids on 2xx).
 */
final class FakeGoogleApis implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One request as the server received it; {@code path} is raw (still percent-encoded). */
  record Request(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** The texts of a publish request's messages, base64-decoded. */
    List<String> messages() throws IOException {
      List<String> texts = new ArrayList<>();
      for (JsonNode m : JSON.readTree(body).get("messages")) {
        texts.add(
            new String(Base64.getDecoder().decode(m.get("data").asText()), StandardCharsets.UTF_8));
      }
      return texts;
    }
  }

  final List<Request> tokenRequests = new CopyOnWriteArrayList<>();
  final List<Request> publishRequests = new CopyOnWriteArrayList<>();
  volatile long expiresIn = 3599;
  volatile int publishStatus = 200;

  /** The index of the first publish request answered {@link #publishStatus}; those before, 200. */
  volatile int refuseFrom = 0;

  volatile String publishError = "";
  volatile Duration metadataDelay = Duration.ZERO;
  volatile int metadataStatus = 200;
  private final AtomicInteger tokens = new AtomicInteger();
  private final HttpServer metadata;
  private final HttpServer pubSub;

  FakeGoogleApis() throws IOException {
    metadata = server();
    metadata.createContext(
        "/",
        exchange -> {
          tokenRequests.add(record(exchange));
          sleep(metadataDelay);
          if (metadataStatus != 200) {
            answer(exchange, metadataStatus, "Missing Metadata-Flavor:Google header.");
            return;
          }
          answer(
              exchange,
              200,
              "{\"access_token\":\"token-"
                  + tokens.incrementAndGet()
                  + "\",\"expires_in\":"
                  + expiresIn
                  + ",\"token_type\":\"Bearer\"}");
        });
    pubSub = server();
    pubSub.createContext(
        "/",
        exchange -> {
          Request r = record(exchange);
          publishRequests.add(r);
          int status = publishRequests.size() > refuseFrom ? publishStatus : 200;
          answer(
              exchange,
              status,
              status / 100 == 2
                  ? "{\"messageIds\":[" + ids(r.messages().size()) + "]}"
                  : publishError);
        });
    metadata.start();
    pubSub.start();
  }

  /** The endpoints of these stand-ins, with short timeouts. */
  GoogleApis apis() {
    return apis(Duration.ofSeconds(5));
  }

  /** The endpoints of these stand-ins, waiting at most {@code metadataTimeout} for a token. */
  GoogleApis apis(Duration metadataTimeout) {
    return new GoogleApis(
        base(pubSub), base(metadata), metadataTimeout, GoogleApis.PRODUCTION.publishTimeout());
  }

  /** Where Pub/Sub listens, as {@code PUBSUB_EMULATOR_HOST} names an emulator: host:port. */
  String pubSubHost() {
    return "127.0.0.1:" + pubSub.getAddress().getPort();
  }

  /** Every message published to {@code topic} ({@code projects/p/topics/t}), in order. */
  List<String> published(String topic) throws IOException {
    List<String> texts = new ArrayList<>();
    for (Request r : publishRequests) {
      if (r.path().equals("/v1/" + topic + ":publish")) {
        texts.addAll(r.messages());
      }
    }
    return texts;
  }

  @Override
  public void close() {
    metadata.stop(0);
    pubSub.stop(0);
  }

  private static HttpServer server() throws IOException {
    return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
  }

  private static URI base(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  private static Request record(HttpExchange exchange) throws IOException {
    return new Request(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        Map.copyOf(exchange.getRequestHeaders()),
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String ids(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      ids.add("\"" + i + "\"");
    }
    return String.join(",", ids);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
