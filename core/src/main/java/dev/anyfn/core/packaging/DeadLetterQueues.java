package dev.anyfn.core.packaging;

/**
 * Where a queue message that keeps failing is set aside, by name: {@code <queue>-poison} on every
 * cloud. Azure's Functions host fixes that name for Storage queues; anyfn gives the dead-letter
 * queue of its SAM template (AWS) and the dead-letter topic of its deploy script (Google) the same
 * one, so that one handler, {@code @OnQueue("orders-poison")}, reads the dead letters of {@code
 * orders} wherever the code runs. The packagers and the emulator name them here so that they agree.
 */
public final class DeadLetterQueues {
  /** Azure's suffix, which anyfn uses on every cloud. */
  public static final String SUFFIX = "-poison";

  private static final int MAX_SQS_NAME = 80;
  private static final int MAX_PUBSUB_NAME = 255;
  private static final String FIFO = ".fifo";

  private DeadLetterQueues() {}

  /**
   * The dead-letter queue anyfn's SAM template gives an SQS queue: {@code orders} to {@code
   * orders-poison}, {@code payments.fifo} to {@code payments-poison.fifo} (a FIFO queue's must be
   * FIFO too), shortened to SQS's 80 characters, and never the queue's own name.
   */
  public static String aws(String queue) {
    boolean fifo = queue.endsWith(FIFO);
    String base = fifo ? queue.substring(0, queue.length() - FIFO.length()) : queue;
    String suffix = SUFFIX + (fifo ? FIFO : "");
    String name = base.substring(0, Math.min(base.length(), MAX_SQS_NAME - suffix.length()));
    String dlq = name + suffix;
    return dlq.equals(queue) ? name.substring(0, name.length() - 1) + suffix : dlq;
  }

  /**
   * The dead-letter topic anyfn's deploy script gives a Google queue (a Pub/Sub topic): {@code
   * orders} to {@code orders-poison}, shortened to Pub/Sub's 255 characters.
   */
  public static String google(String queue) {
    return queue.substring(0, Math.min(queue.length(), MAX_PUBSUB_NAME - SUFFIX.length())) + SUFFIX;
  }

  /**
   * The poison queue the Azure Functions host moves a Storage queue message to after {@code
   * maxDequeueCount} attempts: {@code <queue>-poison}.
   */
  public static String azureStorage(String queue) {
    return queue + SUFFIX;
  }
}
