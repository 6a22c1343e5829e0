package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.ArgumentCaptor;

/**
 * JUnit before 5.13 (what Spring Boot 3.2 and 3.3 bring) closes only the {@code CloseableResource}
 * values of a store, so a plain {@code AutoCloseable} emulator would outlive its test class, port,
 * threads, schedules and all. The JUnit of this build closes both, so the contract is checked on
 * what the extension stores.
 */
class ClosingTest {
  @Test
  @SuppressWarnings("deprecation")
  void theStoredEmulatorIsAResourceEveryJunitVersionClosesAndClosingItStopsTheServer()
      throws Throwable {
    ExtensionContext context = mock(ExtensionContext.class);
    ExtensionContext.Store store = mock(ExtensionContext.Store.class);
    when(context.getRequiredTestClass()).thenAnswer(i -> ClosingTest.class);
    when(context.getStore(any())).thenReturn(store);

    new AnyfnExtension().beforeAll(context);

    ArgumentCaptor<Object> stored = ArgumentCaptor.forClass(Object.class);
    verify(store).put(eq("emulator"), stored.capture());
    assertThat(stored.getValue()).isInstanceOf(ExtensionContext.Store.CloseableResource.class);
    URI uri = ((AnyfnExtension.Running) stored.getValue()).emulator.baseUri();
    assertThat(accepts(uri)).isTrue();

    ((ExtensionContext.Store.CloseableResource) stored.getValue()).close();

    assertThat(accepts(uri)).isFalse();
  }

  private static boolean accepts(URI uri) throws IOException {
    try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
      return s.isConnected();
    } catch (ConnectException e) {
      return false;
    }
  }
}
