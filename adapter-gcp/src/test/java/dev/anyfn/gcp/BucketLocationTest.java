package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A storage deployment's bucket must exist: deploy.sh asks where it is, and stops when it is not.
 */
class BucketLocationTest {
  @TempDir Path dir;

  @Test
  void aBucketThatDoesNotExistStopsTheScriptBeforeItsDeploymentSayingHowToCreateIt()
      throws Exception {
    Path script =
        ScriptedDeployments.run(ScriptedDeployments.testIndex(), dir, Map.of())
            .outputDirectory()
            .resolve("deploy.sh");
    Path bin = Files.createDirectories(dir.resolve("nobucket"));
    Path log = dir.resolve("calls.log");
    Path gcloud = bin.resolve("gcloud");
    // as DeployScriptRun's stand-in, but without the bucket
    Files.writeString(
        gcloud,
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> \"$GCLOUD_CALLS\"\n"
            + "case \"$1 $2 $3\" in\n"
            + "  'functions describe '*) echo projects/demo/locations/r/triggers/t; exit 0 ;;\n"
            + "  'eventarc triggers describe') echo projects/demo/subscriptions/s; exit 0 ;;\n"
            + "  'projects describe '*) echo 123456789012; exit 0 ;;\n"
            + "esac\n"
            + "for a in \"$@\"; do [[ \"$a\" == describe ]] && exit 1; done\n"
            + "exit 0\n");
    assertThat(gcloud.toFile().setExecutable(true)).isTrue();
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
    pb.environment().put("PROJECT", "demo-project");
    pb.environment().remove("PREFIX");
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("GCLOUD_CALLS", log.toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).isNotZero();
    assertThat(output)
        .contains(
            "deploy.sh: bucket gs://uploads was not found in project demo-project; create it"
                + " first (gcloud storage buckets create gs://uploads --location <region>).");
    assertThat(Files.readString(log)).doesNotContain("functions deploy gcp-events-storage");
  }
}
