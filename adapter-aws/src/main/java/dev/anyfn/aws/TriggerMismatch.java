package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.index.TriggerSpec;
import java.util.stream.Collectors;

/**
 * The messages for an event the function has no trigger for: what came, what it has, what to do.
 */
final class TriggerMismatch {
  private TriggerMismatch() {}

  static String triggers(FunctionDefinition function) {
    String all =
        function.spec().triggers().stream()
            .map(TriggerSpec::describe)
            .collect(Collectors.joining(", "));
    return all.isEmpty() ? "none" : all;
  }

  static String noTrigger(FunctionDefinition function, EventSource source, String wanted) {
    return "Lambda delivered "
        + source.description()
        + ", but function '"
        + function.name()
        + "' has no "
        + wanted
        + "; its triggers are: "
        + triggers(function)
        + ". Connect this Lambda only to the event sources its triggers name.";
  }

  static String unsupported(FunctionDefinition function, EventSource source, JsonNode event) {
    String what =
        source == EventSource.UNKNOWN_RECORDS
            ? "a record batch whose Records[0].eventSource is '"
                + EventFields.optionalText(event.get("Records").get(0), "eventSource")
                + "'"
            : source == EventSource.RAW
                ? "an event that is not from any AWS source anyfn recognises (API Gateway REST or"
                    + " HTTP API, function URL, ALB, SQS, SNS, S3, EventBridge, DynamoDB Streams,"
                    + " Kinesis)"
                : source.description();
    return "Lambda delivered "
        + what
        + ", and function '"
        + function.name()
        + (source == EventSource.RAW
            ? "' has no @OnInvoke handler to take it as a raw payload"
            : "' has no trigger for it")
        + "; its triggers are: "
        + triggers(function)
        + ". Connect this Lambda only to the event sources its triggers name.";
  }
}
