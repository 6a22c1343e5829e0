package dev.anyfn.gcp;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an index maps onto Google deployments. Google deploys one trigger per function, so: every
 * function with routes gets one HTTP deployment serving all of them; every event trigger gets its
 * own deployment, and a storage trigger watching creations and deletions gets one per event type;
 * an {@code @OnInvoke} handler gets a private HTTP deployment ({@code <function>-invoke}) called
 * with an authenticated POST ({@link FunctionDeployments}). Queue and topic (those of
 * {@code @SendsTo} too), bucket and collection names Google would refuse ({@link GoogleNames}) are
 * problems too, and so is a queue and a topic of one name ({@link QueueTopicClashes}): both would
 * be the same Pub/Sub topic. A disabled function ({@code maxInstances = 0}) gets no deployment, and
 * deploy.sh reports the ones an earlier deploy made for it ({@code stale}); a queue only disabled
 * functions consume is held ({@link HeldQueue}). Immutable.
 *
 * @param deployments the deployments, in index order
 * @param held the queues no deployment consumes, whose messages a subscription keeps
 * @param stale the names the deployments of disabled functions would have, in index order: an
 *     earlier deploy, made while they were enabled, may have left them running
 * @param problems what cannot be deployed, one sentence each, each once
 */
record GcpDeploymentPlan(
    List<GcpDeployment> deployments,
    List<HeldQueue> held,
    List<String> stale,
    List<String> problems) {
  static final String HTTP_ENTRY = HttpEntryPoint.class.getName();
  static final String EVENT_ENTRY = EventEntryPoint.class.getName();
  static final String INVOKE_ENTRY = InvokeEntryPoint.class.getName();

  /** Google's limit on function names. */
  static final int MAX_NAME = 63;

  /**
   * Where the stage's name prefix goes in a trigger flag; {@link DeployScript} writes it as the
   * script's {@code $PREFIX}. Names in the annotations cannot hold a {@code $}.
   */
  static final String NAME_PREFIX = "${PREFIX}";

  /**
   * A queue whose consumers are all disabled ({@code maxInstances = 0}). On AWS and Azure the queue
   * keeps what is sent to it until a consumer is enabled; a Pub/Sub topic without a subscription
   * drops it, so deploy.sh gives the topic a subscription that keeps it ({@link
   * QueueScript#heldSubscription}).
   *
   * @param queue the queue's name
   * @param function the (first) disabled function that consumes it
   */
  record HeldQueue(String queue, String function) {}

  GcpDeploymentPlan {
    deployments = List.copyOf(deployments);
    held = List.copyOf(held);
    stale = List.copyOf(stale);
    problems = List.copyOf(problems);
  }

  /** That deploy.sh reports what an earlier deploy made for the disabled functions; or nothing. */
  List<String> staleWarnings() {
    if (stale.isEmpty()) {
      return List.of();
    }
    return List.of(
        "Disabled functions (maxInstances = 0) get no Google deployment, but one an earlier deploy"
            + " made keeps running and taking their messages: deploy.sh warns about each of "
            + String.join(", ", stale)
            + " it finds and does not delete it (deleting a deployment drops the messages waiting"
            + " in its subscription). Delete them by hand once their backlog is handled.");
  }

  /** Why the messages of each held queue wait in a subscription of their own, one per queue. */
  List<String> heldWarnings() {
    return held.stream()
        .map(
            h ->
                "Function '"
                    + h.function()
                    + "' is disabled (maxInstances = 0), so no Google deployment takes queue '"
                    + h.queue()
                    + "': deploy.sh gives its topic the subscription '"
                    + QueueScript.heldSubscription(h.queue())
                    + "', which keeps what is sent for 7 days (Pub/Sub drops what a topic without"
                    + " a subscription gets). An enabled function's deployment gets a new"
                    + " subscription of its own: publish the held messages to the topic again,"
                    + " then delete the held subscription.")
        .toList();
  }

  /**
   * The {@code --max-instances} of a deployment: its function's {@code maxInstances} shared out
   * among the function's deployments, since Google bounds each deployment (each is a function of
   * its own there) and anyfn's bound is the function's. At least 1: a function with more
   * deployments than {@code maxInstances} runs up to one instance per deployment ({@link
   * #overcommitted}).
   */
  int maxInstances(GcpDeployment d) {
    return Math.max(1, d.function().maxInstances() / deploymentsOf(d.function()));
  }

  private int deploymentsOf(FunctionSpec fn) {
    return (int) deployments.stream().filter(o -> o.function().name().equals(fn.name())).count();
  }

  /**
   * Why a function's {@code maxInstances} cannot bound it on Google, for each function with more
   * deployments than instances.
   */
  List<String> overcommitted() {
    List<String> out = new ArrayList<>();
    for (FunctionSpec fn : deployments.stream().map(GcpDeployment::function).distinct().toList()) {
      int n = deploymentsOf(fn);
      if (n > fn.maxInstances()) {
        out.add(
            "Function '"
                + fn.name()
                + "' has maxInstances = "
                + fn.maxInstances()
                + " but "
                + n
                + " Google deployments (one per HTTP function and per event trigger), each of which"
                + " runs at least one instance: up to "
                + n
                + " may run at once. Raise maxInstances to "
                + n
                + " or more, or move triggers to another function.");
      }
    }
    return out;
  }

  static GcpDeploymentPlan of(FunctionIndex index) {
    List<GcpDeployment> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<FunctionSpec> deployed = new ArrayList<>();
    List<FunctionSpec> disabled = new ArrayList<>();
    List<GcpDeployment> ofDisabled = new ArrayList<>();
    for (FunctionSpec fn : index.functions()) {
      if (fn.maxInstances() == 0) {
        disabled.add(fn); // nothing to deploy; what an earlier deploy made is reported
        FunctionDeployments.add(fn, ofDisabled, new ArrayList<>());
        continue;
      }
      deployed.add(fn);
      fn.sendsTo()
          .forEach(queue -> addOnce(problems, GoogleNames.sendsToProblem(fn, "queue", queue)));
      fn.publishesTo()
          .forEach(topic -> addOnce(problems, GoogleNames.sendsToProblem(fn, "topic", topic)));
      FunctionDeployments.add(fn, out, problems);
    }
    List<HeldQueue> held = held(deployed, disabled, problems);
    problems.addAll(QueueTopicClashes.problems(deployed, held));
    Set<String> seen = new HashSet<>();
    for (GcpDeployment d : out) {
      if (!seen.add(d.name())) {
        problems.add(
            "Two Google deployments would be named '"
                + d.name()
                + "' (function '"
                + d.function().name()
                + "'); rename a function or trigger so the names differ.");
      }
      if (d.name().length() > MAX_NAME) {
        problems.add(
            "Google function name '"
                + d.name()
                + "' (function '"
                + d.function().name()
                + "') is longer than "
                + MAX_NAME
                + " characters; shorten the function or trigger name.");
      }
    }
    List<String> stale =
        ofDisabled.stream()
            .map(GcpDeployment::name)
            .filter(name -> name.length() <= MAX_NAME && !seen.contains(name))
            .distinct()
            .toList();
    return new GcpDeploymentPlan(out, held, stale, problems);
  }

  /** The queues of disabled functions that no deployed function consumes, each once. */
  private static List<HeldQueue> held(
      List<FunctionSpec> deployed, List<FunctionSpec> disabled, List<String> problems) {
    Set<String> consumed = new HashSet<>();
    deployed.forEach(fn -> consumed.addAll(queues(fn)));
    List<HeldQueue> held = new ArrayList<>();
    for (FunctionSpec fn : disabled) {
      for (TriggerSpec t : fn.triggers()) {
        if (t instanceof TriggerSpec.Queue q && consumed.add(q.name())) {
          addOnce(problems, GoogleNames.problem(fn, t));
          held.add(new HeldQueue(q.name(), fn.name()));
        }
      }
    }
    return held;
  }

  private static List<String> queues(FunctionSpec fn) {
    return fn.triggers().stream()
        .filter(TriggerSpec.Queue.class::isInstance)
        .map(t -> ((TriggerSpec.Queue) t).name())
        .toList();
  }

  /**
   * The queues and topics the deployed functions send and publish to ({@code @SendsTo}), each once,
   * in index order: the Pub/Sub topics (after the stage's prefix) deploy.sh creates for them.
   */
  List<String> sentTopics() {
    Set<String> topics = new LinkedHashSet<>();
    deployments.forEach(d -> topics.addAll(sentTopics(d.function())));
    return List.copyOf(topics);
  }

  /**
   * The Pub/Sub topics (after the stage's prefix) {@code fn} publishes to: those of the queues of
   * its {@code @SendsTo}, then those of its topics, each once. An anyfn queue's and an anyfn
   * topic's are named alike, as the {@code --trigger-topic} of their deployments ({@link
   * FunctionDeployments}). Empty for a function without {@code @SendsTo}.
   */
  static List<String> sentTopics(FunctionSpec fn) {
    Set<String> topics = new LinkedHashSet<>(fn.sendsTo());
    topics.addAll(fn.publishesTo());
    return List.copyOf(topics);
  }

  /** Adds {@code problem}, if any, unless {@code problems} holds it. */
  static void addOnce(List<String> problems, Optional<String> problem) {
    problem.filter(p -> !problems.contains(p)).ifPresent(problems::add);
  }
}
