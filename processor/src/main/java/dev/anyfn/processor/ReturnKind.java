package dev.anyfn.processor;

/** How a handler's result becomes a response; the index's {@code returnKind}. */
enum ReturnKind {
  RESPONSE,
  JSON,
  TEXT,
  BYTES,
  VOID,
  BATCH_RESULT
}
