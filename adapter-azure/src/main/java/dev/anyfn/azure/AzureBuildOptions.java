package dev.anyfn.azure;

import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import java.util.Locale;
import java.util.Map;

/**
 * Build-time choices for the generated Azure entry classes, read once from the environment of the
 * compiler (the edge): {@code ANYFN_AZURE_AUTH_LEVEL} ({@code ANONYMOUS} by default), {@code
 * ANYFN_AZURE_QUEUE} ({@code storage} by default, or {@code servicebus}) and {@code
 * ANYFN_AZURE_COSMOS_DATABASE} ({@code anyfn} by default). Immutable.
 *
 * @param authLevel the auth level of every HTTP route entry (direct invocation always uses {@code
 *     FUNCTION})
 * @param serviceBusQueues whether queue triggers bind Service Bus queues instead of Storage queues
 * @param cosmosDatabase the Cosmos DB database holding the tables of data-change triggers
 */
record AzureBuildOptions(
    AuthorizationLevel authLevel, boolean serviceBusQueues, String cosmosDatabase) {

  static final AzureBuildOptions DEFAULTS =
      new AzureBuildOptions(AuthorizationLevel.ANONYMOUS, false, "anyfn");

  /**
   * Reads the options from an environment map.
   *
   * @throws IllegalArgumentException naming the variable, the value found and the values expected
   */
  static AzureBuildOptions from(Map<String, String> env) {
    String level = env.getOrDefault("ANYFN_AZURE_AUTH_LEVEL", "ANONYMOUS").trim();
    AuthorizationLevel authLevel;
    try {
      authLevel = AuthorizationLevel.valueOf(level.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "ANYFN_AZURE_AUTH_LEVEL is '"
              + level
              + "'; expected ANONYMOUS, FUNCTION or ADMIN. Fix the variable in the build's"
              + " environment.",
          e);
    }
    String queue = env.getOrDefault("ANYFN_AZURE_QUEUE", "storage").trim().toLowerCase(Locale.ROOT);
    if (!queue.equals("storage") && !queue.equals("servicebus")) {
      throw new IllegalArgumentException(
          "ANYFN_AZURE_QUEUE is '"
              + queue
              + "'; expected 'storage' (Storage queues) or 'servicebus' (Service Bus queues).");
    }
    String database = env.getOrDefault("ANYFN_AZURE_COSMOS_DATABASE", "anyfn").trim();
    if (database.isEmpty()) {
      throw new IllegalArgumentException(
          "ANYFN_AZURE_COSMOS_DATABASE is empty; name the Cosmos DB database or unset it for"
              + " 'anyfn'.");
    }
    return new AzureBuildOptions(authLevel, queue.equals("servicebus"), database);
  }
}
