package dev.anyfn.core;

/**
 * An event reached a function that has no trigger for it. The message names the event kind and the
 * function's triggers.
 */
public final class NoMatchingTriggerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NoMatchingTriggerException(String message) {
    super(message);
  }
}
