package dev.anyfn.processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns validated functions into the function index document (format version 1). */
final class IndexWriter {
  /** Where the index goes in the class output. */
  static final String RESOURCE = "META-INF/anyfn/functions.json";

  static final int FORMAT_VERSION = 1;

  private IndexWriter() {}

  /** The index for these functions, in the order given. */
  static String toJson(List<FunctionModel> functions) {
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("formatVersion", FORMAT_VERSION);
    index.put("functions", functions.stream().map(IndexWriter::function).toList());
    return Json.write(index);
  }

  private static Map<String, Object> function(FunctionModel function) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", function.name());
    json.put("className", function.className());
    json.put("memoryMb", function.memoryMb());
    json.put("timeoutSeconds", function.timeoutSeconds());
    json.put("maxInstances", function.maxInstances());
    json.put("initMethods", function.initMethods().stream().map(IndexWriter::method).toList());
    json.put(
        "shutdownMethods", function.shutdownMethods().stream().map(IndexWriter::method).toList());
    json.put("handlers", function.handlers().stream().map(IndexWriter::handler).toList());
    function.cors().ifPresent(cors -> json.put("cors", cors));
    if (!function.sendsTo().isEmpty()) {
      json.put("sendsTo", function.sendsTo());
    }
    if (!function.publishesTo().isEmpty()) {
      json.put("publishesTo", function.publishesTo());
    }
    return json;
  }

  private static Map<String, Object> method(MethodRef method) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", method.name());
    json.put("parameterTypes", method.parameterTypes());
    return json;
  }

  private static Map<String, Object> handler(HandlerModel handler) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("method", handler.method());
    json.put("parameterTypes", handler.parameterTypes());
    json.put("returnType", handler.returnType());
    json.put("returnKind", handler.returnKind().name());
    json.put("trigger", handler.trigger().toJson());
    json.put("parameters", handler.parameters().stream().map(Parameter::toJson).toList());
    return json;
  }
}
