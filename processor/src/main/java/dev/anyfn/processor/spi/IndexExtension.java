package dev.anyfn.processor.spi;

import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;

/**
 * Generates extra files from the function index during compilation, for example the Azure-annotated
 * entry classes of the Azure adapter.
 *
 * <p><b>Unsupported, adapter-only SPI.</b> It exists for anyfn's own adapters and may change or
 * disappear in any release without notice; user code must not implement it.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} on the annotation processor's
 * class loader ({@code META-INF/services/dev.anyfn.processor.spi.IndexExtension} in a jar on the
 * processor path) and need a public no-argument constructor. The processor calls {@link #generate}
 * once per compilation, in the first round in which every function is resolved, right after it has
 * written {@code META-INF/anyfn/functions.json}, and only when the compilation reported no error
 * and found at least one function. Source files created here are compiled in the next round like
 * any other. Calls happen on the compiler's thread, one extension after another.
 */
public interface IndexExtension {
  /**
   * Generates files from the index.
   *
   * @param indexJson the index exactly as written to {@code META-INF/anyfn/functions.json}, in the
   *     format described in anyfn's {@code docs/architecture.md}; never null
   * @param filer where to create files; never null
   * @param messager where to report problems; an {@code ERROR} fails the compilation; never null
   * @throws IOException if a file cannot be written; the processor reports it as a compile error
   *     naming this extension
   */
  void generate(String indexJson, Filer filer, Messager messager) throws IOException;
}
