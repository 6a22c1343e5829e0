package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS's {@code SendMessageBatch} on 127.0.0.1, in the AWS JSON 1.0 protocol the SDK speaks to SQS:
 * it records each request and answers every entry as taken, with the MD5 of its body that the SDK
 * checks, except the bodies it was told to {@link #refuse}, answered as {@code Failed} entries.
 * Public for the packaged-artifact tests, which point a deployed jar's SDK at it.
 */
public final class FakeSqs implements AutoCloseable {
  /** One request as SQS received it. */
  public record Request(String target, String queueUrl, List<String> ids, List<String> bodies) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  private FakeSqs(HttpServer server) {
    this.server = server;
  }

  /** Starts one on a free port of 127.0.0.1. */
  public static FakeSqs start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeSqs sqs = new FakeSqs(server);
    server.createContext("/", sqs::answer);
    server.start();
    return sqs;
  }

  /** Where it listens, as an SDK's endpoint: {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A real SDK client that talks to this server, with static credentials. */
  SqsClient client() {
    return SqsClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** From now on, an entry with this body is answered as {@code Failed}. */
  void refuse(String body) {
    refused.add(body);
  }

  /** The requests received, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      JsonNode request = JSON.readTree(exchange.getRequestBody());
      if (!"AmazonSQS.SendMessageBatch".equals(target)) {
        reply(exchange, 400, JSON.createObjectNode().put("__type", "UnsupportedOperation"));
        return;
      }
      ObjectNode response = JSON.createObjectNode();
      ArrayNode successful = response.putArray("Successful");
      ArrayNode failed = response.putArray("Failed");
      List<String> ids = new ArrayList<>();
      List<String> bodies = new ArrayList<>();
      for (JsonNode entry : request.get("Entries")) {
        String id = entry.get("Id").asText();
        String body = entry.get("MessageBody").asText();
        ids.add(id);
        bodies.add(body);
        if (refused.contains(body)) {
          failed
              .addObject()
              .put("Id", id)
              .put("SenderFault", false)
              .put("Code", "InternalError")
              .put("Message", "We encountered an internal error. Please try again.");
        } else {
          successful
              .addObject()
              .put("Id", id)
              .put("MessageId", "message-" + requests.size() + "-" + id)
              .put("MD5OfMessageBody", md5(body));
        }
      }
      requests.add(new Request(target, request.get("QueueUrl").asText(), ids, bodies));
      reply(exchange, 200, response);
    }
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-request");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String md5(String body) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has MD5", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
