package dev.anyfn.gcp;

/**
 * A CloudEvent of a type the deployment's trigger does not take: the deployment's Eventarc trigger
 * and its {@code ANYFN_TRIGGER} disagree. Thrown so the invoker answers 500 and the mistake shows.
 */
final class UnexpectedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnexpectedEventException(String message) {
    super(message);
  }
}
