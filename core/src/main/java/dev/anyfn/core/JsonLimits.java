package dev.anyfn.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteConstraints;

/**
 * The limits anyfn applies to every JSON document it reads: nesting depth from the settings,
 * document and string length capped at the body limit, 1,000-character numbers and names, a million
 * tokens; output nesting capped at 500. One place, so that the core's codec and an adapter's
 * streaming event reader cannot drift apart. Uses jackson-core only (no databind).
 */
public final class JsonLimits {
  private JsonLimits() {}

  /** The longest field name of a caller's JSON. */
  static final int MAX_NAME_LENGTH = 1_000;

  /**
   * A streaming factory with the limits for these settings, refusing a name repeated in an object;
   * thread-safe, build once and reuse.
   */
  public static JsonFactory factory(RuntimeSettings settings) {
    return JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(settings.maxJsonDepth())
                .maxNumberLength(1_000)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxStringLength(settings.maxBodyBytes())
                .maxDocumentLength(settings.maxBodyBytes())
                .maxTokenCount(1_000_000)
                .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(500).build())
        .build();
  }

  /** The longest field name of a provider's event: API Gateway takes 10 KB of header names. */
  static final int MAX_EVENT_NAME_LENGTH = 16 * 1024;

  /** The longest provider event: a Cosmos DB batch of 2 MB documents runs past the body limit. */
  static final int MAX_EVENT_LENGTH = 128 * 1024 * 1024;

  /**
   * A streaming factory for the envelopes the providers deliver (an API Gateway event, a Cosmos DB
   * batch), which the provider has already bounded: what the body limit and 1,000-character names
   * refuse in a caller's JSON (a long header name, a batch of large documents) is valid there. The
   * caller's body inside is read with {@link #factory}'s limits.
   */
  public static JsonFactory eventFactory(RuntimeSettings settings) {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(settings.maxJsonDepth())
                .maxNumberLength(1_000)
                .maxNameLength(MAX_EVENT_NAME_LENGTH)
                .maxStringLength(Math.max(settings.maxBodyBytes() * 2, MAX_EVENT_NAME_LENGTH))
                .maxDocumentLength(Math.max(settings.maxBodyBytes() * 2L, MAX_EVENT_LENGTH))
                .maxTokenCount(10_000_000)
                .build())
        .build();
  }
}
