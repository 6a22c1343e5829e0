package dev.anyfn.processor;

import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.type.TypeMirror;

/**
 * The single values a path, query, header, cookie or form parameter (or a component of a form or
 * query record) binds: a scalar, or {@code Optional} or (where allowed) {@code List} of one; form
 * values may also be files ({@code Upload}). Immutable; used on the processor's thread only, as the
 * {@link TypeNames} it holds is.
 */
final class ScalarValues {
  private static final String SCALARS =
      "String, int, long, double, boolean, their boxes, UUID or an enum";
  private static final String SCALARS_OR_UPLOAD =
      "String, int, long, double, boolean, their boxes, UUID, an enum or Upload (a file)";
  private static final String UPLOAD = "dev.anyfn.Upload";

  private final TypeNames names;

  ScalarValues(TypeNames names) {
    this.names = names;
  }

  /** A scalar, or Optional or (when allowed) List of one, bound from {@code name}; else empty. */
  Optional<Parameter> bind(
      Parameter.Source source, String name, TypeMirror type, boolean listAllowed) {
    Predicate<TypeMirror> value =
        source == Parameter.Source.FORM
            ? t -> BindableTypes.isScalar(t) || names.is(t, UPLOAD)
            : BindableTypes::isScalar;
    Optional<TypeMirror> optional = names.argumentOf(type, "java.util.Optional");
    Optional<TypeMirror> list =
        listAllowed ? names.argumentOf(type, "java.util.List") : Optional.empty();
    if (optional.filter(value).isPresent()) {
      return Optional.of(
          Parameter.named(source, name, names.erasedName(optional.get()), true, false));
    } else if (list.filter(value).isPresent()) {
      return Optional.of(Parameter.named(source, name, names.erasedName(list.get()), false, true));
    } else if (value.test(type)) {
      return Optional.of(Parameter.named(source, name, names.erasedName(type), false, false));
    }
    return Optional.empty();
  }

  /** What a value of {@code source} may be, for error messages. */
  static String expected(Parameter.Source source) {
    return source == Parameter.Source.FORM ? SCALARS_OR_UPLOAD : SCALARS;
  }
}
