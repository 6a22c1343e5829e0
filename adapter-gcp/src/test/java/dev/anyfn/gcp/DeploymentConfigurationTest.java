package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an entry point says when the deployment's environment is wrong. */
class DeploymentConfigurationTest {

  @Test
  void deploymentIdIsCloudRunServiceAndRevisionWhenSet() {
    Map<String, String> base = Map.of("ANYFN_FUNCTION", "hello");
    assertThat(GcpSettings.from(base).deploymentId()).isEmpty();
    Map<String, String> run = new java.util.HashMap<>(base);
    run.put("K_SERVICE", "hello-http");
    assertThat(GcpSettings.from(run).deploymentId()).contains("hello-http");
    run.put("K_REVISION", "hello-http-00002-xyz");
    assertThat(GcpSettings.from(run).deploymentId()).contains("hello-http/hello-http-00002-xyz");
  }

  @Test
  void missingFunctionNameSaysHowToFixIt() {
    assertThatThrownBy(() -> new HttpEntryPoint(Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "ANYFN_FUNCTION is not set. Every Google deployment of an anyfn function needs"
                + " --set-env-vars ANYFN_FUNCTION=<function name>; redeploy with the generated"
                + " target/anyfn/gcp/deploy.sh.");
  }

  @Test
  void malformedBodyLimitIsRejected() {
    assertThatThrownBy(
            () ->
                new HttpEntryPoint(
                    Map.of("ANYFN_FUNCTION", "gcp-web", "ANYFN_MAX_BODY_BYTES", "lots")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "ANYFN_MAX_BODY_BYTES is 'lots'; expected a positive number of bytes such as 33554432,"
                + " or unset for 32 MB.");
  }

  @Test
  void unknownFunctionNamesTheKnownOnes() {
    assertThatThrownBy(() -> new HttpEntryPoint(Map.of("ANYFN_FUNCTION", "nope")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("No function named 'nope'; this deployment has [")
        .hasMessageContaining("gcp-web");
  }

  @Test
  void eventDeploymentWithoutTriggerListsTheFunctionsTriggers() {
    assertThatThrownBy(() -> new EventEntryPoint(Map.of("ANYFN_FUNCTION", "gcp-events")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "ANYFN_TRIGGER is not set, so the event deployment of function 'gcp-events' does not"
                + " know which trigger it serves; its event triggers are ['QUEUE orders', 'TOPIC"
                + " prices', 'STORAGE uploads [CREATED, DELETED]', 'SCHEDULE cron '*/5 * * * *'"
                + " UTC', 'DATA_CHANGE users [INSERT, MODIFY, REMOVE]']. Redeploy with the"
                + " generated target/anyfn/gcp/deploy.sh.");
  }

  @Test
  void eventDeploymentWithAnUnknownTriggerSaysSo() {
    assertThatThrownBy(
            () ->
                new EventEntryPoint(
                    Map.of("ANYFN_FUNCTION", "gcp-web", "ANYFN_TRIGGER", "QUEUE orders")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "ANYFN_TRIGGER is 'QUEUE orders', which is not an event trigger of function"
                + " 'gcp-web'; it has no event triggers. Redeploy with the generated"
                + " target/anyfn/gcp/deploy.sh.");
  }
}
