package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;

/** Translates the {@code Records} of one event source into neutral events. */
interface RecordTranslator {
  /**
   * Translates every record; a record that cannot be translated is failed in the batch.
   *
   * @throws BadEventException when the event as a whole is not of this source's shape
   */
  RecordBatch translate(JsonNode event);

  /** Whether Lambda takes {@code batchItemFailures} back for this source (else: throw to retry). */
  boolean reportsItemFailures();
}
