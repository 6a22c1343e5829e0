package dev.anyfn.gcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcloudDeployTest {
  private final GcloudDeploy deploy =
      new GcloudDeploy(
          "f",
          List.of(
              "--gen2",
              "--entry-point",
              "x.Y",
              "--memory=512Mi",
              "--set-env-vars",
              "^|^ANYFN_FUNCTION=f|ANYFN_TRIGGER=STORAGE b [CREATED, DELETED]|EMPTY=",
              "--entry-point",
              "second.One"));

  @Test
  void aFlagIsReadInBothFormsAndTheFirstOccurrenceWins() {
    assertThat(deploy.flag("--memory")).contains("512Mi");
    assertThat(deploy.entryPoint()).isEqualTo("x.Y");
    assertThat(deploy.flag("--retry")).isEmpty();
  }

  @Test
  void environmentWithACustomDelimiterIsSplitOnItKeepingCommasAndOrder() {
    assertThat(deploy.environment())
        .containsExactly(
            java.util.Map.entry("ANYFN_FUNCTION", "f"),
            java.util.Map.entry("ANYFN_TRIGGER", "STORAGE b [CREATED, DELETED]"),
            java.util.Map.entry("EMPTY", ""));
  }

  @Test
  void environmentWithoutADelimiterIsSplitOnCommasAtTheFirstEquals() {
    assertThat(GcloudDeploy.parseEnvironment("A=1,B=x=y"))
        .containsExactly(java.util.Map.entry("A", "1"), java.util.Map.entry("B", "x=y"));
  }

  @Test
  void aMalformedEnvironmentNamesThePairAndTheDelimiter() {
    assertThatThrownBy(() -> GcloudDeploy.parseEnvironment("A=1,oops"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--set-env-vars 'A=1,oops' holds 'oops', which is not KEY=VALUE; expected pairs"
                + " separated by ','.");
    assertThatThrownBy(() -> GcloudDeploy.parseEnvironment("^|A=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never closes it");
  }

  @Test
  void aMissingRequiredFlagIsAnAssertionErrorListingTheArguments() {
    GcloudDeploy bare = new GcloudDeploy("bare", List.of("--gen2"));
    assertThatThrownBy(bare::source)
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "The deployment bare has no --source; its arguments are [--gen2]. Expected the"
                + " deploy.sh anyfn:package writes.");
  }
}
