package dev.anyfn.aws;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The logical ids, names and shared resources of one SAM template being rendered. Every logical id
 * the template gives comes from {@link #id}, so that no two resources share one; every name it
 * gives comes from {@link #named}, which counts it towards the longest stage prefix ({@link
 * #prefixRoom}); and the event-source resources triggers share (topics, buckets, tables, queues)
 * are declared here by logical id, once, and written after the functions in the order they were
 * first declared. Mutable and not thread-safe: one instance serves one {@link SamTemplate#render}.
 */
final class SamResources {
  static final int MAX_TOPIC_NAME = 256;
  private static final int MAX_BUCKET_NAME = 63;
  private static final int MAX_TABLE_NAME = 255;

  /** Event-source resources by logical id, rendered after the functions; shared by triggers. */
  private final Map<String, String> resources = new LinkedHashMap<>();

  /**
   * Logical ids by what they stand for ({@code queue:orders}). Ids are made from names by {@link
   * SamTemplate#pascal}, which maps {@code orders-eu} and {@code orders_eu} alike; the second one
   * gets a number, so that two queues never become one resource.
   */
  private final Map<String, String> ids = new HashMap<>();

  private final Set<String> takenIds = new HashSet<>();

  /** The longest prefix that keeps every name given so far within its limit. */
  private int prefixRoom = MAX_TOPIC_NAME;

  /** The logical id of {@code name} of this kind: {@code base}, or {@code base2}, ... if taken. */
  String id(String kind, String name, String base) {
    return ids.computeIfAbsent(
        kind + ":" + name,
        k -> {
          String id = base;
          for (int i = 2; !takenIds.add(id); i++) {
            id = base + i;
          }
          return id;
        });
  }

  /**
   * A name the template gives a resource: {@code !Sub '${NamePrefix}<name>'}, counted against AWS's
   * {@code limit} for names of its kind to bound the prefix.
   */
  String named(String name, int limit) {
    prefixRoom = Math.min(prefixRoom, limit - name.length());
    return "!Sub " + SamTemplate.quote("${" + SamTemplate.NAME_PREFIX + "}" + name);
  }

  /** The longest prefix that keeps every name given so far within its limit; may be negative. */
  int prefixRoom() {
    return prefixRoom;
  }

  /** Whether a resource of this logical id is declared, or reserved. */
  boolean declared(String id) {
    return resources.containsKey(id);
  }

  /**
   * Declares the resource of logical id {@code id} as {@code yaml}, in place of what it was: a
   * reserved one keeps its place among the resources.
   */
  void declare(String id, String yaml) {
    resources.put(id, yaml);
  }

  /**
   * Declares the resource of logical id {@code id} unless it is declared: {@code yaml} makes its
   * text from the id, and is called only then.
   */
  void declareOnce(String id, UnaryOperator<String> yaml) {
    resources.computeIfAbsent(id, yaml);
  }

  /**
   * The resource of this name and {@code type} with one property, its name ({@code nameProperty:
   * value}), declared once; its logical id is the name's, followed by {@code suffix}.
   */
  private String resource(
      String name, String suffix, String type, String nameProperty, String value) {
    String id = id(suffix, name, SamTemplate.pascal(name) + suffix);
    declareOnce(
        id,
        k ->
            "  "
                + k
                + ":\n    Type: "
                + type
                + "\n    Properties:\n      "
                + nameProperty
                + ": "
                + value
                + "\n");
    return id;
  }

  /**
   * The SNS topic of this name, which {@code @OnTopic} subscribes to and {@code @SendsTo} names.
   */
  String topic(String name) {
    return resource(name, "Topic", "AWS::SNS::Topic", "TopicName", named(name, MAX_TOPIC_NAME));
  }

  /** The S3 bucket of this name, which {@code @OnStorage} takes the events of. */
  String bucket(String name) {
    return resource(name, "Bucket", "AWS::S3::Bucket", "BucketName", named(name, MAX_BUCKET_NAME));
  }

  /** The DynamoDB table of this name, whose stream {@code @OnDataChange} reads. */
  String table(String name) {
    String id = id("table", name, SamTemplate.pascal(name) + "Table");
    declareOnce(
        id,
        k ->
            "  "
                + k
                + ":\n"
                + "    Type: AWS::DynamoDB::Table\n"
                + "    Properties:\n"
                + "      TableName: "
                + named(name, MAX_TABLE_NAME)
                + "\n"
                + "      BillingMode: PAY_PER_REQUEST\n"
                + "      # anyfn does not know this table's key: adjust KeySchema to your items.\n"
                + "      AttributeDefinitions:\n"
                + "        - AttributeName: id\n          AttributeType: S\n"
                + "      KeySchema:\n"
                + "        - AttributeName: id\n          KeyType: HASH\n"
                + "      StreamSpecification:\n"
                + "        StreamViewType: NEW_AND_OLD_IMAGES\n");
    return id;
  }

  /** Writes the declared resources, in the order they were first declared. */
  void appendTo(StringBuilder out) {
    resources.values().forEach(out::append);
  }
}
