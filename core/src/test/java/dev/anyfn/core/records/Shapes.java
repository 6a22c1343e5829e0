package dev.anyfn.core.records;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Records for {@code RecordJsonTest}: plain ones, which skip databind, and near misses. */
public final class Shapes {
  private Shapes() {}

  /** Every scalar kind, primitive and boxed. */
  public record Scalars(
      String s, int i, long l, boolean b, double d, Integer bi, Long bl, Boolean bb, Double bd) {}

  /** A record inside a record. */
  public record Nested(String name, Scalars inner) {}

  /** Optional components of each kind. */
  public record Optionals(Optional<String> s, Optional<Integer> i, Optional<Nested> n) {}

  /** A record that holds itself. */
  public record Chain(String value, Chain next) {}

  /** A record whose constructor refuses some values. */
  public record Email(String address) {
    public Email {
      if (address != null && !address.contains("@")) {
        throw new IllegalArgumentException("address must contain @");
      }
    }
  }

  /** A record whose accessor throws. */
  public record Exploding(String a) {
    @Override
    public String a() {
      throw new IllegalStateException("no a today");
    }
  }

  /** Not plain: a component renamed by an annotation. */
  public record Renamed(@JsonProperty("n") String name) {}

  /** Not plain: databind also writes the getter. */
  public record WithGetter(String a) {
    public String getB() {
      return a + "b";
    }
  }

  /** Not plain: an interface's default getter. */
  public interface Described {
    default String getDescription() {
      return "described";
    }
  }

  /** Not plain: inherits a getter. */
  public record Inherits(String a) implements Described {}

  /** Not plain: the interface carries a Jackson annotation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public interface Lenient {}

  /** Not plain: annotated through its interface. */
  public record LenientRecord(String a) implements Lenient {}

  /** Not plain: a boolean named like a bean getter. */
  public record Flag(boolean isActive) {}

  /** Not plain: a type parameter. */
  public record Box<T>(T value) {}

  /** Not plain: a second constructor. */
  public record TwoConstructors(String a) {
    public TwoConstructors() {
      this("x");
    }
  }

  /** Not plain: a list. */
  public record WithList(List<String> values) {}

  /** An enum, not a plain component kind. */
  public enum Color {
    RED
  }

  /** Not plain: an enum component. */
  public record WithEnum(Color color) {}

  /** Not plain: not public. */
  record Hidden(String a) {}

  /** Not plain: holds a record that is not. */
  public record HoldsRenamed(Renamed inner) {}

  /** Not plain: the field alone carries {@code @JsonIgnore} (the accessor is explicit). */
  public record Secretive(String name, @JsonIgnore String secret) {
    @Override
    public String secret() {
      return secret;
    }
  }

  /** Renames the property its implementations' accessors implement. */
  public interface Named {
    @JsonProperty("n")
    String name();
  }

  /** Not plain: renamed through the interface method its accessor implements. */
  public record NamedRecord(String name) implements Named {}

  /** Not plain: databind creates it with a static factory. */
  public record Created(String a) {
    @JsonCreator
    public static Created of(@JsonProperty("x") String x) {
      return new Created(x);
    }
  }

  /** Not plain: a private method databind writes as a property. */
  public record PrivateProperty(String a) {
    @JsonProperty("b")
    private String b() {
      return a + "b";
    }
  }

  /** Not plain: it writes itself. */
  public record SelfWriting(String a) implements JsonSerializable {
    @Override
    public void serialize(JsonGenerator g, SerializerProvider p) throws IOException {
      g.writeString("self:" + a);
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider p, TypeSerializer t)
        throws IOException {
      serialize(g, p);
    }
  }

  /** Not plain: a {@code CharSequence}, whose {@code isEmpty()} databind writes as a property. */
  public record Text(String a) implements CharSequence {
    @Override
    public int length() {
      return a.length();
    }

    @Override
    public char charAt(int index) {
      return a.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return a.subSequence(start, end);
    }

    @Override
    public String toString() {
      return a;
    }
  }

  /** Not plain: an {@code Iterable}, which databind writes as an array unless it has properties. */
  public record Letters(String a) implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return a.chars().mapToObj(Character::toString).iterator();
    }
  }

  /** Plain: {@code Serializable} and {@code Comparable} change nothing databind does. */
  public record Ordered(String a) implements Serializable, Comparable<Ordered> {
    @Override
    public int compareTo(Ordered o) {
      return a.compareTo(o.a);
    }
  }

  /** Not a record at all. */
  public static final class Bean {
    public String a;
  }
}
