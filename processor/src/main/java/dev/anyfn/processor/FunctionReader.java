package dev.anyfn.processor;

import dev.anyfn.OnInit;
import dev.anyfn.OnShutdown;
import dev.anyfn.ServerlessFunction;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** Reads one {@code @ServerlessFunction} class into its index entry, reporting what is wrong. */
final class FunctionReader {
  private final Reporter reporter;
  private final TypeNames names;
  private final FunctionClasses classes;
  private final TriggerReader triggers;
  private final HandlerSignatures signatures;
  private final LifecycleMethods lifecycle;
  private final CorsRules cors;
  private final SendsToRules sends;
  private final Elements elements;

  FunctionReader(Reporter reporter, TypeNames names, Elements elements) {
    this.elements = elements;
    this.reporter = reporter;
    this.names = names;
    this.classes = new FunctionClasses(reporter, elements);
    this.triggers = new TriggerReader(reporter);
    this.signatures = new HandlerSignatures(reporter, names);
    this.lifecycle = new LifecycleMethods(reporter, names);
    this.cors = new CorsRules(reporter);
    this.sends = new SendsToRules(reporter);
  }

  /**
   * The function, or empty when it cannot take part in the index at all (not a class, or an invalid
   * name). Other problems are reported and the partial function is returned, so that cross-function
   * checks still see its name.
   */
  Optional<FunctionModel> read(TypeElement type) {
    String className = names.binaryName(type);
    ServerlessFunction annotation = type.getAnnotation(ServerlessFunction.class);
    if (classes.inAnyfnPackage(type, className)) {
      return Optional.empty(); // its records would only draw false "not a record" errors
    }
    boolean isClass = classes.check(type, className);
    Optional<String> name = name(type, className, annotation);
    String function =
        name.orElseGet(
            () ->
                annotation.value().isEmpty()
                    ? FunctionNames.derive(type.getSimpleName().toString())
                    : annotation.value());

    List<MethodRef> inits = new ArrayList<>();
    List<MethodRef> shutdowns = new ArrayList<>();
    List<HandlerModel> handlers = new ArrayList<>();
    List<RouteConflicts.DeclaredRoute> routes = new ArrayList<>();
    List<ExecutableElement> invokeHandlers = new ArrayList<>();
    Map<String, ExecutableElement> readers = new LinkedHashMap<>();
    boolean hasTriggers = false;
    reportInheritedHandlers(type, className);
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      List<Class<? extends Annotation>> present = MethodAnnotations.on(method);
      hasTriggers |= present.stream().anyMatch(MethodAnnotations::isTrigger);
      if (present.size() > 1) {
        reportSeveralAnnotations(method, function, present);
      } else if (present.equals(List.of(OnInit.class))) {
        lifecycle.readInit(method).ifPresent(inits::add);
      } else if (present.equals(List.of(OnShutdown.class))) {
        lifecycle.readShutdown(method).ifPresent(shutdowns::add);
      } else if (present.size() == 1) {
        TriggerKind kind = TriggerKind.of(present.get(0));
        Optional<Trigger> trigger = triggers.read(method, kind);
        trigger
            .filter(Trigger.Http.class::isInstance)
            .ifPresent(t -> routes.add(new RouteConflicts.DeclaredRoute((Trigger.Http) t, method)));
        if (kind == TriggerKind.INVOKE) {
          invokeHandlers.add(method);
        }
        trigger.ifPresent(t -> checkReadOnce(function, t, method, readers));
        signatures.read(method, kind, trigger).ifPresent(handlers::add);
      }
    }
    RouteConflicts.check(function, routes, reporter);
    checkSingleInvokeHandler(function, invokeHandlers);
    if (!hasTriggers) {
      reporter.error(
          type,
          "Function class "
              + className
              + " has no handler. Annotate a public method with @Route, @OnQueue, @OnTopic,"
              + " @OnStorage, @OnSchedule, @OnDataChange or @OnInvoke.");
    }
    Optional<java.util.Map<String, Object>> corsSettings =
        cors.read(type, className, !routes.isEmpty());
    SendsToRules.Destinations sendsTo = sends.read(type, className);
    if (!isClass || name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new FunctionModel(
            name.get(),
            className,
            annotation.memoryMb(),
            annotation.timeoutSeconds(),
            annotation.maxInstances(),
            inits,
            shutdowns,
            handlers,
            type,
            corsSettings,
            sendsTo.queues(),
            sendsTo.topics()));
  }

  private Optional<String> name(TypeElement type, String className, ServerlessFunction annotation) {
    String explicit = annotation.value();
    if (!explicit.isEmpty()) {
      if (FunctionNames.isValid(explicit)) {
        return Optional.of(explicit);
      }
      reporter.error(
          type,
          "Invalid function name '"
              + explicit
              + "' on "
              + className
              + ": "
              + FunctionNames.RULE
              + ". Rename it, for example @ServerlessFunction(\""
              + FunctionNames.suggest(explicit)
              + "\").");
      return Optional.empty();
    }
    String derived = FunctionNames.derive(type.getSimpleName().toString());
    if (FunctionNames.isValid(derived)) {
      return Optional.of(derived);
    }
    reporter.error(
        type,
        "Function name '"
            + derived
            + "' derived from class "
            + className
            + " is invalid: "
            + FunctionNames.RULE
            + ". Name the function explicitly, for example @ServerlessFunction(\""
            + FunctionNames.suggest(derived)
            + "\").");
    return Optional.empty();
  }

  private void reportSeveralAnnotations(
      ExecutableElement method, String function, List<Class<? extends Annotation>> present) {
    String subject = "Method " + method.getSimpleName() + " in function '" + function + "' has ";
    if (present.stream().allMatch(MethodAnnotations::isTrigger)) {
      reporter.error(
          method,
          subject
              + "more than one trigger: "
              + MethodAnnotations.labels(present)
              + ". Keep one trigger per method and move the others to methods of their own.");
    } else {
      reporter.error(
          method,
          subject
              + MethodAnnotations.labels(present)
              + "; expected one of them. Keep one and move the others to methods of their own.");
    }
  }

  /**
   * A queue or topic has one reader per function: every cloud delivers each of its messages to the
   * function once, with nothing to tell two handlers apart (a bucket's or table's handlers differ
   * by the kinds of change they take, schedules by their deployments).
   */
  private void checkReadOnce(
      String function,
      Trigger trigger,
      ExecutableElement method,
      Map<String, ExecutableElement> readers) {
    String source =
        trigger instanceof Trigger.Queue q
            ? "queue '" + q.name() + "'"
            : trigger instanceof Trigger.Topic t ? "topic '" + t.name() + "'" : null;
    if (source == null) {
      return;
    }
    ExecutableElement first = readers.putIfAbsent(source, method);
    if (first != null) {
      reporter.error(
          method,
          "Function '"
              + function
              + "' reads "
              + source
              + " in two handlers, "
              + first.getSimpleName()
              + " and "
              + method.getSimpleName()
              + "; each message reaches a function once. Read it in one handler, or in two"
              + " functions (each then gets "
              + (trigger instanceof Trigger.Queue ? "a share of the messages" : "every message")
              + ").");
    }
  }

  private void checkSingleInvokeHandler(String function, List<ExecutableElement> handlers) {
    if (handlers.size() > 1) {
      reporter.error(
          handlers.get(1),
          "Function '"
              + function
              + "' has more than one @OnInvoke handler: "
              + Prose.and(handlers.stream().map(m -> m.getSimpleName().toString()).toList())
              + ". Keep one; direct invocation calls a single method.");
    }
  }

  /**
   * Handlers and lifecycle methods inherited from a superclass or interface: the index names the
   * methods of the function class itself, so an inherited one would be left out without a word (a
   * base class from a jar), or refused as outside a function (one compiled with it).
   */
  private void reportInheritedHandlers(TypeElement type, String className) {
    List<TypeElement> supertypes = new ArrayList<>();
    collectSupertypes(type, supertypes);
    List<ExecutableElement> own = ElementFilter.methodsIn(type.getEnclosedElements());
    for (TypeElement owner : supertypes) {
      for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
        List<Class<? extends Annotation>> present = MethodAnnotations.on(method);
        if (present.isEmpty() || own.stream().anyMatch(m -> elements.overrides(m, method, type))) {
          continue; // an override in the function class is read as its own
        }
        reporter.error(
            type,
            className
                + " inherits "
                + method.getSimpleName()
                + " from "
                + owner.getQualifiedName()
                + ", which has "
                + MethodAnnotations.labels(present)
                + "; anyfn reads the handlers declared in the function class itself. Declare it in "
                + type.getSimpleName()
                + " (override it and call super), and remove the annotation from "
                + owner.getQualifiedName()
                + ".");
      }
    }
  }

  /** Every superclass and interface, private methods included where getAllMembers has none. */
  private static void collectSupertypes(TypeElement type, List<TypeElement> into) {
    List<TypeMirror> direct = new ArrayList<>(type.getInterfaces());
    direct.add(type.getSuperclass());
    for (TypeMirror t : direct) {
      if (t instanceof DeclaredType d
          && d.asElement() instanceof TypeElement e
          && !e.getQualifiedName().contentEquals("java.lang.Object")
          && !into.contains(e)) {
        into.add(e);
        collectSupertypes(e, into);
      }
    }
  }
}
