package dev.anyfn.core;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.databind.type.MapType;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Refuses a {@code null} element of a list, set or array, or a {@code null} value of a map, whose
 * declared element type is a type (a record, {@code String}, {@code Integer}, ...), at any depth of
 * what a caller sent: the handler declared values, and a null would fail in it (on an event, once
 * per retry) instead of being answered as the caller's mistake. Elements declared {@code Object} or
 * {@code JsonNode} take any JSON, nulls included; an {@code Optional} element reads null as empty.
 *
 * <p>Only readers carrying the {@link #REFUSE} attribute refuse ({@link JsonCodec#inputReaderFor});
 * data the runtime reads back and table images stay lenient.
 */
final class NullElements extends BeanDeserializerModifier {
  private static final long serialVersionUID = 1L;

  /** The reader attribute that turns the refusal on. */
  static final Object REFUSE = NullElements.class;

  @Override
  public JsonDeserializer<?> modifyCollectionDeserializer(
      DeserializationConfig config,
      CollectionType type,
      BeanDescription description,
      JsonDeserializer<?> deserializer) {
    return wrap(type, deserializer);
  }

  @Override
  public JsonDeserializer<?> modifyArrayDeserializer(
      DeserializationConfig config,
      ArrayType type,
      BeanDescription description,
      JsonDeserializer<?> deserializer) {
    return wrap(type, deserializer);
  }

  @Override
  public JsonDeserializer<?> modifyMapDeserializer(
      DeserializationConfig config,
      MapType type,
      BeanDescription description,
      JsonDeserializer<?> deserializer) {
    return wrap(type, deserializer);
  }

  private static JsonDeserializer<?> wrap(JavaType container, JsonDeserializer<?> deserializer) {
    Class<?> element = container.getContentType().getRawClass();
    boolean anyJson = element == Object.class || JsonNode.class.isAssignableFrom(element);
    return anyJson || element.isPrimitive()
        ? deserializer
        : new Refusing(deserializer, container.getContentType());
  }

  /** A null found where a value was declared: {@link JsonErrors} words it for the caller. */
  static final class Found extends MismatchedInputException {
    private static final long serialVersionUID = 1L;

    private final transient JavaType element;
    private final boolean ordered;

    Found(JsonParser p, JavaType element, boolean ordered) {
      super(p, "null element", element);
      this.element = element;
      this.ordered = ordered;
    }

    /** The declared type of the element. */
    JavaType element() {
      return element;
    }

    /** False for a set's element, whose position is not the JSON's. */
    boolean ordered() {
      return ordered;
    }
  }

  private static final class Refusing extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    private final JavaType element;

    Refusing(JsonDeserializer<?> delegate, JavaType element) {
      super(delegate);
      this.element = element;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Refusing(delegate, element);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = super.deserialize(p, ctxt);
      if (ctxt.getAttribute(REFUSE) != null) {
        refuseNulls(p, value);
      }
      return value;
    }

    private void refuseNulls(JsonParser p, Object value) throws IOException {
      if (value instanceof Object[] array) {
        for (int i = 0; i < array.length; i++) {
          if (array[i] == null) {
            throw found(p, value, i);
          }
        }
      } else if (value instanceof List<?> list) {
        int i = 0;
        for (Object e : list) {
          if (e == null) {
            throw found(p, value, i);
          }
          i++;
        }
      } else if (value instanceof Collection<?> elements) {
        for (Object e : elements) {
          if (e == null) {
            throw new Found(p, element, false);
          }
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (e.getValue() == null) {
            Found f = new Found(p, element, true);
            f.prependPath(value, String.valueOf(e.getKey()));
            throw f;
          }
        }
      }
    }

    private Found found(JsonParser p, Object container, int index) {
      Found f = new Found(p, element, true);
      f.prependPath(container, index);
      return f;
    }
  }
}
