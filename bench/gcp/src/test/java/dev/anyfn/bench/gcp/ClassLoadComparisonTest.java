package dev.anyfn.bench.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code -Xlog:class+load} output the same way for both variants. */
class ClassLoadComparisonTest {
  @Test
  void lambdaAndHiddenClassNamesAreComparedWithoutTheirPerRunNumbers() {
    assertThat(
            ClassLoadComparison.stableName("dev.anyfn.core.Router$$Lambda$89/0x00007f4a1809a1b0"))
        .isEqualTo("dev.anyfn.core.Router$$Lambda");
    assertThat(ClassLoadComparison.stableName("java.lang.invoke.LambdaForm$MH/0x00007f4a18004000"))
        .isEqualTo("java.lang.invoke.LambdaForm$MH");
  }

  @Test
  void classesAreCountedByTheArtifactTheyCameFrom() throws Exception {
    var counts =
        ClassLoadComparison.parse(
            List.of(
                "[0.5s][info][class,load] dev.anyfn.gcp.HttpEntryPoint source: file:/x/app.jar",
                "[0.5s][info][class,load] com.fasterxml.jackson.core.JsonFactory source:"
                    + " file:/x/app.jar",
                "[0.6s][info][class,load] java.util.UUID source: jrt:/java.base",
                "[0.6s][info][class,load] dev.anyfn.core.Router$$Lambda$89/0x00007f4a1809a1b0"
                    + " source: dev.anyfn.core.Router",
                "[0.7s][info][class,load] dev.anyfn.core.Router$$Lambda$93/0x00007f4a1809a3f0"
                    + " source: dev.anyfn.core.Router"));
    assertThat(counts)
        .containsEntry("dev.anyfn.gcp.HttpEntryPoint anyfn-adapter-gcp", 1)
        .containsEntry("com.fasterxml.jackson.core.JsonFactory jackson-core", 1)
        .containsEntry("java.util.UUID JDK java.base", 1)
        .containsEntry("dev.anyfn.core.Router$$Lambda anyfn-core (lambdas)", 2)
        .hasSize(4);
  }
}
