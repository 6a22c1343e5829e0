package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class RunMojoTest {
  @Test
  void aPortInUseAnywhereInTheCausesIsRecognisedSoTheGoalNamesItsPortProperty() {
    Exception bind =
        new IllegalStateException(
            "Cannot listen on 127.0.0.1:8080",
            new IOException("Failed to bind", new BindException("Address already in use")));

    assertThat(RunMojo.portTaken(bind)).isTrue();
    assertThat(RunMojo.portTaken(new IllegalStateException("No function index"))).isFalse();
  }
}
