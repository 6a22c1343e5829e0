package dev.anyfn.core;

/** A function instance could not be created: its constructor or an {@code @OnInit} method threw. */
public final class InitFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InitFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
