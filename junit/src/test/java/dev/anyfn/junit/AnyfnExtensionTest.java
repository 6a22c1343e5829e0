package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.local.Emulator;
import dev.anyfn.local.Profile;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

@ExtendWith(AnyfnExtension.class)
class AnyfnExtensionTest {

  @Test
  void plainExtendWithUsesTheDefaults(Emulator emulator, AnyfnClient client) {
    assertThat(emulator.profile()).isEqualTo(Profile.AWS);
    assertThat(client.get("/greet").bodyText()).isEqualTo("hello");
    assertThat(client.get("/nowhere").status()).isEqualTo(404);
  }

  @Test
  void malformedEnvironmentEntrySaysHowToWriteIt() {
    assertThatThrownBy(() -> AnyfnExtension.environment(new String[] {"TABLE"}, String.class))
        .isInstanceOf(ExtensionConfigurationException.class)
        .hasMessage(
            "@AnyfnTest(environment) entry 'TABLE' on java.lang.String is not NAME=value; write it"
                + " as e.g. \"TABLE=orders\".");
  }

  @Test
  void idleTimeoutAcceptsShortAndIsoForms() {
    assertThat(AnyfnExtension.parseDuration("30s", String.class)).isEqualTo(Duration.ofSeconds(30));
    assertThat(AnyfnExtension.parseDuration("PT2M", String.class)).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> AnyfnExtension.parseDuration("soon", String.class))
        .hasMessageContaining("is not a duration; expected e.g. 500ms, 30s, 5m, 1h or PT5M.");
  }
}
