package dev.anyfn.aws;

/**
 * SQS answered a {@code SendMessageBatch}, or SNS a {@code PublishBatch}, but did not take some of
 * its messages (its {@code Failed} entries); the message names the queue or topic and each entry's
 * code and message.
 */
final class MessagesRefusedException extends Exception {
  private static final long serialVersionUID = 1L;

  MessagesRefusedException(String message) {
    super(message);
  }
}
