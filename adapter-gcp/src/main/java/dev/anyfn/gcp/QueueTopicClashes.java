package dev.anyfn.gcp;

import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.DeadLetterQueues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Queues and topics of one name, which would be one Pub/Sub topic on Google. deploy.sh names the
 * Pub/Sub topic of an anyfn queue and of an anyfn topic alike, the stage's prefix before the name
 * (the {@code --trigger-topic} of {@code @OnQueue} and {@code @OnTopic} deployments, the topics
 * {@code @SendsTo} sends and publishes to), so a queue and a topic sharing a name would mix their
 * deliveries: the queue's handlers would take the topic's messages, the topic's subscribers the
 * queue's, a queue's failed messages would be retried for them. AWS, Azure and the emulator keep
 * them apart, so packaging refuses it rather than let it show only on Google. The dead-letter topic
 * of a queue ({@code <queue>-poison}) counts as a queue: {@code @OnQueue("<queue>-poison")} reads
 * it. Stateless.
 */
final class QueueTopicClashes {
  private QueueTopicClashes() {}

  /**
   * One problem per name that {@code functions} (the deployed ones) use both as a queue and as a
   * topic, {@code held} queues counting as queues: deploy.sh holds their messages in a subscription
   * to their topic, which would fill with the topic's messages.
   */
  static List<String> problems(
      List<FunctionSpec> functions, List<GcpDeploymentPlan.HeldQueue> held) {
    Map<String, Set<String>> queues = new LinkedHashMap<>();
    Map<String, Set<String>> topics = new LinkedHashMap<>();
    Map<String, Set<String>> readers = new LinkedHashMap<>();
    held.forEach(
        h ->
            use(
                queues,
                h.queue(),
                "@OnQueue of disabled function '" + h.function() + "', held for it"));
    for (FunctionSpec fn : functions) {
      for (TriggerSpec t : fn.triggers()) {
        if (t instanceof TriggerSpec.Queue q) {
          use(readers, q.name(), "'" + fn.name() + "'");
          use(queues, q.name(), "@OnQueue of function '" + fn.name() + "'");
          use(
              queues,
              DeadLetterQueues.google(q.name()),
              "the dead letters of @OnQueue(\"" + q.name() + "\") of function '" + fn.name() + "'");
        } else if (t instanceof TriggerSpec.Topic p) {
          use(topics, p.name(), "@OnTopic of function '" + fn.name() + "'");
        }
      }
      fn.sendsTo().forEach(q -> use(queues, q, "@SendsTo of function '" + fn.name() + "'"));
      fn.publishesTo().forEach(p -> use(topics, p, "@SendsTo of function '" + fn.name() + "'"));
    }
    List<String> problems = new ArrayList<>(sharedQueues(readers));
    queues.forEach(
        (name, queueUses) -> {
          Set<String> topicUses = topics.get(name);
          if (topicUses != null) {
            problems.add(
                "Queue '"
                    + name
                    + "' ("
                    + String.join(", ", queueUses)
                    + ") and topic '"
                    + name
                    + "' ("
                    + String.join(", ", topicUses)
                    + ") would be one Pub/Sub topic on Google, which names queues and topics"
                    + " alike, so each would receive the other's messages. Rename the queue or"
                    + " the topic so that their names differ.");
          }
        });
    return problems;
  }

  /**
   * One problem per queue that several functions read ({@code readers}: the functions reading each
   * queue). Its messages would go to every one of them on Google, where each function's trigger is
   * a subscription of its own to the queue's Pub/Sub topic, while AWS, Azure and the emulator share
   * them out (competing consumers).
   */
  private static List<String> sharedQueues(Map<String, Set<String>> readers) {
    List<String> problems = new ArrayList<>();
    readers.forEach(
        (queue, fns) -> {
          if (fns.size() > 1) {
            problems.add(
                "Queue '"
                    + queue
                    + "' is read by functions "
                    + String.join(", ", fns)
                    + ". On Google a queue is a Pub/Sub topic and each function's trigger a"
                    + " subscription of its own, so every one of them would get every message,"
                    + " where AWS, Azure and the emulator give each message to one. Read the queue"
                    + " in one function, or publish to a topic (@OnTopic) if each should get"
                    + " every message.");
          }
        });
    return problems;
  }

  private static void use(Map<String, Set<String>> uses, String name, String use) {
    uses.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(use);
  }
}
