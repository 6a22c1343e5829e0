package dev.anyfn.gcp;

import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.ResourceNames;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import java.util.Optional;

/**
 * The one event trigger a Google deployment serves, named by {@code ANYFN_TRIGGER} exactly as the
 * deploy script wrote it ({@link TriggerSpec#describe()}), and the translator for its events.
 *
 * @param spec the trigger
 * @param translator reads its CloudEvents
 */
record DeployedTrigger(TriggerSpec spec, EventTranslator translator) {

  /**
   * Finds the trigger {@code description} names among the function's.
   *
   * @throws ConfigurationException when it is absent, names no trigger of the function, or names
   *     one that is not an event trigger
   */
  static DeployedTrigger resolve(
      FunctionSpec function, Optional<String> description, ResourceNames names) {
    List<TriggerSpec> events =
        function.triggers().stream()
            .filter(t -> t.kind() != TriggerSpec.Kind.HTTP && t.kind() != TriggerSpec.Kind.INVOKE)
            .toList();
    String known =
        events.isEmpty()
            ? "it has no event triggers"
            : "its event triggers are "
                + events.stream().map(t -> "'" + t.describe() + "'").toList();
    if (description.isEmpty()) {
      throw new ConfigurationException(
          GcpSettings.TRIGGER
              + " is not set, so the event deployment of function '"
              + function.name()
              + "' does not know which trigger it serves; "
              + known
              + ". Redeploy with the generated target/anyfn/gcp/deploy.sh.");
    }
    TriggerSpec spec =
        events.stream()
            .filter(t -> t.describe().equals(description.get()))
            .findFirst()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        GcpSettings.TRIGGER
                            + " is '"
                            + description.get()
                            + "', which is not an event trigger of function '"
                            + function.name()
                            + "'; "
                            + known
                            + ". Redeploy with the generated target/anyfn/gcp/deploy.sh."));
    return new DeployedTrigger(spec, translatorFor(spec, names));
  }

  private static EventTranslator translatorFor(TriggerSpec spec, ResourceNames names) {
    if (spec instanceof TriggerSpec.Queue q) {
      return new PubSubTranslator(PubSubTranslator.Target.QUEUE, q.name());
    }
    if (spec instanceof TriggerSpec.Topic t) {
      return new PubSubTranslator(PubSubTranslator.Target.TOPIC, t.name());
    }
    if (spec instanceof TriggerSpec.Schedule) {
      return new PubSubTranslator(PubSubTranslator.Target.SCHEDULE, "");
    }
    if (spec instanceof TriggerSpec.Storage) {
      return new StorageTranslator(names);
    }
    if (spec instanceof TriggerSpec.DataChange) {
      return new FirestoreTranslator(names);
    }
    throw new IllegalArgumentException("Not an event trigger: " + spec.describe());
  }
}
