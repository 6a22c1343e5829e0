package dev.anyfn.aws;

import dev.anyfn.core.index.FunctionSpec;

/**
 * What a function's {@code @SendsTo} adds to its properties in a SAM template, for each queue and
 * topic it names: the queue's URL or the topic's ARN in the variable {@link AwsMessageSender}
 * reads, and the IAM policy that lets {@code Context.send} and {@code Context.publish} send or
 * publish to it. The queue is the one an {@code @OnQueue} reads, or one made alike (see {@link
 * SamTemplate#render}); the topic is the one an {@code @OnTopic} subscribes to, or one made alike.
 * Holds nothing of its own, but declares topics in the template's {@link SamResources} and takes
 * queue ids from its {@link SqsQueues}: not thread-safe, one instance serves one {@link
 * SamTemplate#render}.
 */
final class SendsToPolicies {
  private final SqsQueues queues;
  private final SamResources resources;

  SendsToPolicies(SqsQueues queues, SamResources resources) {
    this.queues = queues;
    this.resources = resources;
  }

  /** Appends the function's variables, right after those of its environment. */
  void appendVariables(FunctionSpec fn, StringBuilder out) {
    for (String queue : fn.sendsTo()) {
      variable(MessagingService.SQS.variable(queue), queues.queueId(queue), out);
    }
    for (String topic : fn.publishesTo()) {
      variable(MessagingService.SNS.variable(topic), resources.topic(topic), out);
    }
  }

  /** An environment variable set to the {@code Ref} of a resource: a queue's URL, a topic's ARN. */
  private static void variable(String name, String resourceId, StringBuilder out) {
    out.append("          ").append(name).append(": !Ref ").append(resourceId).append('\n');
  }

  /** Appends the function's {@code Policies}, none for a function that does not send. */
  void appendPolicies(FunctionSpec fn, StringBuilder out) {
    if (!fn.sends()) {
      return;
    }
    out.append("      Policies:\n");
    for (String queue : fn.sendsTo()) {
      out.append("        - SQSSendMessagePolicy:\n            QueueName: !GetAtt ")
          .append(queues.queueId(queue))
          .append(".QueueName\n");
    }
    for (String topic : fn.publishesTo()) {
      out.append("        - SNSPublishMessagePolicy:\n            TopicName: !GetAtt ")
          .append(resources.topic(topic))
          .append(".TopicName\n");
    }
  }
}
