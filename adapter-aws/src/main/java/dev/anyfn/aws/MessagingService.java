package dev.anyfn.aws;

import dev.anyfn.core.index.FunctionSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The two AWS services handlers send messages through, and what the sender, the SAM template and
 * packaging say of each: SQS for {@code Context.send} to the queues of {@code @SendsTo(queues)},
 * SNS for {@code Context.publish} to its topics. Names no AWS SDK type.
 */
enum MessagingService {
  SQS(
      "SQS",
      "queue",
      "send to",
      "sends to",
      "sent",
      "URL",
      "ANYFN_QUEUE_URL_",
      "SendMessageBatch",
      "software.amazon.awssdk.services.sqs.SqsClient",
      "software.amazon.awssdk:sqs"),
  SNS(
      "SNS",
      "topic",
      "publish to",
      "publishes to",
      "published",
      "ARN",
      "ANYFN_TOPIC_ARN_",
      "PublishBatch",
      "software.amazon.awssdk.services.sns.SnsClient",
      "software.amazon.awssdk:sns");

  /** The HTTP client every client of the adapter uses, and its artifact. */
  private static final String URL_CONNECTION_CLIENT =
      "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient";

  private static final String URL_CONNECTION_ARTIFACT =
      "software.amazon.awssdk:url-connection-client";

  private final String service;
  private final String kind;
  private final String act;
  private final String verb;
  private final String done;
  private final String address;
  private final String operation;
  private final String variablePrefix;
  private final Map<String, String> sdkClasses;

  MessagingService(
      String service,
      String kind,
      String act,
      String verb,
      String done,
      String address,
      String variablePrefix,
      String operation,
      String clientClass,
      String clientArtifact) {
    this.service = service;
    this.kind = kind;
    this.act = act;
    this.verb = verb;
    this.done = done;
    this.address = address;
    this.variablePrefix = variablePrefix;
    this.operation = operation;
    this.sdkClasses =
        Map.of(clientClass, clientArtifact, URL_CONNECTION_CLIENT, URL_CONNECTION_ARTIFACT);
  }

  /** The service's name in messages: {@code SQS}, {@code SNS}. */
  String service() {
    return service;
  }

  /** What a message goes to: {@code queue}, {@code topic}. */
  String kind() {
    return kind;
  }

  /** {@code queues}, {@code topics}: the attribute of {@code @SendsTo} that names them. */
  String plural() {
    return kind + "s";
  }

  /** What is done with a message: {@code send to}, {@code publish to}. */
  String act() {
    return act;
  }

  /** What a function does with a message: {@code sends to}, {@code publishes to}. */
  String verb() {
    return verb;
  }

  /** What a message that went out was: {@code sent}, {@code published}. */
  String done() {
    return done;
  }

  /** What the template hands a function of each {@link #kind}: its {@code URL}, its {@code ARN}. */
  String address() {
    return address;
  }

  /** The batch request: {@code SendMessageBatch}, {@code PublishBatch}. */
  String operation() {
    return operation;
  }

  /** The queues or topics {@code fn}'s {@code @SendsTo} names, in declared order. */
  List<String> names(FunctionSpec fn) {
    return this == SQS ? fn.sendsTo() : fn.publishesTo();
  }

  /**
   * The variable that holds the address of {@code name}: {@code orders-poison} is in {@code
   * ANYFN_QUEUE_URL_ORDERS_POISON}, {@code order-events} in {@code ANYFN_TOPIC_ARN_ORDER_EVENTS}
   * (upper case, every character other than A-Z and 0-9 made {@code _}).
   */
  String variable(String name) {
    return variablePrefix + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * The shortest address the template can give the queue or topic {@code name}: in the region with
   * the shortest code, without a stage prefix. The environment check counts this, so that it
   * refuses only what no deployment could take.
   */
  String shortestAddress(String name) {
    return (this == SQS
            ? "https://sqs." + SHORTEST_REGION + ".amazonaws.com/000000000000/"
            : "arn:aws:sns:" + SHORTEST_REGION + ":000000000000:")
        + name;
  }

  /** A region whose code is as short as any (nine characters, as {@code eu-west-1}). */
  private static final String SHORTEST_REGION = "us-east-1";

  /** The SDK classes the service's client needs, each with the artifact that brings it. */
  Map<String, String> sdkClasses() {
    return sdkClasses;
  }

  /**
   * The artifacts, sorted, of the SDK classes the client needs that {@code hasClass} (given a
   * binary class name) says are absent; empty when all are there.
   */
  List<String> missingArtifacts(Predicate<String> hasClass) {
    return sdkClasses.entrySet().stream()
        .filter(c -> !hasClass.test(c.getKey()))
        .map(Map.Entry::getValue)
        .sorted()
        .toList();
  }
}
