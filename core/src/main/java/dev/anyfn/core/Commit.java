package dev.anyfn.core;

import dev.anyfn.Context;

/**
 * The check between a handler's return and its effects (messages sent, {@code once} result stored):
 * an invocation already answered as timed out commits nothing, so a handler thread that ignored the
 * interruption cannot send after the caller was told it failed, nor store a result its retry would
 * then be given without the work running again. See {@link InvocationContext.Builder#commitGate}.
 */
final class Commit {
  private Commit() {}

  /** Thrown where the handler's effects would go out when the invocation may no longer commit. */
  static final class TooLateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLateException() {
      super(
          "The handler returned after its invocation had timed out; its messages were not sent"
              + " and its once result not stored.",
          null,
          false,
          false);
    }
  }

  /**
   * Returns when the invocation of {@code context} may commit.
   *
   * @throws TooLateException when it was already answered as timed out
   */
  static void check(Context context) {
    if (timedOut(context)) {
      throw new TooLateException();
    }
  }

  /** Whether the invocation of {@code context} was already answered as timed out. */
  static boolean timedOut(Context context) {
    Context c = context;
    while (c instanceof ForwardingContext f) {
      c = f.context;
    }
    return c instanceof InvocationContext ic && !ic.mayCommit();
  }

  /** What the caller of an invocation answered as timed out is told. */
  static final String DID_NOT_FINISH = "The function did not finish in time.";

  /**
   * Whether {@code thrown} ended a handler whose invocation had already been answered as timed out:
   * the commit check refused its effects, or it threw after the answer (most often what the
   * runtime's interruption at the timeout made it throw).
   */
  static boolean endedLate(Throwable thrown, Context context) {
    return thrown instanceof TooLateException || timedOut(context);
  }

  /**
   * What is logged, as a warning, for a handler that {@link #endedLate}: not the handler's failure,
   * which an error line with its stack trace would suggest.
   */
  static String lateWarning(String handler, Throwable thrown) {
    if (thrown instanceof TooLateException) {
      return thrown.getMessage();
    }
    return "Handler "
        + handler
        + " was stopped at its timeout and ended with "
        + thrown.getClass().getName()
        + "; its invocation was already answered as timed out, and nothing it did was committed.";
  }
}
