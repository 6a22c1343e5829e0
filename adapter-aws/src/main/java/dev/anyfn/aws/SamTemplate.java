package dev.anyfn.aws;

import dev.anyfn.core.ResourceNames;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.JavaReleases;
import dev.anyfn.core.packaging.PackagingContext;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders the SAM template as YAML text (no YAML library at run time: the shape is fixed): the
 * stage prefix's parameter, then one {@code AWS::Serverless::Function} per function with its
 * environment, policies and events, then the event-source resources the functions share. The parts
 * of each event source are written by a class of their own: {@link HttpApiEvents}, {@link
 * SqsQueues}, {@link EventBridgeSchedules}, {@link SendsToPolicies}; SNS, S3 and DynamoDB events, a
 * few lines each, are written here. Logical ids, names and resources come from one {@link
 * SamResources}. Mutable and not thread-safe: {@link #render} once per instance.
 */
final class SamTemplate {
  static final String HANDLER = "dev.anyfn.aws.LambdaHandler::handleRequest";

  private static final int MAX_FUNCTION_NAME = 64;

  /**
   * The template's parameter that prefixes every name; see {@link dev.anyfn.core.ResourceNames}.
   */
  static final String NAME_PREFIX = "NamePrefix";

  private final FunctionIndex index;
  private final PackagingContext context;
  private final StringBuilder out = new StringBuilder(4096);

  private final SamResources resources = new SamResources();
  private final SqsQueues queues;
  private final HttpApiEvents httpApi;
  private final SendsToPolicies sendsTo;

  SamTemplate(FunctionIndex index, PackagingContext context) {
    this.index = index;
    this.context = context;
    this.queues = new SqsQueues(index, resources);
    this.httpApi = new HttpApiEvents(index);
    this.sendsTo = new SendsToPolicies(queues, resources);
  }

  String render() {
    for (FunctionSpec fn : index.functions()) {
      function(fn);
    }
    // Queues that are only sent to, once every trigger has made its queues: so a queue that is
    // also another's dead-letter or failure queue has that form, whichever function comes first.
    for (FunctionSpec fn : index.functions()) {
      fn.sendsTo().forEach(queues::queue);
    }
    resources.appendTo(out);
    return "AWSTemplateFormatVersion: '2010-09-09'\n"
        + "Transform: AWS::Serverless-2016-10-31\n"
        + "Description: "
        + quote("anyfn functions of " + context.artifactId())
        + "\n"
        + parameters()
        + "Resources:\n"
        + out;
  }

  /**
   * The one parameter: a prefix for every name the template gives, so that one template deploys
   * several stages into one account ({@code sam deploy --parameter-overrides NamePrefix=dev-}). Its
   * longest value leaves every name within AWS's limit, and its characters suit every kind of name,
   * S3 buckets' included (lower-case letters, digits, hyphens).
   */
  private String parameters() {
    int maxLength = Math.max(0, resources.prefixRoom());
    return "Parameters:\n"
        + "  "
        + NAME_PREFIX
        + ":\n"
        + "    Type: String\n"
        + "    Default: ''\n"
        + "    Description: "
        + quote(
            "Put before the name of every function, queue, topic, bucket and table, e.g. dev-,"
                + " so that stages can share an account; functions see the names of their"
                + " annotations.")
        + "\n"
        + "    AllowedPattern: "
        + quote(ResourceNames.PREFIX_PATTERN)
        + "\n"
        + "    MaxLength: "
        + maxLength
        + "\n"
        + "    ConstraintDescription: "
        + quote(
            ResourceNames.PREFIX_RULE
                + ", at most "
                + maxLength
                + " characters (the longest that keeps every name within its AWS limit)")
        + "\n";
  }

  /** The function's resource: its properties, environment, policies, failure queue and events. */
  private void function(FunctionSpec fn) {
    properties(fn);
    environment(fn);
    sendsTo.appendPolicies(fn, out);
    failedEventsDestination(fn);
    events(fn);
  }

  /** The function's resource up to its environment: its id, name, code, size and concurrency. */
  private void properties(FunctionSpec fn) {
    boolean snapStart =
        "true".equalsIgnoreCase(context.environment().get(AwsPackager.SNAPSTART_VARIABLE));
    String codeUri =
        context
            .outputDirectory()
            .toAbsolutePath()
            .normalize()
            .relativize(context.artifactPath().toAbsolutePath().normalize())
            .toString()
            .replace('\\', '/');
    out.append("  ")
        .append(resources.id("function", fn.name(), pascal(fn.name()) + "Function"))
        .append(":\n");
    out.append("    Type: AWS::Serverless::Function\n");
    out.append("    Properties:\n");
    out.append("      FunctionName: ")
        .append(resources.named(fn.name(), MAX_FUNCTION_NAME))
        .append('\n');
    out.append("      Handler: ").append(HANDLER).append('\n');
    out.append("      Runtime: ")
        .append(JavaReleases.managedRuntime(context.javaRelease()))
        .append('\n');
    out.append("      CodeUri: ").append(quote(codeUri)).append('\n');
    out.append("      MemorySize: ").append(fn.memoryMb()).append('\n');
    out.append("      Timeout: ").append(fn.timeoutSeconds()).append('\n');
    // maxInstances = 0 disables the function: reserved concurrency 0 throttles every invocation.
    // Reserving takes from the account's pool, of which Lambda keeps 100 unreserved.
    boolean reserve =
        !"false"
            .equalsIgnoreCase(context.environment().get(AwsPackager.RESERVE_CONCURRENCY_VARIABLE));
    if (reserve || fn.maxInstances() == 0) {
      out.append("      ReservedConcurrentExecutions: ").append(fn.maxInstances()).append('\n');
    }
    if (snapStart) {
      out.append("      AutoPublishAlias: live\n");
      out.append("      SnapStart:\n        ApplyOn: PublishedVersions\n");
    }
  }

  /**
   * The function's environment: the build's variables, the function's name, the stage's prefix and
   * the variables of its {@code @SendsTo}.
   */
  private void environment(FunctionSpec fn) {
    out.append("      Environment:\n        Variables:\n");
    Map<String, String> env = new TreeMap<>(context.environment());
    env.put(AwsSettings.FUNCTION_VARIABLE, fn.name());
    env.forEach(
        (k, v) -> out.append("          ").append(k).append(": ").append(quote(v)).append('\n'));
    out.append("          ")
        .append(ResourceNames.PREFIX_VARIABLE)
        .append(": !Ref ")
        .append(NAME_PREFIX)
        .append('\n');
    sendsTo.appendVariables(fn, out);
  }

  /** Where the asynchronous events the function gave up on go, for a function that has any. */
  private void failedEventsDestination(FunctionSpec fn) {
    if (fn.triggers().stream().anyMatch(SamTemplate::invokedAsynchronously)) {
      // Lambda retries an asynchronous event twice, then drops it unless it has somewhere to go.
      out.append("      EventInvokeConfig:\n");
      out.append("        MaximumRetryAttempts: 2\n");
      out.append("        DestinationConfig:\n          OnFailure:\n            Type: SQS\n");
      out.append("            Destination: !GetAtt ")
          .append(queues.failureQueue(SqsQueues.failedEventsName(fn.name()), false))
          .append(".Arn\n");
    }
  }

  /**
   * The function's events: one per trigger, or per queue, bucket and table ({@link #source}), and
   * the preflight routes of its {@code @Cors}; nothing for a function that has none.
   */
  private void events(FunctionSpec fn) {
    StringBuilder events = new StringBuilder();
    Set<String> eventIds = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (HandlerSpec h : fn.handlers()) {
      String source = source(h.trigger());
      if (source == null || sources.add(source)) {
        event(fn, h, events, eventIds);
      }
    }
    if (fn.cors() != null) {
      httpApi.appendCorsPreflights(fn, events, eventIds);
    }
    if (events.length() > 0) {
      out.append("      Events:\n").append(events);
    }
  }

  /** SNS, S3, EventBridge rules and schedules invoke Lambda asynchronously. */
  private static boolean invokedAsynchronously(TriggerSpec t) {
    return t instanceof TriggerSpec.Topic
        || t instanceof TriggerSpec.Storage
        || t instanceof TriggerSpec.Schedule;
  }

  /**
   * The source a trigger's event reads, or null for a trigger with an event of its own: one event
   * per queue, bucket and table of a function, as Lambda refuses a second mapping of one queue or
   * stream to a function and S3 two overlapping notifications; the core hands each handler of that
   * source the events of its kinds.
   */
  private static String source(TriggerSpec t) {
    if (t instanceof TriggerSpec.Queue q) {
      return "queue " + q.name();
    }
    if (t instanceof TriggerSpec.Storage s) {
      return "bucket " + s.bucket();
    }
    if (t instanceof TriggerSpec.DataChange d) {
      return "table " + d.table();
    }
    return null;
  }

  private void event(FunctionSpec fn, HandlerSpec h, StringBuilder e, Set<String> ids) {
    TriggerSpec t = h.trigger();
    String id = pascal(h.method()) + pascal(t.kind().name().toLowerCase().replace('_', '-'));
    String unique = id;
    for (int i = 2; !ids.add(unique); i++) {
      unique = id + i;
    }
    String head = "        " + unique + ":\n";
    if (t instanceof TriggerSpec.Http http) {
      httpApi.appendRoutes(unique, http, e, ids);
    } else if (t instanceof TriggerSpec.Queue q) {
      queues.appendEvent(fn, q, head, e);
    } else if (t instanceof TriggerSpec.Topic topic) {
      snsEvent(topic, unique, e);
    } else if (t instanceof TriggerSpec.Storage s) {
      s3Event(fn, s, head, e);
    } else if (t instanceof TriggerSpec.Schedule s) {
      EventBridgeSchedules.appendEvent(s, head, e);
    } else if (t instanceof TriggerSpec.DataChange d) {
      dynamoDbEvent(fn, d, head, e);
    }
    // INVOKE needs no event: it is called through the Lambda Invoke API.
  }

  /**
   * The SNS event of a topic, and an EventBridge rule event for events whose source is the topic's
   * name, under logical ids {@code unique} and {@code <unique>Rule}.
   */
  private void snsEvent(TriggerSpec.Topic topic, String unique, StringBuilder e) {
    String head = "        " + unique + ":\n";
    String p = "            ";
    String sns = resources.topic(topic.name());
    e.append(head).append("          Type: SNS\n          Properties:\n");
    e.append(p).append("Topic: !Ref ").append(sns).append('\n');
    // EventBridge events whose source is the topic's name reach the same handler.
    e.append("        ").append(unique).append("Rule:\n          Type: EventBridgeRule\n");
    e.append("          Properties:\n").append(p).append("Pattern:\n");
    e.append(p)
        .append("  source:\n")
        .append(p)
        .append("    - ")
        .append(resources.named(topic.name(), SamResources.MAX_TOPIC_NAME))
        .append('\n');
  }

  /**
   * The S3 event of a bucket, under the event's {@code head} line: the creations and deletions
   * every storage trigger of the function on that bucket takes, in one notification.
   */
  private void s3Event(FunctionSpec fn, TriggerSpec.Storage s, String head, StringBuilder e) {
    String p = "            ";
    String bucket = resources.bucket(s.bucket());
    e.append(head).append("          Type: S3\n          Properties:\n");
    e.append(p).append("Bucket: !Ref ").append(bucket).append('\n');
    e.append(p).append("Events:\n");
    Set<String> kinds = new HashSet<>();
    for (TriggerSpec other : fn.triggers()) {
      if (other instanceof TriggerSpec.Storage o && o.bucket().equals(s.bucket())) {
        kinds.addAll(o.events());
      }
    }
    if (kinds.contains("CREATED")) {
      e.append(p).append("  - s3:ObjectCreated:*\n");
    }
    if (kinds.contains("DELETED")) {
      e.append(p).append("  - s3:ObjectRemoved:*\n");
      e.append(p).append("  - s3:LifecycleExpiration:*\n"); // deletions by lifecycle rules
    }
  }

  /**
   * The DynamoDB stream event of a table, under the event's {@code head} line: five attempts at a
   * batch, as for queues, then the batch's location goes to the table's stream-failure queue.
   */
  private void dynamoDbEvent(
      FunctionSpec fn, TriggerSpec.DataChange d, String head, StringBuilder e) {
    String p = "            ";
    String table = resources.table(d.table());
    e.append(head).append("          Type: DynamoDB\n          Properties:\n");
    e.append(p).append("Stream: !GetAtt ").append(table).append(".StreamArn\n");
    e.append(p).append("StartingPosition: LATEST\n");
    if (fn.maxInstances() == 0) {
      // Throttled records would be retried, then sent to the failure queue: not read at all.
      e.append(p).append("Enabled: false\n");
    }
    // Five attempts in all, as for queues; then the batch's location goes to the queue.
    e.append(p)
        .append("MaximumRetryAttempts: ")
        .append(SqsQueues.MAX_RECEIVE_COUNT - 1)
        .append('\n');
    e.append(p).append("DestinationConfig:\n");
    e.append(p).append("  OnFailure:\n");
    e.append(p).append("    Type: SQS\n");
    e.append(p)
        .append("    Destination: !GetAtt ")
        .append(queues.failureQueue(SqsQueues.streamFailuresName(d.table()), false))
        .append(".Arn\n");
    e.append(p)
        .append("FunctionResponseTypes:\n")
        .append(p)
        .append("  - ReportBatchItemFailures\n");
  }

  /** {@code order-api}, {@code orders_queue}, {@code user} to {@code OrderApi}, ... */
  static String pascal(String name) {
    StringBuilder b = new StringBuilder();
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      b.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return b.toString();
  }

  /** A single-quoted YAML scalar: only {@code '} needs escaping, by doubling. */
  static String quote(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
