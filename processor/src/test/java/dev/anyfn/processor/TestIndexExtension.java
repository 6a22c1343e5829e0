package dev.anyfn.processor;

import dev.anyfn.processor.spi.IndexExtension;
import java.io.IOException;
import java.io.Writer;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Writes what it was given to {@code extension/seen.json}; registered only by {@link
 * IndexExtensionTest}, through a services file on an extra class path entry.
 */
public final class TestIndexExtension implements IndexExtension {
  /** Called by ServiceLoader. */
  public TestIndexExtension() {}

  @Override
  public void generate(String indexJson, Filer filer, Messager messager) throws IOException {
    try (Writer out =
        filer
            .createResource(StandardLocation.CLASS_OUTPUT, "", "extension/seen.json")
            .openWriter()) {
      out.write(indexJson);
    }
    messager.printMessage(Diagnostic.Kind.NOTE, "test extension ran");
  }
}
