package dev.anyfn.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;

/**
 * The limits anyfn applies to every JSON document it reads: nesting depth from the settings,
 * document and string length capped at the body limit, 1,000-character numbers and names, a million
 * tokens; output nesting capped at 500. One place, so that the core's codec and an adapter's
 * streaming event reader cannot drift apart. Uses jackson-core only (no databind).
 */
public final class JsonLimits {
  private JsonLimits() {}

  /** A streaming factory with the limits for these settings; thread-safe, build once and reuse. */
  public static JsonFactory factory(RuntimeSettings settings) {
    return JsonFactory.builder()
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(settings.maxJsonDepth())
                .maxNumberLength(1_000)
                .maxNameLength(1_000)
                .maxStringLength(settings.maxBodyBytes())
                .maxDocumentLength(settings.maxBodyBytes())
                .maxTokenCount(1_000_000)
                .build())
        .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(500).build())
        .build();
  }
}
