package dev.anyfn.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * SNS's {@code PublishBatch} on 127.0.0.1, in the AWS Query protocol the SDK speaks to SNS (a form
 * {@code Action=PublishBatch&TopicArn=...&PublishBatchRequestEntries.member.1.Id=...}, answered
 * with XML): it records each request and answers every entry as taken, except the messages it was
 * told to {@link #refuse}, answered as {@code Failed} members. Anything else (another action, a
 * body that is not a form) is answered with SNS's XML error, which the SDK throws. Public for the
 * packaged-artifact tests, which point a deployed jar's SDK at it ({@code AWS_ENDPOINT_URL_SNS}).
 */
public final class FakeSns implements AutoCloseable {
  /** One request as SNS received it. */
  public record Request(String action, String topicArn, List<String> ids, List<String> messages) {}

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String ENTRY = "PublishBatchRequestEntries.member.";

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  private FakeSns(HttpServer server) {
    this.server = server;
  }

  /** Starts one on a free port of 127.0.0.1. */
  public static FakeSns start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeSns sns = new FakeSns(server);
    server.createContext("/", sns::answer);
    server.start();
    return sns;
  }

  /** Where it listens, as an SDK's endpoint: {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A real SDK client that talks to this server, with static credentials. */
  SnsClient client() {
    return SnsClient.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** From now on, an entry with this message is answered as {@code Failed}. */
  void refuse(String message) {
    refused.add(message);
  }

  /** The requests received, oldest first. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith(FORM)) {
        error(exchange, "InvalidParameter", "Expected a POSTed form, got " + type);
        return;
      }
      Map<String, String> form = form(body);
      if (!"PublishBatch".equals(form.get("Action"))) {
        error(exchange, "InvalidAction", "Could not find operation " + form.get("Action"));
        return;
      }
      Map<Integer, String> ids = new TreeMap<>();
      Map<Integer, String> messages = new TreeMap<>();
      form.forEach(
          (key, value) -> {
            if (key.startsWith(ENTRY)) {
              String[] member = key.substring(ENTRY.length()).split("\\.", 2);
              if (member[1].equals("Id")) {
                ids.put(Integer.parseInt(member[0]), value);
              } else if (member[1].equals("Message")) {
                messages.put(Integer.parseInt(member[0]), value);
              }
            }
          });
      StringBuilder successful = new StringBuilder();
      StringBuilder failed = new StringBuilder();
      for (Map.Entry<Integer, String> entry : ids.entrySet()) {
        String id = entry.getValue();
        if (refused.contains(messages.get(entry.getKey()))) {
          failed
              .append("<member><Id>")
              .append(id)
              .append("</Id><Code>InternalError</Code><Message>")
              .append("We encountered an internal error. Please try again.")
              .append("</Message><SenderFault>false</SenderFault></member>");
        } else {
          successful
              .append("<member><Id>")
              .append(id)
              .append("</Id><MessageId>message-")
              .append(requests.size())
              .append('-')
              .append(id)
              .append("</MessageId></member>");
        }
      }
      requests.add(
          new Request(
              form.get("Action"),
              form.get("TopicArn"),
              List.copyOf(ids.values()),
              List.copyOf(messages.values())));
      reply(
          exchange,
          200,
          "<PublishBatchResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
              + "<PublishBatchResult><Successful>"
              + successful
              + "</Successful><Failed>"
              + failed
              + "</Failed></PublishBatchResult>"
              + "<ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>"
              + "</PublishBatchResponse>");
    }
  }

  /** The form's fields; only the entries' fields (Id, Message) are expected more than once. */
  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  private static void error(HttpExchange exchange, String code, String message) throws IOException {
    reply(
        exchange,
        400,
        "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error>"
            + "<Type>Sender</Type><Code>"
            + code
            + "</Code><Message>"
            + message.replace("&", "&amp;").replace("<", "&lt;")
            + "</Message></Error><RequestId>fake-request</RequestId></ErrorResponse>");
  }

  private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    exchange.getResponseHeaders().set("x-amzn-RequestId", "fake-request");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
