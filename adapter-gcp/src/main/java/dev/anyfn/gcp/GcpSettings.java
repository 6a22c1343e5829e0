package dev.anyfn.gcp;

import dev.anyfn.Provider;
import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.RuntimeSettings;
import java.util.Map;
import java.util.Optional;

/**
 * What a deployment tells its entry point, read once from the environment the deploy script sets.
 * Immutable.
 *
 * @param functionName {@code ANYFN_FUNCTION}: the function this deployment serves
 * @param trigger {@code ANYFN_TRIGGER}: the trigger description an event deployment serves, e.g.
 *     {@code QUEUE orders}; empty for HTTP deployments
 * @param maxBodyBytes {@code ANYFN_MAX_BODY_BYTES}: the HTTP body limit, 32 MB (2nd gen) by default
 * @param environment the whole environment, handed to the functions
 */
record GcpSettings(
    String functionName,
    Optional<String> trigger,
    int maxBodyBytes,
    Map<String, String> environment) {

  static final String FUNCTION = "ANYFN_FUNCTION";
  static final String TRIGGER = "ANYFN_TRIGGER";
  static final String MAX_BODY_BYTES = "ANYFN_MAX_BODY_BYTES";

  /**
   * The deployment's project, which its log entries name their trace in, and whose Pub/Sub topics a
   * function with {@code @SendsTo} publishes to.
   */
  static final String PROJECT = "ANYFN_GCP_PROJECT";

  /** Google's own name for the project, read when {@value #PROJECT} is not set. */
  static final String GOOGLE_CLOUD_PROJECT = "GOOGLE_CLOUD_PROJECT";

  /** Google's 2nd gen HTTP request limit. */
  static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

  GcpSettings {
    environment = Map.copyOf(environment);
  }

  /**
   * The deployed service and revision as Cloud Run sets them ({@code K_SERVICE/K_REVISION}), or
   * empty outside Cloud Run.
   */
  Optional<String> deploymentId() {
    String service = environment.get("K_SERVICE");
    if (service == null || service.isBlank()) {
      return Optional.empty();
    }
    String revision = environment.get("K_REVISION");
    return Optional.of(revision == null || revision.isBlank() ? service : service + "/" + revision);
  }

  /**
   * The deployment's project: {@value #PROJECT}, which deploy.sh sets for every function, else
   * {@value #GOOGLE_CLOUD_PROJECT} (which Cloud Run functions do not reliably set); empty when
   * neither is set.
   */
  Optional<String> project() {
    for (String name : new String[] {PROJECT, GOOGLE_CLOUD_PROJECT}) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return Optional.of(value.strip());
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the settings.
   *
   * @throws ConfigurationException when {@code ANYFN_FUNCTION} is missing or a number is malformed
   */
  static GcpSettings from(Map<String, String> env) {
    String function = env.getOrDefault(FUNCTION, "").trim();
    if (function.isEmpty()) {
      throw new ConfigurationException(
          FUNCTION
              + " is not set. Every Google deployment of an anyfn function needs"
              + " --set-env-vars "
              + FUNCTION
              + "=<function name>; redeploy with the generated target/anyfn/gcp/deploy.sh.");
    }
    String trigger = env.getOrDefault(TRIGGER, "").trim();
    return new GcpSettings(
        function,
        trigger.isEmpty() ? Optional.empty() : Optional.of(trigger),
        maxBodyBytes(env.get(MAX_BODY_BYTES)),
        env);
  }

  private static int maxBodyBytes(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_MAX_BODY_BYTES;
    }
    try {
      int bytes = Integer.parseInt(value.trim());
      if (bytes > 0) {
        return bytes;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        MAX_BODY_BYTES
            + " is '"
            + value
            + "'; expected a positive number of bytes such as 33554432, or unset for 32 MB.");
  }

  /** The settings the core runs under. */
  RuntimeSettings runtimeSettings() {
    return RuntimeSettings.builder()
        .provider(Provider.GCP)
        .maxBodyBytes(maxBodyBytes)
        .environment(environment)
        .build();
  }
}
