package ${package};

import dev.anyfn.Context;
import dev.anyfn.OnQueue;
import dev.anyfn.PermanentFailureException;
import dev.anyfn.ServerlessFunction;

/**
 * An event function: consumes the {@code tasks} queue (SQS, Pub/Sub or an Azure Storage queue,
 * depending on the cloud), one message at a time. A message that throws is delivered again and,
 * after the provider's attempts, dead-lettered; a {@link PermanentFailureException} tells anyfn
 * that retrying cannot help.
 */
@ServerlessFunction("tasks")
public class TaskFunction {
  /** Handles one task; its body is plain text. */
  @OnQueue("tasks")
  public void handle(String task, Context context) {
    if (task.isBlank()) {
      throw new PermanentFailureException("An empty task cannot be done.");
    }
    context.log().info("task done", "task", task);
  }
}
