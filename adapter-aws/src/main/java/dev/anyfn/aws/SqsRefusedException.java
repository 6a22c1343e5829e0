package dev.anyfn.aws;

/**
 * SQS answered a {@code SendMessageBatch} request but did not take some of its messages (its {@code
 * Failed} entries); the message names the queue and each entry's code and message.
 */
final class SqsRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  SqsRefusedException(String message) {
    super(message);
  }
}
