package dev.anyfn.gcp;

import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import java.util.Optional;

/**
 * One {@code gcloud functions deploy}: a function with one Google trigger. Immutable.
 *
 * @param name the Google function name, {@code <function>} for HTTP and {@code <function>-<trigger
 *     suffix>} for an event trigger
 * @param function the anyfn function
 * @param entryPoint {@link HttpEntryPoint} or {@link EventEntryPoint}
 * @param trigger the event trigger ({@code ANYFN_TRIGGER}); empty for HTTP
 * @param triggerFlags the gcloud trigger flags, unquoted
 * @param retry whether failed events are redelivered ({@code --retry})
 * @param schedule the Scheduler job that feeds the trigger's topic, for schedules
 */
record GcpDeployment(
    String name,
    FunctionSpec function,
    String entryPoint,
    Optional<TriggerSpec> trigger,
    List<String> triggerFlags,
    boolean retry,
    Optional<SchedulerJob> schedule) {

  GcpDeployment {
    triggerFlags = List.copyOf(triggerFlags);
  }

  /**
   * A Cloud Scheduler job publishing to a topic.
   *
   * @param name the job name
   * @param topic the topic
   * @param cron the unix-cron schedule
   * @param zone the IANA time zone
   */
  record SchedulerJob(String name, String topic, String cron, String zone) {}
}
