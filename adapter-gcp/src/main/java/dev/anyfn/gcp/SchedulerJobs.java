package dev.anyfn.gcp;

/**
 * The part of {@code deploy.sh} for {@code @OnSchedule}: Google has no scheduled trigger, so a
 * schedule's deployment takes the messages of a Pub/Sub topic of its own, to which a Cloud
 * Scheduler job publishes on the schedule's cron expression, in its time zone ({@link
 * GcpDeployment.SchedulerJob}). Stateless.
 */
final class SchedulerJobs {
  private static final String NAME_PREFIX = GcpDeploymentPlan.NAME_PREFIX;

  private SchedulerJobs() {}

  /**
   * Before the deployment of a schedule: creates the topic of {@code job} unless it exists, and
   * creates the job, or updates the one an earlier deploy made.
   */
  static void job(StringBuilder s, GcpDeployment.SchedulerJob job) {
    String topic = BashWords.word(NAME_PREFIX + job.topic());
    String name = BashWords.word(NAME_PREFIX + job.name());
    s.append(
            BashWords.comment(
                "# Cloud Scheduler publishes to topic "
                    + job.topic()
                    + " on '"
                    + job.cron()
                    + "' ("
                    + job.zone()
                    + ")"))
        .append('\n');
    DeployScript.createTopic(s, topic);
    s.append("if gcloud scheduler jobs describe ")
        .append(name)
        .append(" --project \"$PROJECT\" --location \"$REGION\" >/dev/null 2>&1; then\n  ")
        .append("SCHEDULER_VERB=update\nelse\n  SCHEDULER_VERB=create\nfi\n")
        .append("gcloud scheduler jobs \"$SCHEDULER_VERB\" pubsub ")
        .append(name)
        .append(" \\\n  --project \"$PROJECT\" \\\n  --location \"$REGION\" \\\n  --schedule ")
        .append(BashWords.quote(job.cron()))
        .append(" \\\n  --time-zone ")
        .append(BashWords.quote(job.zone()))
        .append(" \\\n  --topic ")
        .append(topic)
        .append(" \\\n  --message-body '{}'\n");
  }
}
