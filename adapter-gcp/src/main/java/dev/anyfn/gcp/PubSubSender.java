package dev.anyfn.gcp;

import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.MessageSender;
import dev.anyfn.core.ResourceNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Sends a function's queue messages and publishes its topic messages to Pub/Sub, with Pub/Sub's
 * REST API ({@code POST v1/projects/<project>/topics/<topic>:publish}) and the access token of the
 * function's service account ({@link MetadataToken}). Not Google's Pub/Sub client library: it
 * brings gRPC and tens of megabytes to every deployed jar, for one HTTP call.
 *
 * <p>On Google an anyfn queue and an anyfn topic are both a Pub/Sub topic, named alike: the stage's
 * prefix before the name, as deploy.sh creates it and as the {@code --trigger-topic} of an
 * {@code @OnQueue} or {@code @OnTopic} deployment names it. So {@link #send} and {@link #publish}
 * differ only in the words of their messages, and a topic takes the same largest message as a queue
 * ({@link MessageSender#maxTopicMessageBytes()}'s default). That a queue and a topic never share a
 * name in one project is checked at packaging ({@link GcpDeploymentPlan}).
 *
 * <p>A queue's or topic's messages go in as few requests as Google allows: at most {@value
 * #MAX_MESSAGES} messages and a {@value #MAX_BODY_BYTES}-byte (10 MiB) JSON body each, in order.
 * The HTTP client is made on the first send, so a cold start pays nothing for it. Thread-safe.
 */
final class PubSubSender implements MessageSender {
  /** Pub/Sub's limit on the messages of one publish request. */
  static final int MAX_MESSAGES = 1000;

  /**
   * The largest JSON body Google's REST front end takes (10 MiB). The messages' data travel as
   * base64 in it, which also keeps the request within Pub/Sub's 10 MB publish request.
   */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private static final String BODY_START = "{\"messages\":[";
  private static final String BODY_END = "]}";
  private static final String DATA_START = "{\"data\":\"";
  private static final String DATA_END = "\"}";

  /** The largest message whose base64 fits in one request body on its own: 7,864,299 bytes. */
  static final int MAX_REST_MESSAGE_BYTES =
      (MAX_BODY_BYTES
              - BODY_START.length()
              - BODY_END.length()
              - DATA_START.length()
              - DATA_END.length())
          / 4
          * 3;

  private final String project;
  private final ResourceNames names;
  private final GoogleApis apis;
  private final MetadataToken token;
  private volatile HttpClient client;

  /**
   * A sender publishing to {@code project}'s topics named {@code names.prefix() + queue}, through
   * {@code apis}.
   */
  PubSubSender(String project, ResourceNames names, GoogleApis apis) {
    this.project = project;
    this.names = names;
    this.apis = apis;
    this.token = new MetadataToken(apis);
  }

  /**
   * The sender of a deployed function with {@code @SendsTo}: the project from {@value
   * GcpSettings#PROJECT} (or {@code GOOGLE_CLOUD_PROJECT}), the stage's prefix from {@value
   * ResourceNames#PREFIX_VARIABLE}.
   *
   * @param queues the queues of its {@code @SendsTo}
   * @param topics the topics of its {@code @SendsTo}
   * @throws ConfigurationException when neither variable names the project
   */
  static PubSubSender forDeployment(
      GcpSettings settings, List<String> queues, List<String> topics, GoogleApis apis) {
    String project =
        settings
            .project()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "Function '"
                            + settings.functionName()
                            + "' "
                            + destinations(queues, topics)
                            + " (@SendsTo), Pub/Sub topics of the deployment's project, but "
                            + GcpSettings.PROJECT
                            + " is not set (nor "
                            + GcpSettings.GOOGLE_CLOUD_PROJECT
                            + "). Redeploy with the generated target/anyfn/gcp/deploy.sh, which"
                            + " sets it, or add --set-env-vars "
                            + GcpSettings.PROJECT
                            + "=<project id>."));
    return new PubSubSender(project, ResourceNames.fromEnvironment(settings.environment()), apis);
  }

  /** "sends to ['orders'] and publishes to ['news']", leaving out what is empty. */
  private static String destinations(List<String> queues, List<String> topics) {
    List<String> parts = new ArrayList<>(2);
    if (!queues.isEmpty()) {
      parts.add("sends to " + quoted(queues));
    }
    if (!topics.isEmpty()) {
      parts.add("publishes to " + quoted(topics));
    }
    return String.join(" and ", parts);
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").toList().toString();
  }

  /**
   * Also the topics' limit ({@link MessageSender#maxTopicMessageBytes()}): one Pub/Sub either way.
   */
  @Override
  public int maxMessageBytes() {
    // Pub/Sub takes 10 MB messages, but through its REST API only what fits a request as base64;
    // refused when the handler sends it rather than after it returned.
    return MAX_REST_MESSAGE_BYTES;
  }

  @Override
  public void send(String queue, List<String> messages) throws IOException, InterruptedException {
    toTopic("queue", queue, messages);
  }

  /**
   * Publishes to the Pub/Sub topic of anyfn topic {@code topic}: the one its {@code @OnTopic}
   * deployments are triggered by, which is named as a queue's is.
   */
  @Override
  public void publish(String topic, List<String> messages)
      throws IOException, InterruptedException {
    toTopic("topic", topic, messages);
  }

  /**
   * Publishes {@code messages} to the Pub/Sub topic of {@code name}, an anyfn queue or topic as
   * {@code kind} says (only the words of the messages depend on it).
   */
  private void toTopic(String kind, String name, List<String> messages)
      throws IOException, InterruptedException {
    String topic = "projects/" + project + "/topics/" + names.prefix() + name;
    List<String> encoded = new ArrayList<>(messages.size());
    for (String message : messages) {
      byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > MAX_REST_MESSAGE_BYTES) {
        throw new PublishFailedException(
            "A message to "
                + kind
                + " '"
                + name
                + "' has "
                + bytes.length
                + " bytes; Pub/Sub's REST API, which anyfn publishes with, takes at most "
                + MAX_REST_MESSAGE_BYTES
                + " (its base64 must fit a 10 MiB request), so none of the "
                + messages.size()
                + " messages to topic "
                + topic
                + " was sent. Send a reference to the data (a storage object's name, say)"
                + " instead.");
      }
      encoded.add(Base64.getEncoder().encodeToString(bytes));
    }
    URI uri =
        URI.create(
            apis.pubSub()
                + "v1/projects/"
                + pathSegment(project)
                + "/topics/"
                + pathSegment(names.prefix() + name)
                + ":publish");
    int sent = 0;
    for (List<String> batch : batches(encoded)) {
      post(uri, topic, batch, sent);
      sent += batch.size();
    }
  }

  /**
   * {@code encoded} cut, in order, into request-sized lists: at most {@link #MAX_MESSAGES} each,
   * and a body of at most {@link #MAX_BODY_BYTES}. Each message fits on its own.
   */
  static List<List<String>> batches(List<String> encoded) {
    List<List<String>> batches = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    long bytes = BODY_START.length() + BODY_END.length();
    for (String data : encoded) {
      long element = DATA_START.length() + data.length() + DATA_END.length();
      long added = batch.isEmpty() ? element : element + 1; // the comma before it
      if (!batch.isEmpty() && (batch.size() == MAX_MESSAGES || bytes + added > MAX_BODY_BYTES)) {
        batches.add(batch);
        batch = new ArrayList<>();
        bytes = BODY_START.length() + BODY_END.length();
        added = element;
      }
      batch.add(data);
      bytes += added;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private void post(URI uri, String topic, List<String> batch, int sentBefore)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder(BODY_START);
    for (int i = 0; i < batch.size(); i++) {
      body.append(i == 0 ? "" : ",").append(DATA_START).append(batch.get(i)).append(DATA_END);
    }
    body.append(BODY_END);
    HttpClient http = client();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(apis.publishTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    if (!apis.anonymous()) {
      request.header("Authorization", "Bearer " + token.get(http));
    }
    String what = count(batch.size()) + " to topic " + topic;
    String before =
        sentBefore == 0 ? "" : " (the " + count(sentBefore) + " before them were published)";
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PublishFailedException(
          "Publishing " + what + " failed" + before + ": " + e + ".", e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      String said = GoogleResponses.error(response.body());
      throw new PublishFailedException(
          "Pub/Sub refused to publish "
              + what
              + before
              + ": "
              + status
              + " "
              + said
              + (said.endsWith(".") ? "" : ".")
              + hint(status));
    }
  }

  private static String hint(int status) {
    return switch (status) {
      case 403 ->
          " Grant the function's runtime service account roles/pubsub.publisher on the topic"
              + " (see 'Sending to queues and topics' in the README of anyfn-adapter-gcp).";
      case 404 ->
          " Create the topic: the generated target/anyfn/gcp/deploy.sh creates the topics of"
              + " @SendsTo's queues and topics, with the same PREFIX as the function's deployment.";
      default -> "";
    };
  }

  private static String count(int n) {
    return n + (n == 1 ? " message" : " messages");
  }

  private HttpClient client() {
    HttpClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = HttpClient.newBuilder().connectTimeout(apis.metadataTimeout()).build();
          client = c;
        }
      }
    }
    return c;
  }

  /** {@code s} as one URL path segment: everything but RFC 3986's unreserved characters escaped. */
  static String pathSegment(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        b.append(c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)));
        b.append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
      }
    }
    return b.toString();
  }
}
