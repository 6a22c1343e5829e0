package dev.anyfn.gcp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The access token of the function's runtime service account, from the metadata server every Google
 * deployment can reach ({@code GET .../instance/service-accounts/default/token} with {@code
 * Metadata-Flavor: Google}). Kept until {@link #REFRESH_MARGIN} before it expires, so one token
 * serves the sends of many invocations. Thread-safe: concurrent callers share one fetch.
 */
final class MetadataToken {
  /** How long before its expiry a token is replaced, so that no request carries a stale one. */
  static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

  static final String PATH = "computeMetadata/v1/instance/service-accounts/default/token";

  private final URI uri;
  private final Duration timeout;
  private volatile Cached cached;

  /** A token and when to stop using it ({@link System#nanoTime()}). */
  private record Cached(String value, long refreshAtNanos) {}

  MetadataToken(GoogleApis apis) {
    this.uri = URI.create(apis.metadata() + PATH);
    this.timeout = apis.metadataTimeout();
  }

  /**
   * The token to send as {@code Authorization: Bearer}.
   *
   * @throws PublishFailedException when the metadata server cannot be reached, answers other than
   *     200 or answers without a token
   */
  String get(HttpClient client) throws PublishFailedException, InterruptedException {
    Cached c = cached;
    if (c != null && System.nanoTime() - c.refreshAtNanos() < 0) {
      return c.value();
    }
    synchronized (this) {
      c = cached;
      if (c != null && System.nanoTime() - c.refreshAtNanos() < 0) {
        return c.value();
      }
      long asked = System.nanoTime();
      GoogleResponses.AccessToken token = fetch(client);
      long lifetime = Duration.ofSeconds(token.expiresInSeconds()).minus(REFRESH_MARGIN).toNanos();
      cached = lifetime > 0 ? new Cached(token.value(), asked + lifetime) : null;
      return token.value();
    }
  }

  private GoogleResponses.AccessToken fetch(HttpClient client)
      throws PublishFailedException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .version(HttpClient.Version.HTTP_1_1)
            .timeout(timeout)
            .header("Metadata-Flavor", "Google")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PublishFailedException(
          "Cannot get an access token from the metadata server at "
              + uri
              + " within "
              + timeout.toMillis()
              + " ms: "
              + e
              + ". A function on Google Cloud Run functions reaches it; anywhere else, anyfn"
              + " cannot publish to Pub/Sub (use the emulator, anyfn:run, to send locally).",
          e);
    }
    if (response.statusCode() != 200) {
      throw new PublishFailedException(
          "The metadata server at "
              + uri
              + " answered "
              + response.statusCode()
              + " ("
              + GoogleResponses.error(response.body())
              + "); expected 200 with the access token of the function's service account. Check"
              + " that the deployment runs as a service account.");
    }
    return GoogleResponses.accessToken(response.body())
        .orElseThrow(
            () ->
                new PublishFailedException(
                    "The metadata server at "
                        + uri
                        + " answered 200 without an access_token; expected"
                        + " {\"access_token\": ..., \"expires_in\": ...}."));
  }
}
