package dev.anyfn.gcp.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;

/** CloudEvents as Eventarc POSTs them to a function: binary or structured HTTP mode. */
public final class CloudEventRequests {
  /** The {@code ce-time} of every binary event. */
  public static final String TIME = "2026-11-27T10:00:00Z";

  private CloudEventRequests() {}

  /** Binary mode: the attributes as {@code ce-*} headers, {@code data} as the body. */
  public static HttpRequest binary(
      URI target, String id, String type, String source, String contentType, byte[] data) {
    return HttpRequest.newBuilder(target)
        .header("ce-specversion", "1.0")
        .header("ce-id", id)
        .header("ce-type", type)
        .header("ce-source", source)
        .header("ce-time", TIME)
        .header("Content-Type", contentType)
        .POST(BodyPublishers.ofByteArray(data))
        .build();
  }

  /** Structured mode: the whole event as one {@code application/cloudevents+json} document. */
  public static HttpRequest structured(URI target, String json) {
    return HttpRequest.newBuilder(target)
        .header("Content-Type", "application/cloudevents+json")
        .POST(BodyPublishers.ofString(json))
        .build();
  }
}
