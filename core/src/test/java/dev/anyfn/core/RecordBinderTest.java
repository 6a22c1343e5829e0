package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.conformance.ConformanceIndex;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordBinderTest {
  private static final String TOPIC_FIELD =
      ",{\"source\":\"FORM\",\"name\":\"topic\",\"type\":\"java.lang.String\",\"optional\":false,"
          + "\"list\":true}";

  @Test
  void anIndexListingOtherFieldsThanTheRecordTakesIsAConfigurationErrorSayingToRebuild()
      throws Exception {
    ClassLoader loader = getClass().getClassLoader();
    String json = ConformanceIndex.json(loader);
    assertThat(json).contains(TOPIC_FIELD); // the index as the processor wrote it
    FunctionIndex stale =
        FunctionIndex.read(
            new ByteArrayInputStream(
                json.replace(TOPIC_FIELD, "").getBytes(StandardCharsets.UTF_8)),
            "stale.json");

    assertThatThrownBy(
            () ->
                FunctionRuntime.of(stale, loader, RuntimeSettings.builder().build())
                    .function(ConformanceIndex.FUNCTION))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Record dev.anyfn.conformance.ConformanceFunction$Signup has no constructor taking the"
                + " values the function index lists for it ([email, display_name, terms]);"
                + " the index is older than the class. Rebuild the project (mvn package).");
  }

  @Test
  void twoFunctionsOfOneNameOnOneClassPathAreRefusedNamingBothClasses() {
    ClassLoader loader = getClass().getClassLoader();
    FunctionSpec a = FunctionIndex.load(loader).functions().get(0);
    FunctionSpec b = FunctionIndex.load(loader).functions().get(1);
    FunctionSpec sameName =
        new FunctionSpec(
            a.name(),
            b.className(),
            b.memoryMb(),
            b.timeoutSeconds(),
            b.maxInstances(),
            b.initMethods(),
            b.shutdownMethods(),
            b.handlers(),
            b.cors(),
            b.sendsTo(),
            b.publishesTo());
    FunctionIndex twice = new FunctionIndex(FunctionIndex.FORMAT_VERSION, List.of(a, sameName));

    assertThatThrownBy(() -> FunctionRuntime.of(twice, loader, RuntimeSettings.builder().build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Two functions are named '"
                + a.name()
                + "': "
                + a.className()
                + " and "
                + b.className()
                + " (two modules on one class path can each hold one). Give one of them another"
                + " name in its @ServerlessFunction.");
  }
}
