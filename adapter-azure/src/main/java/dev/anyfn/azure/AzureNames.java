package dev.anyfn.azure;

import java.util.regex.Pattern;

/**
 * The names Azure accepts for the resources that the generated bindings name after the annotations:
 * Storage and Service Bus queues, Service Bus topics and subscriptions, Blob containers and Cosmos
 * DB containers. {@link AzurePackager} reports a name Azure would refuse as a packaging problem, so
 * that {@code mvn package} finds it rather than the deploy or the first invocation.
 */
enum AzureNames {
  /** Storage queue: REST API "Naming Queues and Metadata". */
  STORAGE_QUEUE(
      "Azure Storage queue name",
      3,
      63,
      "[a-z0-9]+(-[a-z0-9]+)*",
      Constants.STORAGE_RULE,
      "Rename it in @OnQueue."),
  /** Service Bus queue: ARM naming rules, {@code namespaces / queues}. */
  SERVICE_BUS_QUEUE(
      "Azure Service Bus queue name",
      1,
      260,
      Constants.ENTITY,
      Constants.ENTITY_RULE,
      "Rename it in @OnQueue."),
  /** Service Bus topic: ARM naming rules, {@code namespaces / topics}. */
  SERVICE_BUS_TOPIC(
      "Azure Service Bus topic name",
      1,
      260,
      Constants.ENTITY,
      Constants.ENTITY_RULE,
      "Rename it in @OnTopic."),
  /** Service Bus subscription: ARM naming rules, {@code namespaces / topics / subscriptions}. */
  SERVICE_BUS_SUBSCRIPTION(
      "Azure Service Bus subscription name",
      1,
      50,
      "[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?",
      "1-50 letters, digits, periods, hyphens and underscores, starting and ending with a letter"
          + " or digit",
      "Rename the function in @ServerlessFunction: at most 50 characters, ending with a letter or"
          + " digit."),
  /**
   * Blob container: REST API "Naming and Referencing Containers, Blobs, and Metadata"; {@code
   * $root} is the account's root container, which the Functions host also accepts.
   */
  BLOB_CONTAINER(
      "Azure Blob container name",
      3,
      63,
      "[a-z0-9]+(-[a-z0-9]+)*|\\$root",
      Constants.STORAGE_RULE,
      "Rename it in @OnStorage."),
  /** Cosmos DB container id: service limits (255) and the SDKs' id rules. */
  COSMOS_CONTAINER(
      "Azure Cosmos DB container name",
      1,
      255,
      "[^/\\\\?#]*[^/\\\\?# ]",
      "1-255 characters without '/', '\\', '#' or '?', not ending with a space",
      "Rename it in @OnDataChange.");

  private final String noun;
  private final int min;
  private final int max;
  private final Pattern pattern;
  private final String rule;
  private final String fix;

  AzureNames(String noun, int min, int max, String pattern, String rule, String fix) {
    this.noun = noun;
    this.min = min;
    this.max = max;
    this.pattern = Pattern.compile(pattern);
    this.rule = rule;
    this.fix = fix;
  }

  /** Whether Azure accepts {@code name} for this kind of resource. */
  boolean accepts(String name) {
    int length = name.length();
    return length >= min && length <= max && pattern.matcher(name).matches();
  }

  /**
   * Why Azure refuses {@code name} and the fix, e.g. {@code 'Orders', which is not a valid Azure
   * Storage queue name: Azure takes ... . Rename it in @OnQueue.}, with the length when that is out
   * of range.
   */
  String refusal(String name) {
    return refusal(name, fix);
  }

  /** {@link #refusal(String)} with another fix, for a name given by another annotation. */
  String refusal(String name, String fix) {
    int length = name.length();
    String size = length < min || length > max ? " (" + length + " characters)" : "";
    return "'%s'%s, which is not a valid %s: Azure takes %s. %s"
        .formatted(name, size, noun, rule, fix);
  }

  /** Texts shared by several constants, which cannot refer to the enum's own static fields. */
  private static final class Constants {
    static final String STORAGE_RULE =
        "3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or"
            + " digit";
    static final String ENTITY = "[A-Za-z0-9]([A-Za-z0-9._/-]*[A-Za-z0-9])?";
    static final String ENTITY_RULE =
        "1-260 letters, digits, periods, hyphens, underscores and forward slashes, starting and"
            + " ending with a letter or digit";
  }
}
