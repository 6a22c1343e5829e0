package dev.anyfn.aws;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.DeadLetterQueues;
import java.util.HashSet;
import java.util.Set;

/**
 * The SQS side of a SAM template: each queue a function reads ({@code @OnQueue}) or sends to
 * ({@code @SendsTo}), with its visibility timeout and its redrive policy to a dead-letter queue;
 * the queues that keep what failed for good (dead-letter queues, a function's failed asynchronous
 * events, a stream's failed batches); and the SQS event of a function reading a queue. The queues
 * are declared in the template's {@link SamResources}, each once. Mutable and not thread-safe: one
 * instance serves one {@link SamTemplate#render}.
 */
final class SqsQueues {
  /**
   * Deliveries of a queue message, and attempts at a stream batch, before it is set aside: the
   * emulator's attempts under the AWS profile, and the least AWS advises for an SQS redrive policy.
   */
  static final int MAX_RECEIVE_COUNT = 5;

  private static final int MAX_QUEUE_NAME = 80;

  private static final String FIFO = ".fifo";

  private final FunctionIndex index;
  private final SamResources resources;

  /**
   * The queues that keep what failed for good (dead-letter, failed-event and stream-failure
   * queues): kept for the longest time SQS allows, also when a function reads them.
   */
  private final Set<String> failureQueues = new HashSet<>();

  SqsQueues(FunctionIndex index, SamResources resources) {
    this.index = index;
    this.resources = resources;
    for (FunctionSpec fn : index.functions()) {
      for (HandlerSpec h : fn.handlers()) {
        if (h.trigger() instanceof TriggerSpec.Queue q) {
          failureQueues.add(DeadLetterQueues.aws(q.name()));
        }
        if (h.trigger() instanceof TriggerSpec.DataChange d) {
          failureQueues.add(streamFailuresName(d.table()));
        }
      }
      failureQueues.add(failedEventsName(fn.name()));
    }
  }

  /**
   * Appends the SQS event of {@code fn} reading queue {@code q}, under the event's {@code head}
   * line, and declares the queue: its batch size (1 to 10), its share of the function's
   * concurrency, and partial batch failures.
   */
  void appendEvent(FunctionSpec fn, TriggerSpec.Queue q, String head, StringBuilder e) {
    String p = "            ";
    String queue = queue(q.name());
    e.append(head).append("          Type: SQS\n          Properties:\n");
    e.append(p).append("Queue: !GetAtt ").append(queue).append(".Arn\n");
    e.append(p).append("BatchSize: ").append(Math.max(1, Math.min(10, q.batchSize()))).append('\n');
    if (fn.maxInstances() == 0) {
      // A disabled function: every poll would be throttled, counting a receive each time, and
      // its messages would reach the dead-letter queue unprocessed. Kept in the queue instead.
      e.append(p).append("Enabled: false\n");
    } else if (fn.maxInstances() >= 2) {
      // The poller does not heed reserved concurrency: it would take more messages than the
      // function may run, and each throttled one counts a receive towards the dead-letter queue.
      // The function's queues share its reserved concurrency (AWS: it must be at least the sum
      // of their maximum concurrencies), each at least 2, Lambda's least.
      e.append(p)
          .append("ScalingConfig:\n")
          .append(p)
          .append("  MaximumConcurrency: ")
          .append(queueConcurrency(fn))
          .append('\n');
    }
    e.append(p)
        .append("FunctionResponseTypes:\n")
        .append(p)
        .append("  - ReportBatchItemFailures\n");
  }

  /**
   * The {@code MaximumConcurrency} of each of a function's SQS event sources: its {@code
   * maxInstances} shared out among its queues, at least 2 ({@link #queues} counts them).
   */
  private static int queueConcurrency(FunctionSpec fn) {
    return Math.min(1000, Math.max(2, fn.maxInstances() / Math.max(1, queues(fn))));
  }

  /** The distinct queues a function reads, one SQS event source each. */
  static int queues(FunctionSpec fn) {
    return (int)
        fn.triggers().stream()
            .filter(t -> t instanceof TriggerSpec.Queue)
            .map(t -> ((TriggerSpec.Queue) t).name())
            .distinct()
            .count();
  }

  /**
   * A queue whose visibility timeout is six times the longest timeout of the functions reading it,
   * as AWS advises; Lambda refuses an event source mapping whose queue's visibility timeout is
   * shorter than the function's timeout. A message received {@link #MAX_RECEIVE_COUNT} times
   * without success moves to the queue's dead-letter queue, {@code <name>-poison}. A failure queue
   * that a function reads keeps its messages 14 days, as one that none reads does.
   */
  String queue(String name) {
    String id = queueId(name);
    if (resources.declared(id)) {
      return id;
    }
    resources.declare(id, ""); // reserved first: the dead-letter queue may be declared too
    int longest =
        index.functions().stream()
            .filter(f -> f.triggers().stream().anyMatch(t -> isQueue(t, name)))
            .mapToInt(FunctionSpec::timeoutSeconds)
            .max()
            .orElse(30);
    boolean fifo = name.endsWith(FIFO);
    String deadLetters = failureQueue(DeadLetterQueues.aws(name), fifo);
    resources.declare(
        id,
        "  "
            + id
            + ":\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "
            + resources.named(name, MAX_QUEUE_NAME)
            + "\n      VisibilityTimeout: "
            + Math.min(43_200, Math.max(30, 6 * longest))
            + "\n"
            + (failureQueues.contains(name) ? "      MessageRetentionPeriod: 1209600\n" : "")
            // SQS requires FifoQueue for a name ending in .fifo, and that suffix for FIFO.
            + (fifo ? "      FifoQueue: true\n" : "")
            + "      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt "
            + deadLetters
            + ".Arn\n        maxReceiveCount: "
            + MAX_RECEIVE_COUNT
            + "\n");
    return id;
  }

  /**
   * The queue that keeps what failed for good: the queue of that name when a function reads it (so
   * that it can process the failures), otherwise a new queue that keeps messages for the longest
   * time SQS allows.
   */
  String failureQueue(String name, boolean fifo) {
    if (index.functions().stream()
        .anyMatch(f -> f.triggers().stream().anyMatch(t -> isQueue(t, name)))) {
      return queue(name);
    }
    String id = queueId(name);
    resources.declareOnce(
        id,
        k ->
            "  "
                + k
                + ":\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: "
                + resources.named(name, MAX_QUEUE_NAME)
                + "\n      MessageRetentionPeriod: 1209600\n"
                + (fifo ? "      FifoQueue: true\n" : ""));
    return id;
  }

  private static boolean isQueue(TriggerSpec t, String name) {
    return t instanceof TriggerSpec.Queue q && q.name().equals(name);
  }

  /**
   * The logical id of the queue of this name; a {@code .fifo} queue's ends in {@code FifoQueue}.
   */
  String queueId(String name) {
    return resources.id(
        "queue",
        name,
        SamTemplate.pascal(
                name.endsWith(FIFO)
                    ? name.substring(0, name.length() - FIFO.length()) + "-fifo"
                    : name)
            + "Queue");
  }

  /** The queue that records the asynchronous events a function gave up on. */
  static String failedEventsName(String function) {
    return function + "-failed-events";
  }

  /** The queue that records the stream batches a function gave up on. */
  static String streamFailuresName(String table) {
    String name = table.replaceAll("[^A-Za-z0-9_-]", "-");
    String suffix = "-stream-failures";
    return name.substring(0, Math.min(name.length(), MAX_QUEUE_NAME - suffix.length())) + suffix;
  }
}
