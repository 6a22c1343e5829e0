package dev.anyfn.gcp;

import java.io.IOException;

/**
 * Pub/Sub did not take a function's messages: Google refused them, could not be reached, or gave no
 * access token. The message says which, with Google's own words when it answered; it never holds
 * the token.
 */
final class PublishFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  PublishFailedException(String message) {
    super(message);
  }

  PublishFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
