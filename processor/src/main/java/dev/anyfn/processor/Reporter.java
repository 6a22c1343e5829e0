package dev.anyfn.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports compile errors and remembers whether any was reported. Not thread-safe. */
final class Reporter {
  private final Messager messager;
  private int errors;

  Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Fails the compilation with this message on this element. */
  void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** Fails the compilation with this message, tied to no element. */
  void error(String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message);
  }

  /** Warns, with this message on this element; the compilation goes on. */
  void warning(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, message, element);
  }

  boolean hasErrors() {
    return errors > 0;
  }
}
