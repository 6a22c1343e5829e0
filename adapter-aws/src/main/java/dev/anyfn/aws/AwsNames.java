package dev.anyfn.aws;

import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names AWS accepts for the resources the SAM template creates from the names in the
 * annotations: SQS queues, SNS topics, S3 buckets and DynamoDB tables. A name AWS would refuse is a
 * packaging problem, so that it is found by {@code mvn package}, not half-way through a deploy.
 */
final class AwsNames {
  private static final Pattern QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,80}");
  private static final Pattern FIFO_QUEUE = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1,256}");
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final List<String> BUCKET_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
  private static final List<String> BUCKET_SUFFIXES =
      List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3");

  private AwsNames() {}

  /** Why AWS would refuse the resource this trigger names, if it would. */
  static Optional<String> problem(FunctionSpec fn, TriggerSpec t) {
    String why = null;
    if (t instanceof TriggerSpec.Queue q) {
      why = queue(q.name());
    } else if (t instanceof TriggerSpec.Topic p) {
      why = topic(p.name());
    } else if (t instanceof TriggerSpec.Storage s) {
      why = bucket(s.bucket());
    } else if (t instanceof TriggerSpec.DataChange d) {
      why = table(d.table());
    }
    return Optional.ofNullable(why).map(w -> "Function '" + fn.name() + "': " + w);
  }

  private static String queue(String name) {
    return isQueue(name) ? null : "@OnQueue(\"" + name + "\") " + NOT_A_QUEUE;
  }

  private static final String NOT_A_QUEUE =
      "is not an SQS queue name: SQS takes 1-80 letters, digits, hyphens and underscores, and a"
          + " FIFO queue's name ends in .fifo within those 80. Rename the queue.";

  private static boolean isQueue(String name) {
    return QUEUE.matcher(name).matches() || FIFO_QUEUE.matcher(name).matches();
  }

  /**
   * Why SQS would not take the messages {@code fn} sends to {@code queue}, if it would not: a name
   * SQS refuses, or a FIFO queue, which takes a message only with a message group id, which {@code
   * Context.send} does not give.
   */
  static Optional<String> sentQueueProblem(FunctionSpec fn, String queue) {
    String where = "Function '" + fn.name() + "': @SendsTo(queues = \"" + queue + "\") ";
    if (!isQueue(queue)) {
      return Optional.of(where + NOT_A_QUEUE);
    }
    if (queue.endsWith(".fifo")) {
      return Optional.of(
          where
              + "names an SQS FIFO queue, which takes a message only with a message group id;"
              + " Context.send gives none. Send to a standard queue (a name without .fifo).");
    }
    return Optional.empty();
  }

  private static String topic(String name) {
    if (TOPIC.matcher(name).matches()) {
      return null;
    }
    if (name.endsWith(".fifo")) {
      return "@OnTopic(\""
          + name
          + "\") names an SNS FIFO topic, which delivers only to SQS queues, never to Lambda."
          + " Use a standard topic (a name without .fifo), or an SQS FIFO queue with @OnQueue.";
    }
    return "@OnTopic(\"" + name + "\") " + NOT_A_TOPIC;
  }

  private static final String NOT_A_TOPIC =
      "is not an SNS topic name: SNS takes 1-256 letters, digits, hyphens and underscores."
          + " Rename the topic.";

  /**
   * Why SNS would not take the messages {@code fn} publishes to {@code topic}, if it would not: a
   * FIFO topic, which takes a message only with a message group id, which {@code Context.publish}
   * does not give, or a name SNS refuses.
   */
  static Optional<String> publishedTopicProblem(FunctionSpec fn, String topic) {
    String where = "Function '" + fn.name() + "': @SendsTo(topics = \"" + topic + "\") ";
    if (topic.endsWith(".fifo")) {
      return Optional.of(
          where
              + "names an SNS FIFO topic, which takes a message only with a message group id;"
              + " Context.publish gives none. Publish to a standard topic (a name without .fifo).");
    }
    if (!TOPIC.matcher(topic).matches()) {
      return Optional.of(where + NOT_A_TOPIC);
    }
    return Optional.empty();
  }

  private static String bucket(String name) {
    String rule = null;
    if (!BUCKET.matcher(name).matches()) {
      rule =
          "3-63 lower-case letters, digits, dots and hyphens, beginning and ending with a letter"
              + " or digit";
    } else if (name.contains("..")) {
      rule = "no two adjacent dots";
    } else if (IPV4.matcher(name).matches()) {
      rule = "a name that is not an IP address";
    } else if (BUCKET_PREFIXES.stream().anyMatch(name::startsWith)) {
      rule = "no name starting with " + String.join(", ", BUCKET_PREFIXES);
    } else if (BUCKET_SUFFIXES.stream().anyMatch(name::endsWith)) {
      rule = "no name ending in " + String.join(", ", BUCKET_SUFFIXES);
    }
    if (rule == null) {
      return null;
    }
    return "@OnStorage(bucket = \""
        + name
        + "\") is not an S3 bucket name: S3 takes "
        + rule
        + ". Rename the bucket.";
  }

  private static String table(String name) {
    if (TABLE.matcher(name).matches()) {
      return null;
    }
    return "@OnDataChange(table = \""
        + name
        + "\") is not a DynamoDB table name: DynamoDB takes 3-255 letters, digits, dots, hyphens"
        + " and underscores. Rename the table.";
  }
}
