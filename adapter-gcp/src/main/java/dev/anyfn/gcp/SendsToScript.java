package dev.anyfn.gcp;

import java.util.List;

/**
 * The parts of {@code deploy.sh} for functions with {@code @SendsTo}: the Pub/Sub topics of the
 * queues and topics they send and publish to, created before any deployment (each deployment is
 * told the project they are in, {@value GcpSettings#PROJECT}, by {@link DeployScript}); and, after
 * each such deployment, the right of its runtime service account to publish to them. A queue's
 * topic and a topic's are named alike ({@link
 * GcpDeploymentPlan#sentTopics(dev.anyfn.core.index.FunctionSpec)}), so the script treats them the
 * same. Stateless.
 */
final class SendsToScript {
  private static final String NAME_PREFIX = GcpDeploymentPlan.NAME_PREFIX;

  private SendsToScript() {}

  /**
   * Creates the Pub/Sub topic of each queue and topic the functions send and publish to, before any
   * deployment, so that the first send finds it; a topic that exists (an {@code @OnQueue} or
   * {@code @OnTopic} deployment made it, or an earlier run) is left as it is. Each deployment of a
   * sending function is then let publish to them ({@link #MAY_PUBLISH_FUNCTION}).
   */
  static void topics(StringBuilder s, List<String> topics) {
    if (topics.isEmpty()) {
      return;
    }
    s.append(MAY_PUBLISH_FUNCTION);
    s.append("\n# Pub/Sub topics of the queues and topics functions send and publish to")
        .append(" (@SendsTo)\n");
    topics.forEach(t -> DeployScript.createTopic(s, BashWords.word(NAME_PREFIX + t)));
  }

  /**
   * Lets a deployment's runtime service account publish to the topics its function sends and
   * publishes to: the project's default one unless the deployment was given another, so it is asked
   * of the deployed function rather than assumed. Without it, publishing fails with {@code 403
   * PERMISSION_DENIED} wherever the account lacks a broad role.
   */
  private static final String MAY_PUBLISH_FUNCTION =
      """

      # may_publish DEPLOYMENT TOPIC...: lets DEPLOYMENT's runtime service account publish to each
      # TOPIC, those of the queues and topics its function sends and publishes to (@SendsTo).
      may_publish() {
        local deployment="$1" account topic
        shift
        account="$(gcloud functions describe "$deployment" --gen2 --project "$PROJECT" \\
          --region "$REGION" --format 'value(serviceConfig.serviceAccountEmail)')"
        : "${account:?gcloud names no runtime service account for $deployment}"
        for topic in "$@"; do
          gcloud pubsub topics add-iam-policy-binding "$topic" --project "$PROJECT" \\
            --member "serviceAccount:$account" --role roles/pubsub.publisher >/dev/null
        done
      }
      """;

  /** After {@code d} is deployed: lets it publish, when its function sends. */
  static void mayPublish(StringBuilder s, GcpDeployment d) {
    List<String> topics = GcpDeploymentPlan.sentTopics(d.function());
    if (topics.isEmpty()) {
      return;
    }
    s.append("may_publish ").append(BashWords.word(NAME_PREFIX + d.name()));
    topics.forEach(t -> s.append(' ').append(BashWords.word(NAME_PREFIX + t)));
    s.append('\n');
  }
}
