package dev.anyfn;

/** The HTTP methods a {@link Route} can answer. {@code HEAD} is also served by every GET route. */
public enum HttpMethod {
  GET,
  HEAD,
  POST,
  PUT,
  PATCH,
  DELETE,
  OPTIONS
}
