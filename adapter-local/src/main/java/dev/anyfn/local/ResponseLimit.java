package dev.anyfn.local;

import dev.anyfn.HttpResponse;
import java.util.Optional;

/**
 * The largest answer a cloud carries back from a function, HTTP response or direct invocation, so
 * that an answer too large for the cloud fails on the emulator too, as it would there: AWS Lambda 6
 * MB (a synchronous response, counted as Lambda carries it: the proxy answer's JSON, {@link
 * LambdaAnswerSize}), Cloud Run functions 32 MB (a response that is not streamed). Azure documents
 * no limit. From {@code shared/reference/PROVIDERS.md} §1.6 and §3.6.
 *
 * @param bytes the largest answer, in bytes
 * @param what what the provider calls the thing it limits
 * @param lambdaAnswer whether an HTTP response counts as Lambda's proxy answer, rather than as its
 *     body
 */
record ResponseLimit(long bytes, String what, boolean lambdaAnswer) {
  /** No limit. */
  static final ResponseLimit NONE = new ResponseLimit(Long.MAX_VALUE, "response", false);

  /** The size of a response as the cloud carries it. */
  long carriedSize(HttpResponse response) {
    return lambdaAnswer ? LambdaAnswerSize.of(response) : response.body().length;
  }

  /** Why this response is too large to carry, or empty when it is not. */
  Optional<String> exceeded(HttpResponse response, Profile profile) {
    if (lambdaAnswer && LambdaAnswerSize.atMost(response) <= bytes) {
      return Optional.empty(); // most answers: no need to count them exactly
    }
    return exceeded(
        carriedSize(response),
        lambdaAnswer
            ? " as Lambda carries it (the proxy answer's JSON: headers, and the body escaped, or"
                + " base64-encoded when it is not text)"
            : "",
        profile);
  }

  /** Why an answer of this many bytes is too large to carry, or empty when it is not. */
  Optional<String> exceeded(long carried, Profile profile) {
    return exceeded(carried, "", profile);
  }

  private Optional<String> exceeded(long carried, String how, Profile profile) {
    if (carried <= bytes) {
      return Optional.empty();
    }
    return Optional.of(
        "The response is "
            + carried
            + " bytes"
            + how
            + "; the "
            + what
            + " limit under profile "
            + profile.name().toLowerCase(java.util.Locale.ROOT)
            + " is "
            + bytes
            + " bytes. Return less data, or store it (in a bucket) and return a link.");
  }
}
