package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionNamesTest {
  @ParameterizedTest
  @CsvSource({
    "OrderApi,order-api",
    "Website,website",
    "ImageResize,image-resize",
    "HTTPServer,http-server",
    "MyHTTPApi,my-http-api",
    "S3Resizer,s3-resizer",
    "Api2Gateway,api2-gateway",
    "order_sync,order-sync",
    "A,a"
  })
  void derivesHyphenatedLowercaseNames(String className, String name) {
    assertThat(FunctionNames.derive(className)).isEqualTo(name);
    assertThat(FunctionNames.isValid(name)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"Orders_V2,orders-v2", "9lives,lives", "---,my-function", "orders!,orders"})
  void suggestsValidNames(String invalid, String suggestion) {
    assertThat(FunctionNames.suggest(invalid)).isEqualTo(suggestion);
  }
}
