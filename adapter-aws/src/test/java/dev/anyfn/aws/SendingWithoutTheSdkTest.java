package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The AWS SDK is an optional dependency: a function with {@code @SendsTo} (queues and topics) runs
 * in a class loader over the test class path without the SDK's jars (parent: the platform loader),
 * where any SDK class that making the handler or serving a call touches, even through bytecode
 * verification, is a {@link NoClassDefFoundError}.
 */
class SendingWithoutTheSdkTest {
  private static URL[] classPathWithoutTheSdk() throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.replace('\\', '/').contains("/software/amazon/awssdk/")) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }

  @SuppressWarnings("unchecked")
  @Test
  void aSendingFunctionServesWithoutTheSdkAndItsFirstSendOrPublishNamesTheDependenciesToAdd()
      throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(classPathWithoutTheSdk(), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("software.amazon.awssdk.services.sqs.SqsClient"))
          .isInstanceOf(ClassNotFoundException.class);
      assertThatThrownBy(() -> loader.loadClass("software.amazon.awssdk.services.sns.SnsClient"))
          .isInstanceOf(ClassNotFoundException.class);
      Supplier<List<String>> driver =
          (Supplier<List<String>>)
              loader
                  .loadClass(WithoutSdkDriver.class.getName())
                  .getDeclaredConstructor()
                  .newInstance();

      List<String> transcript = driver.get();

      assertThat(transcript.get(0)).isEqualTo("200 pong");
      assertThat(transcript.get(1)).startsWith("500 ");
      assertThat(transcript.get(2)).startsWith("500 ");
      assertThat(transcript.get(3))
          .isEqualTo(
              "ConfigurationException: Function 'sending' sends to queues (@SendsTo), but"
                  + " software.amazon.awssdk:sqs and software.amazon.awssdk:url-connection-client"
                  + " of the AWS SDK for Java 2 are not on its class path. Add them to the"
                  + " project's dependencies (anyfn-bom manages their versions) and"
                  + " package again.");
      assertThat(transcript.get(4))
          .isEqualTo(
              "ConfigurationException: Function 'sending' publishes to topics (@SendsTo), but"
                  + " software.amazon.awssdk:sns and software.amazon.awssdk:url-connection-client"
                  + " of the AWS SDK for Java 2 are not on its class path. Add them to the"
                  + " project's dependencies (anyfn-bom manages their versions) and"
                  + " package again.");
    }
  }
}
