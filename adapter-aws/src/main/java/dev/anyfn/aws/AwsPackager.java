package dev.anyfn.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.core.ResourceNames;
import dev.anyfn.core.SharedRoutes;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.HttpTimeouts;
import dev.anyfn.core.packaging.JavaReleases;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Writes {@code template.yaml}, an AWS SAM template with one {@code AWS::Serverless::Function} per
 * function (handler {@code dev.anyfn.aws.LambdaHandler::handleRequest}, runtime {@code java21}, or
 * {@code java25} for classes compiled for Java 22 to 25, {@code ANYFN_FUNCTION} naming the
 * function) and its events and event-source resources. Found by the anyfn Maven plugin through
 * {@link java.util.ServiceLoader}; not for user code.
 */
public final class AwsPackager implements ProviderPackager {
  /** Set to {@code true} in the packaging environment to enable SnapStart and its priming hook. */
  static final String SNAPSTART_VARIABLE = "ANYFN_AWS_SNAPSTART";

  /**
   * Set to {@code false} in the packaging environment to write no reserved concurrency for
   * functions that are not disabled: for accounts whose concurrency quota leaves no room for it.
   */
  static final String RESERVE_CONCURRENCY_VARIABLE = "ANYFN_AWS_RESERVE_CONCURRENCY";

  /** The template's file name. */
  static final String TEMPLATE = "template.yaml";

  /** Creates the packager (the service loader calls this). */
  public AwsPackager() {}

  /** How long API Gateway's HTTP API waits for a function, at most (a hard limit). */
  static final int HTTP_API_TIMEOUT_SECONDS = 30;

  @Override
  public List<String> warnings(FunctionIndex index) {
    List<String> warnings =
        new ArrayList<>(
            HttpTimeouts.longerThanFrontDoor(
                index, HTTP_API_TIMEOUT_SECONDS, "API Gateway's HTTP API", 503));
    for (FunctionSpec fn : index.functions()) {
      if (fn.maxInstances() == 1
          && fn.triggers().stream().anyMatch(t -> t instanceof TriggerSpec.Queue)) {
        warnings.add(
            "Function '"
                + fn.name()
                + "' reads a queue with maxInstances = 1. Lambda's SQS poller can be limited to"
                + " no fewer than 2 concurrent calls (ScalingConfig.MaximumConcurrency), so it may"
                + " take a message while the one instance is busy; the throttled message counts a"
                + " receive and may reach the dead-letter queue unprocessed after 5. Use"
                + " maxInstances = 2 or more for a queue's reader on AWS.");
      }
      int queues = SqsQueues.queues(fn);
      if (fn.maxInstances() >= 2 && queues > 1 && fn.maxInstances() < 2 * queues) {
        warnings.add(
            "Function '"
                + fn.name()
                + "' reads "
                + queues
                + " queues with maxInstances = "
                + fn.maxInstances()
                + ". Lambda polls each queue with at least 2 concurrent calls, "
                + 2 * queues
                + " in all, more than the function's reserved concurrency: a throttled message"
                + " counts a receive and may reach the dead-letter queue unprocessed after 5. Use"
                + " maxInstances = "
                + 2 * queues
                + " or more, or read the queues from separate functions.");
      }
    }
    return warnings;
  }

  /** Lambda's limit on a function's environment variables, measured as their JSON, in bytes. */
  static final int MAX_ENVIRONMENT_BYTES = 4096;

