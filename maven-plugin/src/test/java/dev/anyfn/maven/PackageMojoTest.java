package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageMojoTest {
  @TempDir Path classes;

  @Test
  void outputTimestampIsReadAsIsoDateTimeOrEpochSeconds() throws Exception {
    assertThat(PackageMojo.timestamp("2026-11-27T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(PackageMojo.timestamp("2026-11-27T02:00:00+02:00"))
        .isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
    assertThat(PackageMojo.timestamp("1795737600")).isEqualTo(Instant.ofEpochSecond(1795737600));
  }

  @Test
  void anUnsetOutputTimestampFallsBackToAFixedInstant() throws Exception {
    assertThat(PackageMojo.timestamp(null)).isEqualTo(PackageMojo.DEFAULT_TIMESTAMP);
    assertThat(PackageMojo.timestamp("a")).isEqualTo(PackageMojo.DEFAULT_TIMESTAMP);
  }

  @Test
  void aMalformedOutputTimestampSaysWhatIsExpected() {
    assertThatThrownBy(() -> PackageMojo.timestamp("yesterday"))
        .hasMessage(
            "project.build.outputTimestamp is 'yesterday'; expected an ISO-8601 date-time such as"
                + " 2026-11-27T00:00:00Z or seconds since the epoch.");
  }
}
