package dev.anyfn.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of plain records, read and written with jackson-core's streaming parser and generator
 * instead of databind: the values most handlers take and return, for a fraction of databind's cost
 * per call and without loading databind at all when every body is one.
 *
 * <p>A record is plain when databind would treat it the way this class does: public (and so are its
 * enclosing classes), one constructor, no type parameters, no Jackson or {@code java.beans}
 * annotation on it, its components, fields, methods (static and private ones too), constructor or
 * their parameters, nor on its interfaces or their methods; no interface of Jackson's, nor of the
 * JDK's but {@code Serializable} and {@code Comparable} (databind treats some apart: an {@code
 * Iterable} without properties is an array); no getter-like method besides its accessors (databind
 * would write those too); and components of the types below, each possibly in an {@code Optional}:
 * {@code String}, {@code int}, {@code long}, {@code boolean}, {@code double} and their boxes, and
 * plain records. Any other value goes to databind.
 *
 * <p>Reading takes only the plain case: an object holding every component once, each of exactly its
 * JSON type, and nothing after it. Anything else (a missing or null component, an unknown field, a
 * number out of range, malformed JSON, a constructor that throws) answers {@link #MISS}, and the
 * caller reads the same bytes again with databind, whose answer (a value or the error the caller
 * sees) is then the only one. So this class never decides an error, and a value it returns is the
 * one databind would have built; {@code RecordJsonTest} compares the two on each case.
 *
 * <p>Before jackson-core, a document whose names are printable ASCII and whose strings hold no
 * escape (printable ASCII and well-formed UTF-8 beyond it) is tried with {@link
 * DirectRecordReader}, which scans the bytes directly (for a small body, setting up jackson-core's
 * parser costs more than the whole scan) and leaves anything else here; a value is written with
 * {@link DirectRecordWriter}, which does what jackson-core's generator would.
 */
final class RecordJson {
  /** What {@link #read} answers when the bytes are not the plain case; read them with databind. */
  static final Object MISS = new Object();

  enum Kind {
    STRING,
    INT,
    LONG,
    BOOLEAN,
    DOUBLE,
    RECORD
  }

  /**
   * One component: its name (also as its bytes when it is printable ASCII, else null), how it is
   * read and written, and its accessor, of type {@code (Object)Object}.
   */
  record Component(
      String name,
      byte[] asciiName,
      SerializableString jsonName,
      Kind kind,
      boolean optional,
      Class<?> recordType,
      MethodHandle accessor) {}

  /**
   * A plain record's components and canonical constructor, of type {@code (Object[])Object}; {@code
   * ascii} when {@link DirectRecordReader} and {@link DirectRecordWriter} can take it (every
   * component name printable ASCII, at most 64 components), and then {@code sizeHint} is the length
   * of its JSON with short values.
   */
  record Shape(Component[] components, MethodHandle constructor, boolean ascii, int sizeHint) {
    int indexOf(String name) {
      for (int i = 0; i < components.length; i++) {
        if (components[i].name.equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The shape of each class, or null when it is not a plain record. */
  static final ClassValue<Optional<Shape>> SHAPES =
      new ClassValue<>() {
        @Override
        protected Optional<Shape> computeValue(Class<?> type) {
          return Optional.ofNullable(shapeOf(type));
        }
      };

  private final JsonFactory factory;
  private final boolean failOnUnknown;
  private final DirectRecordReader direct;

  RecordJson(JsonFactory factory, boolean failOnUnknown) {
    this.factory = factory;
    this.failOnUnknown = failOnUnknown;
    this.direct =
        new DirectRecordReader(
            factory.streamReadConstraints().getMaxDocumentLength(),
            factory.streamReadConstraints().getMaxNestingDepth());
  }

  /** Whether values of {@code type} are plain records, which this class reads and writes. */
  static boolean isPlain(Class<?> type) {
    return SHAPES.get(type).isPresent();
  }

  /**
   * The value of plain record {@code type} in {@code json}, every component required, or {@link
   * #MISS} when the bytes are anything but the plain case (see the class comment).
   */
  Object read(byte[] json, Class<?> type) {
    Shape shape = SHAPES.get(type).orElse(null);
    if (shape == null) {
      return MISS;
    }
    if (shape.ascii) {
      Object value = direct.read(json, shape);
      if (value != MISS) {
        return value;
      }
    }
    try (JsonParser p = factory.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return MISS;
      }
      Object value = readObject(p, shape);
      return value == MISS || p.nextToken() != null ? MISS : value;
    } catch (IOException | RuntimeException e) {
      return MISS;
    }
  }

  private Object readObject(JsonParser p, Shape shape) throws IOException {
    Component[] components = shape.components;
    Object[] args = new Object[components.length];
    int seen = 0;
    JsonToken t;
    // a name given twice never gets here: the factory's parser refuses it (as databind does)
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      int i = shape.indexOf(p.currentName());
      if (i < 0) {
        if (failOnUnknown) {
          return MISS;
        }
        p.nextToken();
        p.skipChildren();
        continue;
      }
      Object value = readValue(p, p.nextToken(), components[i]);
      if (value == MISS) {
        return MISS;
      }
      args[i] = value;
      seen++;
    }
    if (t != JsonToken.END_OBJECT || seen != components.length) {
      return MISS;
    }
    return construct(shape, args);
  }

  /**
   * A new record of {@code shape} from its components, or {@link #MISS} when the constructor throws
   * (databind then calls it and reports what it throws).
   */
  static Object construct(Shape shape, Object[] args) {
    try {
      return shape.constructor.invokeExact(args);
    } catch (Throwable e) {
      return MISS;
    }
  }

  /**
   * The value of component {@code c} of {@code record}.
   *
   * @throws IOException when the accessor throws (databind then calls it and reports it)
   */
  static Object component(Object record, Component c) throws IOException {
    try {
      return c.accessor.invokeExact(record);
    } catch (Throwable e) {
      throw new IOException("Cannot read component '" + c.name + "'", e);
    }
  }

  private Object readValue(JsonParser p, JsonToken t, Component c) throws IOException {
    Object value =
        switch (c.kind) {
          case STRING -> t == JsonToken.VALUE_STRING ? p.getText() : MISS;
          case INT ->
              t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                  ? (Object) p.getIntValue()
                  : MISS;
          case LONG ->
              t == JsonToken.VALUE_NUMBER_INT
                      && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                  ? (Object) p.getLongValue()
                  : MISS;
          case BOOLEAN ->
              t == JsonToken.VALUE_TRUE
                  ? Boolean.TRUE
                  : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : MISS;
          case DOUBLE -> t == JsonToken.VALUE_NUMBER_FLOAT ? (Object) p.getDoubleValue() : MISS;
          case RECORD -> {
            Shape nested = SHAPES.get(c.recordType).orElse(null);
            yield nested == null || t != JsonToken.START_OBJECT ? MISS : readObject(p, nested);
          }
        };
    return value == MISS || !c.optional ? value : Optional.of(value);
  }

  /**
   * The JSON of {@code value} when it is a plain record, as databind writes it; null when it is not
   * one (write it with databind).
   *
   * @throws IOException when the generator fails, or an accessor throws (as databind would)
   */
  byte[] write(Object value) throws IOException {
    Shape shape = value == null ? null : SHAPES.get(value.getClass()).orElse(null);
    if (shape == null) {
      return null;
    }
    if (shape.ascii) {
      byte[] fast = DirectRecordWriter.write(value, shape);
      if (fast != null) {
        return fast;
      }
    }
    // as databind's writeValueAsBytes does: the recycler goes back to the pool, also on failure
    BufferRecycler recycler = factory._getBufferRecycler();
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator g = factory.createGenerator(bytes)) {
        writeObject(g, value, shape);
      }
      byte[] result = bytes.toByteArray();
      bytes.release();
      return result;
    } catch (RuntimeException e) {
      // a component of the wrong class at run time (an unchecked cast upstream) and the like
      throw new IOException("Cannot write " + value.getClass().getName(), e);
    } finally {
      recycler.releaseToPool();
    }
  }

  private static void writeObject(JsonGenerator g, Object value, Shape shape) throws IOException {
    g.writeStartObject(value);
    for (Component c : shape.components) {
      g.writeFieldName(c.jsonName);
      Object v = component(value, c);
      if (c.optional && v != null) {
        v = ((Optional<?>) v).orElse(null);
      }
      if (v == null) {
        g.writeNull();
        continue;
      }
      switch (c.kind) {
        case STRING -> g.writeString((String) v);
        case INT -> g.writeNumber((Integer) v);
        case LONG -> g.writeNumber((Long) v);
        case BOOLEAN -> g.writeBoolean((Boolean) v);
        case DOUBLE -> g.writeNumber((Double) v);
        case RECORD -> writeObject(g, v, SHAPES.get(c.recordType).orElseThrow());
      }
    }
    g.writeEndObject();
  }

  /** The shape of a plain record, or null. */
  private static Shape shapeOf(Class<?> type) {
    if (!plain(type, new HashSet<>())) {
      return null;
    }
    RecordComponent[] declared = type.getRecordComponents();
    Component[] components = new Component[declared.length];
    Class<?>[] parameterTypes = new Class<?>[declared.length];
    for (int i = 0; i < declared.length; i++) {
      components[i] = component(declared[i]);
      parameterTypes[i] = declared[i].getType();
    }
    boolean ascii = components.length <= DirectRecordReader.MAX_COMPONENTS;
    int sizeHint = 2;
    for (Component c : components) {
      ascii &= c.asciiName != null;
      sizeHint += ascii ? c.asciiName.length + DirectRecordWriter.SHORT_MEMBER : 0;
    }
    try {
      MethodHandle constructor =
          MethodHandles.publicLookup()
              .findConstructor(type, MethodType.methodType(void.class, parameterTypes))
              .asSpreader(Object[].class, parameterTypes.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
      return new Shape(components, constructor, ascii, sizeHint);
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /**
   * Whether {@code type} is a plain record, and so is every record among its components; {@code
   * visiting} holds the records being checked further up, taken as plain (a record may hold
   * itself).
   */
  private static boolean plain(Class<?> type, Set<Class<?>> visiting) {
    if (!visiting.add(type)) {
      return true;
    }
    if (!type.isRecord()
        || type.getTypeParameters().length > 0
        || !publicAll(type)
        || type.getDeclaredConstructors().length != 1
        || annotated(type)) {
      return false;
    }
    for (Class<?> i : interfaces(type)) {
      if (annotated(i) || special(i) || annotatedMember(i.getDeclaredMethods())) {
        return false;
      }
    }
    // annotations databind reads on any method (the accessors, a static @JsonCreator factory, a
    // non-public method) or field (one behind an explicit accessor)
    if (annotatedMember(type.getDeclaredMethods())) {
      return false;
    }
    for (Field f : type.getDeclaredFields()) {
      if (jackson(f.getAnnotations())) {
        return false;
      }
    }
    Set<String> accessors = new HashSet<>();
    for (RecordComponent rc : type.getRecordComponents()) {
      Component c = component(rc);
      if (c == null
          || jackson(rc.getAnnotations())
          || beanLike(rc)
          || (c.kind == Kind.RECORD && !plain(c.recordType, visiting))) {
        return false;
      }
      accessors.add(rc.getAccessor().getName());
    }
    Constructor<?> constructor = type.getDeclaredConstructors()[0];
    if (!Modifier.isPublic(constructor.getModifiers())
        || jackson(constructor.getAnnotations())
        || jackson(constructor.getParameterAnnotations())) {
      return false;
    }
    for (Method m : type.getMethods()) {
      if (m.getDeclaringClass() != Object.class
          && !Modifier.isStatic(m.getModifiers())
          && !accessors.contains(m.getName())
          && getterLike(m)) {
        return false;
      }
    }
    return true;
  }

  /** A component of a kind this class handles, or null. */
  private static Component component(RecordComponent rc) {
    Type generic = rc.getGenericType();
    boolean optional = false;
    Class<?> raw = rc.getType();
    if (raw == Optional.class) {
      if (!(generic instanceof ParameterizedType pt)
          || !(pt.getActualTypeArguments()[0] instanceof Class<?> inner)) {
        return null;
      }
      optional = true;
      raw = inner;
    } else if (!(generic instanceof Class<?>)) {
      return null;
    }
    Kind kind;
    if (raw == String.class) {
      kind = Kind.STRING;
    } else if (raw == int.class || raw == Integer.class) {
      kind = Kind.INT;
    } else if (raw == long.class || raw == Long.class) {
      kind = Kind.LONG;
    } else if (raw == boolean.class || raw == Boolean.class) {
      kind = Kind.BOOLEAN;
    } else if (raw == double.class || raw == Double.class) {
      kind = Kind.DOUBLE;
    } else if (raw.isRecord()) {
      kind = Kind.RECORD;
    } else {
      return null;
    }
    MethodHandle accessor;
    try {
      accessor =
          MethodHandles.publicLookup()
              .unreflect(rc.getAccessor())
              .asType(MethodType.methodType(Object.class, Object.class));
    } catch (IllegalAccessException e) {
      return null; // not public: plain() refuses the record before this matters
    }
    return new Component(
        rc.getName(),
        DirectRecordReader.asciiName(rc.getName()),
        new SerializedString(rc.getName()),
        kind,
        optional,
        kind == Kind.RECORD ? raw : null,
        accessor);
  }

  private static boolean publicAll(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static Set<Class<?>> interfaces(Class<?> type) {
    Set<Class<?>> all = new HashSet<>();
    Deque<Class<?>> todo = new ArrayDeque<>(java.util.List.of(type.getInterfaces()));
    while (!todo.isEmpty()) {
      Class<?> i = todo.pop();
      if (all.add(i)) {
        todo.addAll(java.util.List.of(i.getInterfaces()));
      }
    }
    return all;
  }

  private static boolean annotated(Class<?> type) {
    return jackson(type.getAnnotations());
  }

  /**
   * Whether an interface makes databind write its implementations another way: one of Jackson's own
   * ({@code JsonSerializable}) or one of the JDK's besides {@code Serializable} and {@code
   * Comparable} (an {@code Iterable} without properties is written as an array, ...).
   */
  private static boolean special(Class<?> i) {
    String name = i.getName();
    return name.startsWith("com.fasterxml.jackson.")
        || (name.startsWith("java.") || name.startsWith("javax."))
            && i != Serializable.class
            && i != Comparable.class;
  }

  /** Whether any method, or any of its parameters, carries an annotation databind reads. */
  private static boolean annotatedMember(Method[] methods) {
    for (Method m : methods) {
      if (jackson(m.getAnnotations()) || jackson(m.getParameterAnnotations())) {
        return true;
      }
    }
    return false;
  }

  private static boolean jackson(Annotation[][] parameterAnnotations) {
    for (Annotation[] annotations : parameterAnnotations) {
      if (jackson(annotations)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any annotation is one databind reads: Jackson's own or {@code java.beans}'. */
  private static boolean jackson(Annotation[] annotations) {
    for (Annotation a : annotations) {
      String name = a.annotationType().getName();
      if (name.startsWith("com.fasterxml.jackson.") || name.startsWith("java.beans.")) {
        return true;
      }
      // a meta-annotation such as @JacksonAnnotationsInside bundles Jackson annotations
      for (Annotation meta : a.annotationType().getAnnotations()) {
        if (meta.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether databind would take a component's accessor for a bean getter of another name ({@code
   * isActive()} of a boolean as property {@code active}), where record and bean naming disagree.
   */
  private static boolean beanLike(RecordComponent rc) {
    String name = rc.getName();
    return prefixed(name, "get") || prefixed(name, "is") || prefixed(name, "set");
  }

  /** Whether databind would write the method's value as a property. */
  private static boolean getterLike(Method m) {
    if (m.getParameterCount() != 0 || m.getReturnType() == void.class) {
      return false;
    }
    String name = m.getName();
    return name.startsWith("get") && name.length() > 3
        || name.startsWith("is") && name.length() > 2;
  }

  private static boolean prefixed(String name, String prefix) {
    return name.length() > prefix.length() && name.startsWith(prefix);
  }
}
