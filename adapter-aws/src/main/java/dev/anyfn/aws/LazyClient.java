package dev.anyfn.aws;

import dev.anyfn.core.ConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The client of one {@link MessagingService}, made on its first use: only then is the SDK (an
 * optional dependency of the adapter) looked for and touched, so a function that never sends, or
 * never publishes, loads none of that service's classes. {@code T} is the class that names the SDK
 * types ({@link SqsBatches}, {@link SnsBatches}); this one names none. Thread-safe.
 *
 * @param <T> what {@code connect} makes
 */
final class LazyClient<T> {
  /** Set by Lambda in every function's environment. */
  static final String REGION_VARIABLE = "AWS_REGION";

  private final String function;
  private final MessagingService service;
  private final String region;
  private final Function<String, T> connect;
  private final Object lock = new Object();
  private volatile T client;

  /**
   * @param function the function's name, for messages
   * @param service the service {@code connect} makes a client of, for messages
   * @param environment the function's environment, which holds its region
   * @param connect makes the client for a region, called on the first {@link #get} only
   */
  LazyClient(
      String function,
      MessagingService service,
      Map<String, String> environment,
      Function<String, T> connect) {
    this.function = function;
    this.service = service;
    this.region = environment.get(REGION_VARIABLE);
    this.connect = connect;
  }

  /**
   * The client, made on the first call.
   *
   * @throws ConfigurationException when the SDK is not on the class path or {@value
   *     #REGION_VARIABLE} is not set (asked again on the next call)
   */
  T get() {
    T current = client;
    if (current != null) {
      return current;
    }
    synchronized (lock) {
      if (client == null) {
        requireSdk();
        if (region == null || region.isBlank()) {
          throw new ConfigurationException(
              "Function '"
                  + function
                  + "' cannot "
                  + service.act()
                  + " "
                  + service.service()
                  + ": the environment variable "
                  + REGION_VARIABLE
                  + " is not set. Lambda sets it; elsewhere, set it to the "
                  + service.plural()
                  + "' region.");
        }
        client = connect.apply(region.strip());
      }
      return client;
    }
  }

  private void requireSdk() {
    List<String> missing = service.missingArtifacts(LazyClient::loadable);
    if (!missing.isEmpty()) {
      throw new ConfigurationException(
          "Function '"
              + function
              + "' "
              + service.verb()
              + " "
              + service.plural()
              + " (@SendsTo), but "
              + String.join(" and ", missing)
              + " of the AWS SDK for Java 2 "
              + (missing.size() == 1 ? "is" : "are")
              + " not on its class path. Add "
              + (missing.size() == 1 ? "it" : "them")
              + " to the project's dependencies (anyfn-bom manages their versions) and"
              + " package again.");
    }
  }

  private static boolean loadable(String type) {
    try {
      Class.forName(type, false, LazyClient.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
