package dev.anyfn.gcp;

import dev.anyfn.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * Where the adapter reaches Google's APIs from a deployed function, and how long it waits for each:
 * Pub/Sub's REST API and the metadata server that gives the function's service account its access
 * tokens. Tests point them at local stand-ins. Immutable.
 *
 * @param pubSub the base of Pub/Sub's REST API, ending with {@code /}
 * @param metadata the base of the metadata server, ending with {@code /}
 * @param metadataTimeout the longest wait for a token, connecting included
 * @param publishTimeout the longest wait for one publish request, connecting included
 * @param anonymous whether Pub/Sub is called without a token (Google's Pub/Sub emulator)
 */
record GoogleApis(
    URI pubSub,
    URI metadata,
    Duration metadataTimeout,
    Duration publishTimeout,
    boolean anonymous) {

  /** The variable Google's client libraries read to reach a Pub/Sub emulator: {@code host:port}. */
  static final String EMULATOR_HOST = "PUBSUB_EMULATOR_HOST";

  /** Google's own endpoints, as a function running on Google reaches them. */
  static final GoogleApis PRODUCTION =
      new GoogleApis(
          URI.create("https://pubsub.googleapis.com/"),
          URI.create("http://metadata.google.internal/"),
          Duration.ofSeconds(5),
          Duration.ofSeconds(30),
          false);

  /** With the same timeouts, authenticated by the metadata server's token. */
  GoogleApis(URI pubSub, URI metadata, Duration metadataTimeout, Duration publishTimeout) {
    this(pubSub, metadata, metadataTimeout, publishTimeout, false);
  }

  /**
   * Google's endpoints, or, as Google's client libraries do when {@value #EMULATOR_HOST} is set, a
   * Pub/Sub emulator at that {@code host:port}, over plain HTTP and without a token.
   */
  static GoogleApis from(Map<String, String> environment) {
    String host = environment.get(EMULATOR_HOST);
    if (host == null || host.isBlank()) {
      return PRODUCTION;
    }
    URI base;
    try {
      base = new URI("http://" + host.strip() + "/");
    } catch (URISyntaxException e) {
      throw new ConfigurationException(
          EMULATOR_HOST + " is '" + host + "'; expected host:port, e.g. localhost:8085.");
    }
    if (base.getHost() == null || base.getPort() < 0 || !base.getPath().equals("/")) {
      throw new ConfigurationException(
          EMULATOR_HOST + " is '" + host + "'; expected host:port, e.g. localhost:8085.");
    }
    return new GoogleApis(
        base,
        PRODUCTION.metadata(),
        PRODUCTION.metadataTimeout(),
        PRODUCTION.publishTimeout(),
        true);
  }

  GoogleApis {
    if (!pubSub.toString().endsWith("/") || !metadata.toString().endsWith("/")) {
      throw new IllegalArgumentException(
          "Google API bases must end with '/'; got " + pubSub + " and " + metadata + ".");
    }
  }
}
