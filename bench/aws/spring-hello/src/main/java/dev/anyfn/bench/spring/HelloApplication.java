package dev.anyfn.bench.spring;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The hello function on Spring Cloud Function: {@code GET /hello} answers {@code hello}. */
@SpringBootApplication
public class HelloApplication {
  public static void main(String[] args) {
    SpringApplication.run(HelloApplication.class, args);
  }

  /** The function FunctionInvoker calls for each HTTP API event. */
  @Bean
  public Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> hello() {
    return event -> {
      boolean hello =
          event.getRequestContext().getHttp().getMethod().equals("GET")
              && event.getRawPath().equals("/hello");
      return APIGatewayV2HTTPResponse.builder()
          .withStatusCode(hello ? 200 : 404)
          .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8"))
          .withBody(hello ? "hello" : "not found")
          .withIsBase64Encoded(false)
          .build();
    };
  }
}
