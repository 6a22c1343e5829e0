package dev.anyfn.aws;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A Lambda context as the runtime builds it from the /next headers. */
final class TestLambdaContext implements Context {
  private final String requestId;
  private final Instant deadline;
  private final String traceId;

  TestLambdaContext(String requestId, long remainingMillis, String traceId) {
    this.requestId = requestId;
    this.deadline = Instant.now().plusMillis(remainingMillis);
    this.traceId = traceId;
  }

  static TestLambdaContext of(String requestId) {
    return new TestLambdaContext(requestId, 10_000, "Root=1-5759e988-bd862e3fe1be46a994272793");
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/shop";
  }

  @Override
  public String getLogStreamName() {
    return "2026/11/27/[$LATEST]abc";
  }

  @Override
  public String getFunctionName() {
    return "shop";
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:shop";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline.toEpochMilli() - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public String getXrayTraceId() {
    return traceId;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.out.println(message);
      }

      @Override
      public void log(byte[] message) {
        System.out.println(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
