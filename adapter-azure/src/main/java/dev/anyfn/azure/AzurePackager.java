package dev.anyfn.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Azure Functions packager: reports what Azure cannot run and writes {@code host.json}
 * (extension bundle {@code [4.*, 5.0.0)}, empty HTTP route prefix, the longest function timeout).
 * Microsoft's {@code azure-functions-maven-plugin} then stages {@code
 * target/azure-functions/<appName>/} from the generated entry classes. Found by {@link
 * java.util.ServiceLoader}; not for user code. Stateless.
 */
public final class AzurePackager implements ProviderPackager {
  /** The file written into the output directory. */
  static final String HOST_JSON = "host.json";

  /** Creates the packager. */
  public AzurePackager() {}

  @Override
  public String provider() {
    return "azure";
  }

  @Override
  public String adapterArtifactId() {
    return "anyfn-adapter-azure";
  }

  @Override
  public List<String> portabilityProblems(FunctionIndex index) {
    List<String> problems = new ArrayList<>();
    for (FunctionSpec f : index.functions()) {
      for (HandlerSpec h : f.handlers()) {
        if (h.trigger() instanceof TriggerSpec.Schedule s) {
          schedule(f, h, s, problems);
        } else if (h.trigger() instanceof TriggerSpec.DataChange d) {
          dataChange(f, h, d, problems);
        }
      }
    }
    return List.copyOf(problems);
  }

  private static void schedule(
      FunctionSpec f, HandlerSpec h, TriggerSpec.Schedule s, List<String> problems) {
    try {
      Ncrontab.Result r = Ncrontab.convert(s);
      if (r.timeSpan()) {
        problems.add(
            where(f, h)
                + " runs every '"
                + s.rate()
                + "', which no NCRONTAB expression repeats exactly; Azure takes it only as the"
                + " TimeSpan '"
                + r.expression()
                + "', which the Consumption plan rejects. Use a rate that divides an hour or a day"
                + " (for example 5m, 15m, 2h) or a cron expression.");
      }
    } catch (Ncrontab.Inexpressible x) {
      problems.add(where(f, h) + " has a schedule Azure cannot express: " + x.getMessage() + ".");
    }
    if (!Ncrontab.utc(s)) {
      problems.add(
          where(f, h)
              + " runs in zone '"
              + s.zone()
              + "', but Azure evaluates every timer of a function app in one zone, the app setting"
              + " WEBSITE_TIME_ZONE (UTC by default). Use UTC, or set WEBSITE_TIME_ZONE for the"
              + " whole app and accept that it applies to every schedule.");
    }
  }

  private static void dataChange(
      FunctionSpec f, HandlerSpec h, TriggerSpec.DataChange d, List<String> problems) {
    if (d.kinds().contains("REMOVE")) {
      problems.add(
          where(f, h)
              + " wants REMOVE changes of '"
              + d.table()
              + "', but the Cosmos DB change feed (latest-version mode) does not report deletions."
              + " Use a soft-delete flag and handle it as MODIFY.");
    }
    if (!d.kinds().contains("MODIFY")) {
      problems.add(
          where(f, h)
              + " wants only "
              + d.kinds()
              + " changes of '"
              + d.table()
              + "', but the Cosmos DB change feed does not tell inserts from updates: anyfn reports"
              + " every change as MODIFY, so this handler would never run on Azure. Add"
              + " DataChange.Kind.MODIFY.");
    }
  }

  private static String where(FunctionSpec f, HandlerSpec h) {
    return "Function '" + f.name() + "' (" + h.method() + ", " + h.trigger().describe() + ")";
  }

  @Override
  public void writeDescriptors(FunctionIndex index, PackagingContext context) throws IOException {
    Path out = context.outputDirectory().resolve(HOST_JSON);
    Files.writeString(out, hostJson(index));
  }

  /** The host.json of an index. */
  static String hostJson(FunctionIndex index) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode host = mapper.createObjectNode();
    host.put("version", "2.0");
    ObjectNode bundle = host.putObject("extensionBundle");
    bundle.put("id", "Microsoft.Azure.Functions.ExtensionBundle");
    bundle.put("version", "[4.*, 5.0.0)");
    int timeout = index.functions().stream().mapToInt(FunctionSpec::timeoutSeconds).max().orElse(0);
    if (timeout > 0) {
      host.put(
          "functionTimeout",
          String.format(
              Locale.ROOT, "%02d:%02d:%02d", timeout / 3600, (timeout % 3600) / 60, timeout % 60));
    }
    host.putObject("extensions").putObject("http").put("routePrefix", "");
    try {
      return mapper.writeValueAsString(host) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("host.json cannot be written", e);
    }
  }
}
