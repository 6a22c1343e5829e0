package dev.anyfn.bench.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import java.util.Map;
import java.util.logging.Logger;

/** A fixed invocation context with a W3C trace parent, shared by both sides. Immutable. */
public final class BenchContext implements ExecutionContext, TraceContext {
  private static final Logger LOGGER = Logger.getLogger("bench");

  private final String invocationId;
  private final String functionName;

  public BenchContext(String invocationId, String functionName) {
    this.invocationId = invocationId;
    this.functionName = functionName;
  }

  @Override
  public Logger getLogger() {
    return LOGGER;
  }

  @Override
  public String getInvocationId() {
    return invocationId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public TraceContext getTraceContext() {
    return this;
  }

  @Override
  public String getTraceparent() {
    return "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  }

  @Override
  public String getTracestate() {
    return "";
  }

  @Override
  public Map<String, String> getAttributes() {
    return Map.of();
  }
}
