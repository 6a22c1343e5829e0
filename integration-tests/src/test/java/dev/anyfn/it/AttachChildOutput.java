package dev.anyfn.it;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Appends what the test class's child processes printed to any failure of its tests, so a failing
 * assertion shows the runtime's side of the story without opening files.
 */
final class AttachChildOutput implements TestExecutionExceptionHandler {
  private final Supplier<String> outputs;

  AttachChildOutput(Supplier<String> outputs) {
    this.outputs = outputs;
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    String message = String.valueOf(failure.getMessage());
    if (message.contains("---- output of ")) {
      throw failure; // already carries it
    }
    AssertionError withOutput = new AssertionError(message + "\n" + outputs.get(), failure);
    withOutput.setStackTrace(failure.getStackTrace());
    throw withOutput;
  }
}
