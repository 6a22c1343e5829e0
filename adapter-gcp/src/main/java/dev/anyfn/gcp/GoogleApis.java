package dev.anyfn.gcp;

import java.net.URI;
import java.time.Duration;

/**
 * Where the adapter reaches Google's APIs from a deployed function, and how long it waits for each:
 * Pub/Sub's REST API and the metadata server that gives the function's service account its access
 * tokens. Tests point them at local stand-ins. Immutable.
 *
 * @param pubSub the base of Pub/Sub's REST API, ending with {@code /}
 * @param metadata the base of the metadata server, ending with {@code /}
 * @param metadataTimeout the longest wait for a token, connecting included
 * @param publishTimeout the longest wait for one publish request, connecting included
 */
record GoogleApis(URI pubSub, URI metadata, Duration metadataTimeout, Duration publishTimeout) {

  /** Google's own endpoints, as a function running on Google reaches them. */
  static final GoogleApis PRODUCTION =
      new GoogleApis(
          URI.create("https://pubsub.googleapis.com/"),
          URI.create("http://metadata.google.internal/"),
          Duration.ofSeconds(5),
          Duration.ofSeconds(30));

  GoogleApis {
    if (!pubSub.toString().endsWith("/") || !metadata.toString().endsWith("/")) {
      throw new IllegalArgumentException(
          "Google API bases must end with '/'; got " + pubSub + " and " + metadata + ".");
    }
  }
}
