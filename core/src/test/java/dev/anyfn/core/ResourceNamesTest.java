package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {
  @Test
  void aPrefixedNameLosesThePrefixAndOtherNamesStayAsTheyAre() {
    ResourceNames dev = ResourceNames.withPrefix("dev-");

    assertThat(dev.logical("dev-orders")).isEqualTo("orders");
    assertThat(dev.logical("orders")).isEqualTo("orders");
    assertThat(dev.logical("prod-orders")).isEqualTo("prod-orders");
    assertThat(dev.logical("dev-")).as("nothing left: not a prefixed name").isEqualTo("dev-");
    assertThat(dev.logical(null)).isNull();
  }

  @Test
  void theEnvironmentGivesThePrefixAndAnEmptyOrMissingOneIsNone() {
    assertThat(ResourceNames.fromEnvironment(Map.of("ANYFN_NAME_PREFIX", "qa-")).prefix())
        .isEqualTo("qa-");
    assertThat(ResourceNames.fromEnvironment(Map.of("ANYFN_NAME_PREFIX", "")))
        .isSameAs(ResourceNames.NONE);
    assertThat(ResourceNames.fromEnvironment(Map.of())).isSameAs(ResourceNames.NONE);
    assertThat(ResourceNames.NONE.logical("dev-orders")).isEqualTo("dev-orders");
  }

  @Test
  void anEnvironmentThatSetsThePrefixItselfIsAProblemSayingHowToChooseIt() {
    assertThat(ResourceNames.environmentProblem(Map.of("A", "b"), "use PREFIX")).isEmpty();
    assertThat(ResourceNames.environmentProblem(Map.of("ANYFN_NAME_PREFIX", "x"), "use PREFIX"))
        .hasValue(
            "<environment> sets ANYFN_NAME_PREFIX, which the deployment sets itself from the"
                + " stage's name prefix. Remove it, and use PREFIX.");
  }
}