  /**
   * Lambda measures a function's variables as the JSON of the map ("String measured: {...}" in its
   * refusal), so names, values, quotes and escapes all count.
   */
  @Override
  public List<String> environmentProblems(FunctionIndex index, Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    ResourceNames.environmentProblem(
            environment,
            "choose the prefix when deploying: sam deploy --parameter-overrides "
                + SamTemplate.NAME_PREFIX
                + "=dev-")
        .ifPresent(problems::add);
    ObjectMapper json = new ObjectMapper();
    for (FunctionSpec fn : index.functions()) {
      for (MessagingService service : MessagingService.values()) {
        for (String name : service.names(fn)) {
          String variable = service.variable(name);
          if (environment.containsKey(variable)) {
            problems.add(
                "Function '"
                    + fn.name()
                    + "': <environment> sets "
                    + variable
                    + ", which the template sets to the "
                    + service.address()
                    + " of the "
                    + service.kind()
                    + " '"
                    + name
                    + "' the function "
                    + service.verb()
                    + ". Remove it from <environment>.");
          }
        }
      }
      Map<String, String> variables = new TreeMap<>(environment);
      variables.put(AwsSettings.FUNCTION_VARIABLE, fn.name());
      // set by the template; counted empty, the default (a prefix adds its length)
      variables.putIfAbsent(ResourceNames.PREFIX_VARIABLE, "");
      // set by the template too; counted at their shortest, as a stage prefix lengthens them
      for (MessagingService service : MessagingService.values()) {
        for (String name : service.names(fn)) {
          variables.put(service.variable(name), service.shortestAddress(name));
        }
      }
      int bytes;
      try {
        bytes = json.writeValueAsBytes(variables).length;
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A map of strings is always JSON", e);
      }
      if (bytes > MAX_ENVIRONMENT_BYTES) {
        problems.add(
            "Function '"
                + fn.name()
                + "': its environment variables measure "
                + (fn.sends() ? "at least " : "")
                + bytes
                + " bytes as Lambda counts them (their JSON"
                + (fn.sends()
                    ? ", with the template's queue URLs and topic ARNs at their shortest"
                    : "")
                + "), over Lambda's limit of "
                + MAX_ENVIRONMENT_BYTES
                + " (4 KB). Keep large values out of <environment>: read them at init, from a"
                + " parameter store or a bucket"
                + (fn.sends() ? "; or split the sending among several functions." : "."));
      }
    }
    return problems;
  }

  @Override
  public Optional<String> deployCommand(String descriptors) {
    return Optional.of(
        "sam deploy --guided --template-file "
            + descriptors
            + "/template.yaml (for a stage beside others, answer its "
            + SamTemplate.NAME_PREFIX
            + ", e.g. dev-)");
  }

  /** Lambda's limit on a function's unzipped deployment package (250 MB), in bytes. */
  static final long MAX_UNZIPPED_BYTES = 262_144_000L;

  @Override
  public Optional<String> artifactProblem(long uncompressedBytes) {
    if (uncompressedBytes < MAX_UNZIPPED_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        "the AWS jar unzips to "
            + uncompressedBytes
            + " bytes, but Lambda's limit for a function's unzipped deployment package is "
            + MAX_UNZIPPED_BYTES
            + " bytes (250 MB). Leave out dependencies the functions do not need (mvn"
            + " dependency:tree shows what brings them in).");
  }

  @Override
  public Optional<String> javaReleaseProblem(int javaRelease) {
    return JavaReleases.beyondManagedRuntimes(javaRelease, "AWS Lambda");
  }

  @Override
  public String provider() {
    return "aws";
  }

  @Override
  public String adapterArtifactId() {
    return "anyfn-adapter-aws";
  }

  /**
   * The AWS SDK for Java 2, which a project adds for {@code @SendsTo} on AWS: the Google and Azure
   * packages leave it out unless the project's own classes use it.
   */
  @Override
  public Set<String> adapterOnlyGroups() {
    return Set.of("software.amazon.awssdk");
  }

  /**
   * A function with {@code @SendsTo} sends with the AWS SDK's SQS client and publishes with its SNS
   * client, which adapter-aws leaves to the project (optional, so that other functions' jars stay
   * small): refused when the jar would lack the client a function uses, one problem per service.
   */
  @Override
  public List<String> classPathProblems(FunctionIndex index, Predicate<String> hasClass) {
    List<String> problems = new ArrayList<>();
    for (MessagingService service : MessagingService.values()) {
      missingSdk(index, hasClass, service).ifPresent(problems::add);
    }
    return problems;
  }

