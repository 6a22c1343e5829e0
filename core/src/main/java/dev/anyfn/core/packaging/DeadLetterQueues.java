package dev.anyfn.core.packaging;

/**
 * Where each cloud sets aside a queue message that keeps failing, by name, so that the AWS packager
 * creating the dead-letter queue and the emulator forwarding dead letters to a function that reads
 * it agree.
 */
public final class DeadLetterQueues {
  private static final int MAX_SQS_NAME = 80;
  private static final int MAX_PUBSUB_NAME = 255;
  private static final String FIFO = ".fifo";

  private DeadLetterQueues() {}

  /**
   * The dead-letter queue anyfn's SAM template gives an SQS queue: {@code orders} to {@code
   * orders-dlq}, {@code payments.fifo} to {@code payments-dlq.fifo}, shortened to SQS's 80
   * characters, and never the queue's own name.
   */
  public static String aws(String queue) {
    boolean fifo = queue.endsWith(FIFO);
    String base = fifo ? queue.substring(0, queue.length() - FIFO.length()) : queue;
    String suffix = "-dlq" + (fifo ? FIFO : "");
    String name = base.substring(0, Math.min(base.length(), MAX_SQS_NAME - suffix.length()));
    String dlq = name + suffix;
    return dlq.equals(queue) ? name.substring(0, name.length() - 1) + suffix : dlq;
  }

  /**
   * The dead-letter topic anyfn's deploy script gives a Google queue (a Pub/Sub topic): {@code
   * orders} to {@code orders-dlq}, shortened to Pub/Sub's 255 characters.
   */
  public static String google(String queue) {
    String suffix = "-dlq";
    return queue.substring(0, Math.min(queue.length(), MAX_PUBSUB_NAME - suffix.length())) + suffix;
  }

  /**
   * The poison queue the Azure Functions host moves a Storage queue message to after {@code
   * maxDequeueCount} attempts: {@code <queue>-poison}.
   */
  public static String azureStorage(String queue) {
    return queue + "-poison";
  }
}
