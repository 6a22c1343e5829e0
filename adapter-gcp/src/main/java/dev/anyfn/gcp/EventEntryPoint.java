package dev.anyfn.gcp;

import com.google.cloud.functions.CloudEventsFunction;
import dev.anyfn.Event;
import dev.anyfn.core.BatchOutcome;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.ResourceNames;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.DeadLetterQueues;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point of an event deployment ({@code --entry-point dev.anyfn.gcp.EventEntryPoint}):
 * delivers the CloudEvents of one trigger, named by {@code ANYFN_TRIGGER}, to the function named by
 * {@code ANYFN_FUNCTION}. Google deploys one trigger per deployment, so a function with several
 * event triggers has one deployment of this entry point per trigger.
 *
 * <p>Outcomes, as Google's invoker reports them:
 *
 * <ul>
 *   <li>success: the method returns and the invoker answers 200;
 *   <li>a handler failure, permanent ({@code PermanentFailureException}) or not, or an event that
 *       cannot be read: {@link EventFailedException} is thrown and the invoker answers 500, never a
 *       catch-and-succeed. A queue's deployment retries ({@code --retry}) and, after the delivery
 *       attempts, moves the message to its dead-letter topic, so nothing is lost (Google cannot be
 *       told to skip the retries of a permanent failure); other deployments do not retry;
 *   <li>an event type the trigger does not take: {@link UnexpectedEventException}, 500.
 * </ul>
 *
 * <p>Thread-safe exactly when the user's function class is.
 */
public final class EventEntryPoint implements CloudEventsFunction {
  private final DeployedFunction function;
  private final DeployedTrigger trigger;

  /**
   * Reads the process environment.
   *
   * @throws dev.anyfn.core.ConfigurationException when {@code ANYFN_FUNCTION} or {@code
   *     ANYFN_TRIGGER} is missing or names nothing in the index, or the function has
   *     {@code @SendsTo} and {@code ANYFN_GCP_PROJECT} is not set
   * @throws dev.anyfn.core.InitFailedException when the function fails to initialise
   */
  public EventEntryPoint() {
    this(System.getenv());
  }

  /**
   * Uses the given environment instead of the process's (for tests and embedding).
   *
   * @throws dev.anyfn.core.ConfigurationException as {@link #EventEntryPoint()}
   * @throws dev.anyfn.core.InitFailedException as {@link #EventEntryPoint()}
   */
  public EventEntryPoint(Map<String, String> environment) {
    this(environment, GoogleApis.from(environment));
  }

  /** Uses the given environment, and reaches Google's APIs at {@code apis} (for tests). */
  EventEntryPoint(Map<String, String> environment, GoogleApis apis) {
    GcpSettings settings = GcpSettings.from(environment);
    DeployedFunction loaded =
        DeployedFunction.load(settings, EventEntryPoint.class.getClassLoader(), apis);
    this.trigger =
        DeployedTrigger.resolve(
            loaded.definition().spec(),
            settings.trigger(),
            ResourceNames.fromEnvironment(settings.environment()));
    this.function = loaded;
  }

  /**
   * Delivers one event.
   *
   * @throws EventFailedException when the handler failed and a retry may help
   * @throws UnexpectedEventException when the event's type is not one the trigger takes
   * @throws dev.anyfn.core.NoMatchingTriggerException when the function has no handler for it
   */
  @Override
  public void accept(CloudEvent event) {
    InvocationContext context = function.context(Optional.ofNullable(event.getId()), trace(event));
    if (!trigger.translator().types().contains(event.getType())) {
      throw new UnexpectedEventException(
          "Function '"
              + function.definition().name()
              + "' received a "
              + event.getType()
              + " event, but this deployment serves trigger '"
              + trigger.spec().describe()
              + "', which takes "
              + trigger.translator().types().stream().sorted().toList()
              + ". Point the deployment's event trigger at the right source, or deploy this"
              + " function with the ANYFN_TRIGGER the generated deploy.sh gives for it.");
    }
    Event neutral;
    try {
      neutral = trigger.translator().translate(event);
    } catch (MalformedEventException e) {
      context
          .log()
          .error(
              "Event cannot be read",
              e,
              "eventId",
              event.getId(),
              "type",
              event.getType(),
              "code",
              "unbindable");
      throw new EventFailedException(
          "Event " + event.getId() + " cannot be read (" + e.getMessage() + "); " + afterFailure());
    }
    // This deployment serves exactly this trigger: its handler, even beside others of its kind.
    BatchOutcome outcome =
        function.run(i -> i.handleEvents(trigger.spec(), List.of(neutral), context));
    for (BatchOutcome.ItemFailure failure : outcome.failures()) {
      throw new EventFailedException(
          "Handler for "
              + trigger.spec().describe()
              + (failure.permanent() ? " failed for good on event " : " failed on event ")
              + failure.eventId()
              + " ("
              + failure.reason()
              + "); "
              + afterFailure());
    }
  }

  /**
   * What the 500 leads to. A queue's deployment retries ({@code --retry}) and has a dead-letter
   * topic, as deploy.sh sets them up; other deployments do not retry, Google's default, so the
   * failure is reported and the event not delivered again.
   */
  private String afterFailure() {
    if (trigger.spec() instanceof TriggerSpec.Queue q) {
      return "answering 500 so that Pub/Sub delivers it again, and after its delivery attempts"
          + " moves it to the dead-letter topic "
          + DeadLetterQueues.google(q.name())
          + ".";
    }
    return "answering 500; this deployment does not retry (Google's default), so it is not"
        + " delivered again.";
  }

  /** The trace of the event's {@code traceparent} extension (Eventarc's), when well formed. */
  private static Optional<GoogleTrace> trace(CloudEvent event) {
    Object v = event.getExtension("traceparent");
    return v == null ? Optional.empty() : GoogleTrace.ofTraceparent(v.toString());
  }
}
