package dev.anyfn.azure;

import java.util.Map;

/**
 * What the Azure bridge reads from the function app's settings, once, at startup. Immutable.
 *
 * @param routePrefix {@code ANYFN_AZURE_ROUTE_PREFIX}: the {@code extensions.http.routePrefix} of
 *     host.json, without slashes; empty (the anyfn default host.json) unless you kept Azure's
 *     {@code api}
 */
record AzureRuntimeOptions(String routePrefix) {
  /** Azure's documented limit on the query string (host {@code maxQueryStringLength}). */
  static final int MAX_QUERY_LENGTH = 4096;

  /** Azure's documented limit on the URL (host {@code maxUrlLength}). */
  static final int MAX_URL_LENGTH = 8192;

  static AzureRuntimeOptions from(Map<String, String> environment) {
    String prefix = environment.getOrDefault("ANYFN_AZURE_ROUTE_PREFIX", "").trim();
    while (prefix.startsWith("/")) {
      prefix = prefix.substring(1);
    }
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    return new AzureRuntimeOptions(prefix);
  }
}
