package dev.anyfn.local;

import dev.anyfn.HttpResponse;
import dev.anyfn.core.TextMediaTypes;
import java.util.Optional;

/**
 * The largest answer a cloud carries back from a function, HTTP response or direct invocation, so
 * that an answer too large for the cloud fails on the emulator too, as it would there: AWS Lambda 6
 * MB (a synchronous response, counted as Lambda carries it: a body that is not text travels
 * base64-encoded, a third larger), Cloud Run functions 32 MB (a response that is not streamed).
 * Azure documents no limit. From {@code shared/reference/PROVIDERS.md} §1.6 and §3.6.
 *
 * @param bytes the largest answer, in bytes
 * @param what what the provider calls the thing it limits
 * @param binaryAsBase64 whether a body that is not text counts as its base64 encoding
 */
record ResponseLimit(long bytes, String what, boolean binaryAsBase64) {
  /** No limit. */
  static final ResponseLimit NONE = new ResponseLimit(Long.MAX_VALUE, "response", false);

  /** The size of a response's body as the cloud carries it. */
  long carriedSize(HttpResponse response) {
    long n = response.body().length;
    if (binaryAsBase64
        && !TextMediaTypes.isText(response.headers().first("Content-Type").orElse(""))) {
      return (n + 2) / 3 * 4;
    }
    return n;
  }

  /** Why this response is too large to carry, or empty when it is not. */
  Optional<String> exceeded(HttpResponse response, Profile profile) {
    return exceeded(carriedSize(response), profile);
  }

  /** Why an answer of this many bytes is too large to carry, or empty when it is not. */
  Optional<String> exceeded(long carried, Profile profile) {
    if (carried <= bytes) {
      return Optional.empty();
    }
    return Optional.of(
        "The response is "
            + carried
            + " bytes"
            + (binaryAsBase64 ? " as carried (a body that is not text is base64-encoded)" : "")
            + "; the "
            + what
            + " limit under profile "
            + profile.name().toLowerCase(java.util.Locale.ROOT)
            + " is "
            + bytes
            + " bytes. Return less data, or store it (in a bucket) and return a link.");
  }
}
