package dev.anyfn.core;

import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.ParameterSpec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/** One handler method, resolved once at startup into a spreading {@link MethodHandle}. */
final class ResolvedHandler {
  private final HandlerSpec spec;
  private final MethodHandle invoker;
  private final Binders.Binder[] binders;
  private final String description;
  private final boolean takesContext;

  private ResolvedHandler(
      HandlerSpec spec, MethodHandle invoker, Binders.Binder[] binders, String description) {
    this.spec = spec;
    this.invoker = invoker;
    this.binders = binders;
    this.description = description;
    this.takesContext =
        spec.parameters().stream().anyMatch(p -> p.source() == ParameterSpec.Source.CONTEXT);
  }

  static ResolvedHandler resolve(Class<?> type, HandlerSpec spec, Types types, JsonCodec json) {
    List<String> names = spec.parameterTypes();
    Class<?>[] params = new Class<?>[names.size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = types.load(names.get(i));
    }
    String description = type.getName() + "." + spec.method();
    MethodHandle handle;
    try {
      handle =
          MethodHandles.publicLookup()
              .findVirtual(
                  type,
                  spec.method(),
                  MethodType.methodType(types.load(spec.returnType()), params));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new ConfigurationException(
          "Handler "
              + description
              + " named in the function index is missing or not public. Rebuild the project so the"
              + " index matches the classes.",
          e);
    }
    MethodHandle invoker =
        handle
            .asType(MethodType.genericMethodType(params.length + 1))
            .asSpreader(Object[].class, params.length);
    List<ParameterSpec> specs = spec.parameters();
    Binders.Binder[] binders = new Binders.Binder[specs.size()];
    for (int i = 0; i < binders.length; i++) {
      binders[i] = Binders.create(specs.get(i), params[i], types, json);
    }
    return new ResolvedHandler(spec, invoker, binders, description);
  }

  HandlerSpec spec() {
    return spec;
  }

  String description() {
    return description;
  }

  /** Whether the handler takes the {@code Context}, and so may call {@code once}. */
  boolean takesContext() {
    return takesContext;
  }

  /** Binds the arguments; binding failures are thrown before the handler runs. */
  Object[] bind(Invocation inv) {
    Object[] args = new Object[binders.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = binders[i].bind(inv);
    }
    return args;
  }

  /** Calls the handler; its exceptions propagate unchanged. */
  Object call(Object instance, Object[] args) throws Throwable {
    return (Object) invoker.invokeExact(instance, args);
  }
}
