package dev.anyfn.gcp;

import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.DeadLetterQueues;
import java.util.List;

/**
 * The parts of {@code deploy.sh} for queues, which Pub/Sub topics stand for: the dead-letter topic
 * of each queue deployment's subscription ({@code <queue>-poison}, kept by a subscription {@code
 * <queue>-poison-kept}), and the subscription that keeps a held queue's messages while the
 * functions consuming it are disabled ({@code <queue>-held}). Stateless.
 */
final class QueueScript {
  private static final String NAME_PREFIX = GcpDeploymentPlan.NAME_PREFIX;

  /** Pub/Sub's least, and default, number of delivery attempts before dead-lettering. */
  static final int MAX_DELIVERY_ATTEMPTS = 5;

  /**
   * Gives the Pub/Sub subscription Eventarc made for a deployment a dead-letter topic, as Google
   * documents for Eventarc triggers ("Retry events", "Handle message failures"): without one, a
   * message that keeps failing is dropped when Eventarc's 24 hours of retention end. The topic gets
   * a subscription of its own (a topic without one drops what is published to it), and Pub/Sub's
   * service agent the right to publish to the topic and to take from the subscription.
   */
  private static final String DEAD_LETTERS_FUNCTION =
      """

      # dead_letters DEPLOYMENT TOPIC KEPT: after %d delivery attempts, Pub/Sub moves a message of
      # DEPLOYMENT's Eventarc subscription to TOPIC, where subscription KEPT holds it for 7 days.
      dead_letters() {
        local deployment="$1" topic="$2" kept="$3" trigger subscription number agent
        gcloud pubsub topics describe "$topic" --project "$PROJECT" >/dev/null 2>&1 \\
          || gcloud pubsub topics create "$topic" --project "$PROJECT"
        gcloud pubsub subscriptions describe "$kept" --project "$PROJECT" >/dev/null 2>&1 \\
          || gcloud pubsub subscriptions create "$kept" --project "$PROJECT" --topic "$topic" \\
            --message-retention-duration 7d --expiration-period never
        trigger="$(gcloud functions describe "$deployment" --gen2 --project "$PROJECT" \\
          --region "$REGION" --format 'value(eventTrigger.trigger)')"
        : "${trigger:?gcloud names no Eventarc trigger for $deployment}"
        subscription="$(gcloud eventarc triggers describe "$trigger" \\
          --format 'value(transport.pubsub.subscription)')"
        : "${subscription:?gcloud names no Pub/Sub subscription for trigger $trigger}"
        number="$(gcloud projects describe "$PROJECT" --format 'value(projectNumber)')"
        agent="serviceAccount:service-${number}@gcp-sa-pubsub.iam.gserviceaccount.com"
        gcloud pubsub topics add-iam-policy-binding "$topic" --project "$PROJECT" \\
          --member "$agent" --role roles/pubsub.publisher >/dev/null
        gcloud pubsub subscriptions add-iam-policy-binding "$subscription" \\
          --member "$agent" --role roles/pubsub.subscriber >/dev/null
        gcloud pubsub subscriptions update "$subscription" \\
          --dead-letter-topic "projects/$PROJECT/topics/$topic" --max-delivery-attempts %d
      }
      """
          .formatted(MAX_DELIVERY_ATTEMPTS, MAX_DELIVERY_ATTEMPTS);

  static final int MAX_SUBSCRIPTION_NAME = 255;

  private QueueScript() {}

  /** Appends the {@code dead_letters} function, when a deployment needs it. */
  static void deadLettersFunction(StringBuilder s, List<GcpDeployment> deployments) {
    if (deployments.stream().anyMatch(QueueScript::hasDeadLetters)) {
      s.append(DEAD_LETTERS_FUNCTION);
    }
  }

  /** Queue deployments retry, so what keeps failing needs somewhere to go. */
  private static boolean hasDeadLetters(GcpDeployment d) {
    return d.retry() && d.trigger().filter(t -> t instanceof TriggerSpec.Queue).isPresent();
  }

  /**
   * The subscription that keeps a held queue's messages ({@link GcpDeploymentPlan.HeldQueue}):
   * {@code <queue>-held}, before the stage's prefix.
   */
  static String heldSubscription(String queue) {
    return subscription(queue, "-held");
  }

  /** {@code name} and {@code suffix}, {@code name} cut so that both fit Pub/Sub's limit. */
  private static String subscription(String name, String suffix) {
    return name.substring(0, Math.min(name.length(), MAX_SUBSCRIPTION_NAME - suffix.length()))
        + suffix;
  }

  /**
   * Creates a held queue's topic and the subscription that keeps what is sent to it for 7 days,
   * Pub/Sub's longest retention, and that does not expire unused (Pub/Sub's default is 31 days).
   */
  static void hold(StringBuilder s, GcpDeploymentPlan.HeldQueue h) {
    String topic = BashWords.word(NAME_PREFIX + h.queue());
    String held = BashWords.word(NAME_PREFIX + heldSubscription(h.queue()));
    s.append('\n')
        .append(
            BashWords.comment(
                "# queue "
                    + h.queue()
                    + ": function '"
                    + h.function()
                    + "' is disabled (maxInstances = 0); subscription "
                    + heldSubscription(h.queue())
                    + " keeps what is sent for 7 days"))
        .append('\n');
    DeployScript.createTopic(s, topic);
    s.append("gcloud pubsub subscriptions describe ")
        .append(held)
        .append(
            " --project \"$PROJECT\" >/dev/null 2>&1 \\\n  || gcloud pubsub subscriptions create ")
        .append(held)
        .append(" --project \"$PROJECT\" --topic ")
        .append(topic)
        .append(" \\\n    --message-retention-duration 7d --expiration-period never\n");
  }

  /**
   * After queue deployment {@code d} is deployed: gives its subscription a dead-letter topic;
   * nothing for another deployment.
   */
  static void deadLetters(StringBuilder s, GcpDeployment d) {
    if (!hasDeadLetters(d)) {
      return;
    }
    String queue = ((TriggerSpec.Queue) d.trigger().orElseThrow()).name();
    String topic = DeadLetterQueues.google(queue);
    String kept = subscription(topic, "-kept");
    s.append(BashWords.comment("# dead letters of queue " + queue + " go to topic " + topic))
        .append('\n')
        .append("dead_letters ")
        .append(BashWords.word(NAME_PREFIX + d.name()))
        .append(' ')
        .append(BashWords.word(NAME_PREFIX + topic))
        .append(' ')
        .append(BashWords.word(NAME_PREFIX + kept))
        .append('\n');
  }
}
