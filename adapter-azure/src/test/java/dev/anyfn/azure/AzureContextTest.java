package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the neutral context carries from Azure's {@code ExecutionContext} and environment. */
class AzureContextTest {
  private static ClassLoader loader;

  @BeforeAll
  static void generate() throws Exception {
    loader = GeneratedEntries.generate(GeneratedEntries.fixtureIndex(), Map.of()).compile();
  }

  @Test
  void deploymentIdIsTheFunctionAppAndTheAzureFunctionName() {
    AzureApp app = AzureApp.load(loader, Map.of("WEBSITE_SITE_NAME", "shop-app"));
    assertThat(app.deploymentId(AzureMocks.context("inv-1"))).isEqualTo("shop-app/azure-name");
  }

  @Test
  void deploymentIdIsTheAzureFunctionNameOutsideAnApp() {
    AzureApp app = AzureApp.load(loader, Map.of());
    assertThat(app.deploymentId(AzureMocks.context("inv-1"))).isEqualTo("azure-name");
  }
}
