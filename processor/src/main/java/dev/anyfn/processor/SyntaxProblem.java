package dev.anyfn.processor;

/**
 * A value written in an annotation does not follow its grammar; the message says what is wrong and
 * is embedded in the compile error.
 */
final class SyntaxProblem extends Exception {
  SyntaxProblem(String message) {
    super(message, null, false, false);
  }
}
