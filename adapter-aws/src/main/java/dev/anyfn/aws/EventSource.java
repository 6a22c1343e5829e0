package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AWS event sources, recognised by their explicit discriminators (never by incidental fields),
 * in the order of PROVIDERS.md §2.6: first match wins.
 */
enum EventSource {
  SQS("an SQS message batch"),
  SNS("an SNS notification"),
  S3("an S3 event notification"),
  DYNAMODB("a DynamoDB Streams batch"),
  KINESIS("a Kinesis batch"),
  UNKNOWN_RECORDS("a record batch from an unsupported source"),
  ALB("an Application Load Balancer request"),
  FUNCTION_URL("a Lambda function URL request"),
  HTTP_API_V2("an API Gateway HTTP API request (payload 2.0)"),
  WEBSOCKET("an API Gateway WebSocket event"),
  REST_API_V1("an API Gateway REST API request (payload 1.0)"),
  SCHEDULED_EVENT("an EventBridge Scheduled Event"),
  EVENTBRIDGE("an EventBridge event"),
  RAW("a direct invocation with a raw payload");

  private final String description;

  EventSource(String description) {
    this.description = description;
  }

  /** A phrase naming the source, for error messages. */
  String description() {
    return description;
  }

  /** Whether this source is an HTTP front door. */
  boolean isHttp() {
    return this == ALB || this == FUNCTION_URL || this == HTTP_API_V2 || this == REST_API_V1;
  }

  /** Recognises an event. */
  static EventSource of(JsonNode event) {
    if (!event.isObject()) {
      return RAW;
    }
    JsonNode records = event.get("Records");
    if (records != null && records.isArray() && !records.isEmpty()) {
      JsonNode first = records.get(0);
      String source = text(first, "eventSource");
      if (source == null) {
        source = text(first, "EventSource");
      }
      if (source == null) {
        return UNKNOWN_RECORDS;
      }
      return switch (source) {
        case "aws:sqs" -> SQS;
        case "aws:sns" -> SNS;
        case "aws:s3" -> S3;
        case "aws:dynamodb" -> DYNAMODB;
        case "aws:kinesis" -> KINESIS;
        default -> UNKNOWN_RECORDS;
      };
    }
    JsonNode requestContext = event.get("requestContext");
    if (requestContext != null && requestContext.isObject()) {
      if (requestContext.has("elb")) {
        return ALB;
      }
      if (requestContext.has("connectionId") || requestContext.has("eventType")) {
        return WEBSOCKET;
      }
      if ("2.0".equals(text(event, "version")) && requestContext.has("http")) {
        String domain = text(requestContext, "domainName");
        return domain != null && domain.contains(".lambda-url.") ? FUNCTION_URL : HTTP_API_V2;
      }
      String version = text(event, "version");
      if (event.has("httpMethod") && (version == null || "1.0".equals(version))) {
        return REST_API_V1;
      }
    }
    if (event.has("detail-type") && event.has("source") && event.has("detail")) {
      String source = text(event, "source");
      // aws.events: a scheduled rule; aws.scheduler: the Input SamTemplate gives EventBridge
      // Scheduler's schedules (EventBridgeSchedules.input)
      return ("aws.events".equals(source) || "aws.scheduler".equals(source))
              && "Scheduled Event".equals(text(event, "detail-type"))
          ? SCHEDULED_EVENT
          : EVENTBRIDGE;
    }
    return RAW;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }
}
