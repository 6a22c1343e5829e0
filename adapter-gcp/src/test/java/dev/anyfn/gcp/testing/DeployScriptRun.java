package dev.anyfn.gcp.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A generated {@code deploy.sh}, run by bash against a stand-in {@code gcloud} that records its
 * arguments: each call is read exactly as gcloud would receive it, after the shell's quoting and
 * the script's variables. The stand-in answers every {@code describe} with "not found" (exit 1), so
 * the script creates everything, except those of a deployed function's Eventarc trigger, of that
 * trigger's Pub/Sub subscription, of a bucket's location, of the Firestore database's location and
 * of the project's number (see the constants), and succeeds at everything else. Immutable.
 */
public final class DeployScriptRun {
  /** The variables the script reads from its environment; never inherited from the caller's. */
  static final List<String> SCRIPT_VARIABLES =
      List.of("PROJECT", "REGION", "ALLOW_UNAUTHENTICATED", "PREFIX");

  private static final long TIMEOUT_SECONDS = 30;

  /** What the stand-in answers for a deployed function's Eventarc trigger, before its name. */
  public static final String TRIGGER_PREFIX = "projects/demo/locations/us-central1/triggers/";

  /** What the stand-in answers for a trigger's Pub/Sub subscription, before the trigger's id. */
  public static final String SUBSCRIPTION_PREFIX = "projects/demo/subscriptions/eventarc-";

  /** What the stand-in answers for a bucket's location, as Cloud Storage writes a multi-region. */
  public static final String BUCKET_LOCATION = "US";

  /** What the stand-in answers for the Firestore database's location: a multi-region. */
  public static final String FIRESTORE_LOCATION = "nam5";

  /** What the stand-in answers for the project's number. */
  public static final String PROJECT_NUMBER = "123456789012";

  /** After a deployment's name, the runtime service account the stand-in says it runs as. */
  public static final String ACCOUNT_SUFFIX = "@demo.iam.gserviceaccount.com";

  private final List<List<String>> calls;
  private final String output;

  private DeployScriptRun(List<List<String>> calls, String output) {
    this.calls = calls;
    this.output = output;
  }

  /**
   * Runs {@code script} with bash, writing the stand-in gcloud, its call log and the script's
   * output into {@code work}. The script sees the caller's environment without {@link
   * #SCRIPT_VARIABLES}, plus {@code variables} (e.g. {@code PROJECT}).
   *
   * @throws AssertionError when the script fails or runs longer than 30 s; it holds its output
   */
  public static DeployScriptRun run(Path script, Path work, Map<String, String> variables)
      throws IOException, InterruptedException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path log = work.resolve("gcloud-calls.log");
    Files.deleteIfExists(log);
    Path gcloud = bin.resolve("gcloud");
    // one line per call, each argument followed by the unit separator; "describe" finds nothing,
    // except the deployed function's Eventarc trigger (or, when asked, its service account), its
    // subscription and the project's number
    Files.writeString(
        gcloud,
        "#!/usr/bin/env bash\n"
            + "printf '%s\\037' \"$@\" >> \"$GCLOUD_CALLS\"\n"
            + "printf '\\n' >> \"$GCLOUD_CALLS\"\n"
            + "case \"$1 $2 $3\" in\n"
            + "  'functions describe '*) [[ \"$*\" == *serviceAccountEmail* ]]"
            + " && { echo \"$3"
            + ACCOUNT_SUFFIX
            + "\"; exit 0; }; echo \""
            + TRIGGER_PREFIX
            + "$3\"; exit 0 ;;\n"
            + "  'eventarc triggers describe') echo \""
            + SUBSCRIPTION_PREFIX
            + "${4##*/}-sub-1\"; exit 0 ;;\n"
            + "  'storage buckets describe') echo "
            + BUCKET_LOCATION
            + "; exit 0 ;;\n"
            + "  'firestore databases describe') echo "
            + FIRESTORE_LOCATION
            + "; exit 0 ;;\n"
            + "  'projects describe '*) echo "
            + PROJECT_NUMBER
            + "; exit 0 ;;\n"
            + "esac\n"
            + "for a in \"$@\"; do [[ \"$a\" == describe ]] && exit 1; done\n"
            + "exit 0\n");
    if (!gcloud.toFile().setExecutable(true)) {
      throw new IOException("Cannot make " + gcloud + " executable; is " + work + " writable?");
    }
    Path out = work.resolve("deploy.out");
    ProcessBuilder pb =
        new ProcessBuilder("bash", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().keySet().removeAll(SCRIPT_VARIABLES);
    pb.environment().putAll(variables);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("GCLOUD_CALLS", log.toString());
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          script + " did not finish within " + TIMEOUT_SECONDS + " s:\n" + Files.readString(out));
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          script + " exited with " + p.exitValue() + ", expected 0:\n" + Files.readString(out));
    }
    List<List<String>> calls = new ArrayList<>();
    if (Files.exists(log)) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        List<String> args = new ArrayList<>(Arrays.asList(line.split("\u001f", -1)));
        args.remove(args.size() - 1); // empty, after the last separator
        calls.add(List.copyOf(args));
      }
    }
    return new DeployScriptRun(List.copyOf(calls), Files.readString(out));
  }

  /** What the script printed, standard output and error together. */
  public String output() {
    return output;
  }

  /** Every gcloud call, in order, each as its arguments. */
  public List<List<String>> calls() {
    return calls;
  }

  /** Every {@code gcloud functions deploy}, in script order. */
  public List<GcloudDeploy> deployments() {
    return calls.stream()
        .filter(DeployScriptRun::isDeploy)
        .map(c -> new GcloudDeploy(c.get(2), c.subList(3, c.size())))
        .toList();
  }

  /** The names of every {@code gcloud functions deploy}, in script order. */
  public List<String> deploymentNames() {
    return deployments().stream().map(GcloudDeploy::name).toList();
  }

  /** The first {@code gcloud functions deploy <name>}, if the script has one. */
  public Optional<GcloudDeploy> findDeployment(String name) {
    return deployments().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /**
   * The first {@code gcloud functions deploy <name>}.
   *
   * @throws AssertionError when the script deploys no function of that name; it lists the calls
   */
  public GcloudDeploy deployment(String name) {
    return findDeployment(name)
        .orElseThrow(
            () ->
                new AssertionError(
                    "The script has no 'gcloud functions deploy "
                        + name
                        + "'; it deploys "
                        + deploymentNames()
                        + " in the calls "
                        + calls));
  }

  private static boolean isDeploy(List<String> call) {
    return call.size() > 2 && call.get(0).equals("functions") && call.get(1).equals("deploy");
  }
}
