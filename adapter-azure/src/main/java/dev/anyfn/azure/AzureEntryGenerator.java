package dev.anyfn.azure;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.processor.spi.IndexExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Generates, at compile time, one Azure-annotated entry class per anyfn function ({@code
 * dev.anyfn.generated.azure.<Name>AzureFunctions}), whose methods hand every Azure invocation to
 * {@link AzureBridge}. Microsoft's {@code azure-functions-maven-plugin} turns the annotations into
 * {@code function.json} files. Called by the anyfn annotation processor once the index is complete,
 * found through {@code META-INF/services/dev.anyfn.processor.spi.IndexExtension}; not for user
 * code.
 *
 * <p>A schedule that Azure cannot express is a compile-time error naming the function and the
 * reason. Thread-safe.
 */
public final class AzureEntryGenerator implements IndexExtension {
  private final Map<String, String> environment;

  /** A generator reading its options from the compiler's environment. */
  public AzureEntryGenerator() {
    this(System.getenv());
  }

  AzureEntryGenerator(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Generates the entry classes of every function of the index.
   *
   * @param indexJson the function index document, as written to {@code
   *     META-INF/anyfn/functions.json}
   * @param filer where the sources go
   * @param messager where errors go: an unconvertible schedule or a bad {@code ANYFN_AZURE_*}
   *     variable is reported as an error and its class is not generated
   * @throws IOException when a source cannot be written
   */
  @Override
  public void generate(String indexJson, Filer filer, Messager messager) throws IOException {
    AzureBuildOptions options;
    try {
      options = AzureBuildOptions.from(environment);
    } catch (IllegalArgumentException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, "anyfn Azure: " + e.getMessage());
      return;
    }
    FunctionIndex index =
        FunctionIndex.read(
            new ByteArrayInputStream(indexJson.getBytes(StandardCharsets.UTF_8)), "index");
    List<List<AzureEntry>> plan = AzureEntry.plan(index);
    for (int i = 0; i < index.functions().size(); i++) {
      FunctionSpec function = index.functions().get(i);
      List<AzureEntry> entries = plan.get(i);
      List<Ncrontab.Result> schedules = new ArrayList<>();
      boolean ok = true;
      for (AzureEntry e : entries) {
        if (e.trigger() instanceof TriggerSpec.Schedule s) {
          try {
            schedules.add(Ncrontab.convert(s));
          } catch (Ncrontab.Inexpressible x) {
            messager.printMessage(Diagnostic.Kind.ERROR, scheduleError(function, x));
            ok = false;
          }
        }
      }
      if (ok) {
        String name = EntrySource.className(function);
        JavaFileObject file = filer.createSourceFile(name);
        try (Writer w = file.openWriter()) {
          w.write(EntrySource.render(function, entries, schedules, options));
        }
      }
    }
  }

  static String scheduleError(FunctionSpec function, Ncrontab.Inexpressible x) {
    return "Function '"
        + function.name()
        + "' cannot run on Azure Functions: its schedule "
        + x.getMessage()
        + ". Azure's timer trigger takes six-field NCRONTAB or a TimeSpan.";
  }
}