  private static Optional<String> missingSdk(
      FunctionIndex index, Predicate<String> hasClass, MessagingService service) {
    List<String> users =
        index.functions().stream()
            .filter(fn -> !service.names(fn).isEmpty())
            .map(fn -> "'" + fn.name() + "'")
            .toList();
    if (users.isEmpty()) {
      return Optional.empty(); // the dependency jars are not searched for what nobody uses
    }
    List<String> missing = service.missingArtifacts(hasClass);
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        (users.size() == 1 ? "Function " : "Functions ")
            + String.join(", ", users)
            + " "
            + (users.size() == 1 ? service.verb() : service.act())
            + " "
            + service.plural()
            + " (@SendsTo) through the AWS SDK's "
            + service.service()
            + " client, but the project's runtime dependencies lack "
            + String.join(" and ", missing)
            + ". Add "
            + (missing.size() == 1 ? "it" : "them")
            + " to the project's <dependencies> (anyfn-bom manages their versions; see"
            + " anyfn-adapter-aws's README, Sending to queues and topics).");
  }

  @Override
  public List<String> portabilityProblems(FunctionIndex index) {
    List<String> problems = new ArrayList<>();
    for (FunctionSpec fn : index.functions()) {
      for (TriggerSpec t : fn.triggers()) {
        AwsNames.problem(fn, t).ifPresent(problems::add);
        if (t instanceof TriggerSpec.Schedule s) {
          scheduleProblem(fn, s).ifPresent(problems::add);
        }
      }
      for (String queue : fn.sendsTo()) {
        AwsNames.sentQueueProblem(fn, queue).ifPresent(problems::add);
      }
      for (String topic : fn.publishesTo()) {
        AwsNames.publishedTopicProblem(fn, topic).ifPresent(problems::add);
      }
      for (MessagingService service : MessagingService.values()) {
        sharedVariable(fn, service).ifPresent(problems::add);
      }
      problems.addAll(lambdaLimitProblems(fn));
    }
    for (String clash : SharedRoutes.in(index)) {
      problems.add(
          clash
              + " On AWS the functions' routes share one HTTP API, which sends a method and path"
              + " to one function only (SAM refuses the template).");
    }
    problems.addAll(sharedCorsPaths(index));
    problems.addAll(sharedBucketEvents(index));
    return List.copyOf(problems);
  }

  /**
   * Why EventBridge cannot run schedule {@code s} of {@code fn}: a cron expression it cannot
   * express, or a rate that is not a whole number of minutes; empty when it can.
   */
  private static Optional<String> scheduleProblem(FunctionSpec fn, TriggerSpec.Schedule s) {
    if (s.cron() != null && !s.cron().isEmpty()) {
      if (CronExpressions.toAws(s.cron()).isEmpty()) {
        return Optional.of(
            "Function '"
                + fn.name()
                + "': cron '"
                + s.cron()
                + "' restricts both day-of-month and day-of-week (or is not five fields);"
                + " EventBridge cannot express that. Restrict only one of the two.");
      }
    } else if (CronExpressions.rate(s.rateSeconds()).isEmpty()) {
      return Optional.of(
          "Function '"
              + fn.name()
              + "': rate '"
              + s.rate()
              + "' is not a whole number of minutes; EventBridge rates start at 1 minute.");
    }
    return Optional.empty();
  }

  /** A problem for {@code fn}'s memory, and one for its timeout, outside Lambda's bounds. */
  private static List<String> lambdaLimitProblems(FunctionSpec fn) {
    List<String> problems = new ArrayList<>();
    if (fn.memoryMb() < 128 || fn.memoryMb() > 10_240) {
      problems.add(
          "Function '"
              + fn.name()
              + "': memoryMb "
              + fn.memoryMb()
              + " is outside Lambda's 128-10240 MB.");
    }
    if (fn.timeoutSeconds() < 1 || fn.timeoutSeconds() > 900) {
      problems.add(
          "Function '"
              + fn.name()
              + "': timeoutSeconds "
              + fn.timeoutSeconds()
              + " is outside Lambda's 1-900 s.");
    }
    return problems;
  }

  /**
   * One problem per bucket and kind of change that several functions take: S3 refuses two
   * notifications of one bucket for overlapping events, so the template would not deploy.
   */
  private static List<String> sharedBucketEvents(FunctionIndex index) {
    Map<String, Set<String>> takers = new TreeMap<>();
    for (FunctionSpec fn : index.functions()) {
      for (TriggerSpec t : fn.triggers()) {
        if (t instanceof TriggerSpec.Storage s) {
          for (String kind : s.events()) {
            takers
                .computeIfAbsent(s.bucket() + " " + kind, k -> new LinkedHashSet<>())
                .add("'" + fn.name() + "'");
          }
        }
      }
    }
    List<String> problems = new ArrayList<>();
    takers.forEach(
        (bucketAndKind, fns) -> {
          if (fns.size() > 1) {
            int space = bucketAndKind.lastIndexOf(' ');
            problems.add(
                "Functions "
                    + String.join(", ", fns)
                    + " all take "
                    + bucketAndKind.substring(space + 1)
                    + " files of bucket '"
                    + bucketAndKind.substring(0, space)
                    + "'; S3 sends a bucket's events of one kind to one target and refuses the"
                    + " template's overlapping notifications. Take them in one function, which may"
                    + " publish to a topic (@SendsTo, @OnTopic) that the others read.");
          }
        });
    return problems;
  }

  /**
   * Two queues, or two topics, of {@code fn}'s {@code @SendsTo} whose addresses would be in one
   * variable ({@code a-b} and {@code a_b} both in {@code ANYFN_QUEUE_URL_A_B}).
   */
  private static Optional<String> sharedVariable(FunctionSpec fn, MessagingService service) {
    Map<String, String> byVariable = new TreeMap<>();
    for (String name : service.names(fn)) {
      String variable = service.variable(name);
      String other = byVariable.putIfAbsent(variable, name);
      if (other != null) {
        return Optional.of(
            "Function '"
                + fn.name()
                + "': @SendsTo names "
                + service.plural()
                + " '"
                + other
                + "' and '"
                + name
                + "', whose "
                + service.address()
                + "s would both be in the environment variable "
                + variable
                + " (the name in upper case, with _ for every character other than A-Z and 0-9)."
                + " Rename one of the "
                + service.plural()
                + ".");
      }
    }
    return Optional.empty();
  }

  /**
   * Paths that two functions serve (with different methods) when either has {@code @Cors}: an HTTP
   * API sends every {@code OPTIONS} of a path to one Lambda, so a browser's preflight for the other
   * function's method would reach a function that does not serve it.
   */
  private static List<String> sharedCorsPaths(FunctionIndex index) {
    Map<String, List<FunctionSpec>> byPath = new TreeMap<>();
    for (FunctionSpec fn : index.functions()) {
      fn.triggers().stream()
          .filter(TriggerSpec.Http.class::isInstance)
          .map(t -> ((TriggerSpec.Http) t).path())
          .distinct()
          .forEach(path -> byPath.computeIfAbsent(path, k -> new ArrayList<>()).add(fn));
    }
    List<String> problems = new ArrayList<>();
    byPath.forEach(
        (path, fns) -> {
          if (fns.size() > 1 && fns.stream().anyMatch(f -> f.cors() != null)) {
            problems.add(
                "Path "
                    + path
                    + " is served by functions "
                    + fns.stream().map(f -> "'" + f.name() + "'").toList()
                    + ", one with @Cors; API Gateway sends a browser's preflight (OPTIONS) for a"
                    + " path to one function only. Serve the path from one function.");
          }
        });
    return problems;
  }

  @Override
  public void writeDescriptors(FunctionIndex index, PackagingContext context) throws IOException {
    String yaml = new SamTemplate(index, context).render();
    Files.createDirectories(context.outputDirectory());
    Files.writeString(context.outputDirectory().resolve(TEMPLATE), yaml, StandardCharsets.UTF_8);
  }
}
