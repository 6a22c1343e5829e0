package dev.anyfn.core;

import dev.anyfn.HttpException;
import dev.anyfn.core.Binders.Binder;
import dev.anyfn.core.index.ParameterSpec;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;

/**
 * Binds a record from the fields of a form body or from the query: each component as the {@code
 * FormParam} or {@code QueryParam} value the processor recorded, then the record's canonical
 * constructor. The processor checked the components at compile time; the constructor is looked up
 * once, when the handler is prepared.
 */
final class RecordBinder implements Binder {
  private final Constructor<?> constructor;
  private final Binder[] components;

  /** What the record is bound from, for the 400 its constructor's refusal becomes. */
  private final String what;

  private RecordBinder(Constructor<?> constructor, Binder[] components, String what) {
    this.constructor = constructor;
    this.components = components;
    this.what = what;
  }

  static Binder create(ParameterSpec p, Types types) {
    Class<?> record = types.load(p.type());
    List<ParameterSpec> fields = p.fields();
    Binder[] components = new Binder[fields.size()];
    Class<?>[] parameterTypes = new Class<?>[fields.size()];
    for (int i = 0; i < components.length; i++) {
      ParameterSpec field = fields.get(i);
      components[i] = Binders.component(field, types);
      parameterTypes[i] =
          field.optional() ? Optional.class : field.list() ? List.class : types.load(field.type());
    }
    try {
      Constructor<?> constructor = record.getDeclaredConstructor(parameterTypes);
      constructor.setAccessible(true);
      boolean form = fields.stream().anyMatch(f -> f.source() == ParameterSpec.Source.FORM);
      return new RecordBinder(constructor, components, form ? "The form" : "The query");
    } catch (NoSuchMethodException e) {
      throw new ConfigurationException(
          "Record "
              + record.getName()
              + " has no constructor taking the values the function index lists for it ("
              + fields.stream().map(ParameterSpec::name).toList()
              + "); the index is older than the class. Rebuild the project (mvn package).",
          e);
    } catch (RuntimeException e) { // InaccessibleObjectException, from a module that is closed
      throw new ConfigurationException(
          "Record "
              + record.getName()
              + " cannot be constructed by anyfn ("
              + e.getMessage()
              + "). Open its package to anyfn's core, or declare the record in a package that is"
              + " not in a named module.",
          e);
    }
  }

  @Override
  public Object bind(Invocation inv) {
    Object[] args = new Object[components.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = components[i].bind(inv);
    }
    try {
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error; // not the input's fault: the instance is retired as for a handler's Error
      }
      String reason =
          cause instanceof IllegalArgumentException && cause.getMessage() != null
              ? ": " + cause.getMessage()
              : ".";
      throw HttpException.badRequest(what + " could not be bound" + reason);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot construct " + constructor.getDeclaringClass(), e);
    }
  }
}
