package dev.anyfn.core;

import dev.anyfn.IdempotencyStore;
import dev.anyfn.Provider;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Settings every adapter gives the core, read once at the edge. Immutable; build with {@link
 * #builder()}.
 */
public final class RuntimeSettings {
  /** Default body limit: Lambda's 6 MB synchronous payload. */
  public static final int DEFAULT_MAX_BODY_BYTES = 6 * 1024 * 1024;

  private final Provider provider;
  private final int maxBodyBytes;
  private final int maxJsonDepth;
  private final boolean failOnUnknownProperties;
  private final Map<String, String> environment;
  private final Consumer<String> logSink;
  private final IdempotencyStore idempotencyStore;

  private RuntimeSettings(Builder b) {
    this.provider = b.provider;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxJsonDepth = b.maxJsonDepth;
    this.failOnUnknownProperties = b.failOnUnknownProperties;
    this.environment = Map.copyOf(b.environment);
    this.logSink = b.logSink;
    this.idempotencyStore = b.idempotencyStore;
  }

  /** Defaults: provider LOCAL, 6 MB bodies, JSON depth 200, unknown JSON properties ignored. */
  public static RuntimeSettings defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.provider = provider;
    b.maxBodyBytes = maxBodyBytes;
    b.maxJsonDepth = maxJsonDepth;
    b.failOnUnknownProperties = failOnUnknownProperties;
    b.environment = environment;
    b.logSink = logSink;
    b.idempotencyStore = idempotencyStore;
    return b;
  }

  /** The store of {@code Context.once} when a function sets none; empty on a cloud. */
  public Optional<IdempotencyStore> idempotencyStore() {
    return Optional.ofNullable(idempotencyStore);
  }

  /** Where the functions run. */
  public Provider provider() {
    return provider;
  }

  /** Largest request body, in bytes; larger bodies are answered 413. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Deepest JSON nesting accepted. */
  public int maxJsonDepth() {
    return maxJsonDepth;
  }

  /** Whether unknown properties in user JSON bodies are a 400. */
  public boolean failOnUnknownProperties() {
    return failOnUnknownProperties;
  }

  /** The environment variables given to instances. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Where structured log lines go. */
  public Consumer<String> logSink() {
    return logSink;
  }

  /** Builds settings; not thread-safe. */
  public static final class Builder {
    private Provider provider = Provider.LOCAL;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int maxJsonDepth = 200;
    private boolean failOnUnknownProperties;
    private Map<String, String> environment = Map.of();
    private Consumer<String> logSink = stdout();
    private IdempotencyStore idempotencyStore; // none

    private Builder() {}

    private static Consumer<String> stdout() {
      PrintStream out = System.out;
      return out::println;
    }

    /** The provider. */
    public Builder provider(Provider provider) {
      this.provider = Objects.requireNonNull(provider);
      return this;
    }

    /** The body limit in bytes (at least 1). */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be positive; found " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The JSON depth limit (at least 1). */
    public Builder maxJsonDepth(int maxJsonDepth) {
      if (maxJsonDepth < 1) {
        throw new IllegalArgumentException("maxJsonDepth must be positive; found " + maxJsonDepth);
      }
      this.maxJsonDepth = maxJsonDepth;
      return this;
    }

    /** Whether unknown JSON properties are rejected. */
    public Builder failOnUnknownProperties(boolean fail) {
      this.failOnUnknownProperties = fail;
      return this;
    }

    /** The environment. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment);
      return this;
    }

    /** The log sink. */
    public Builder logSink(Consumer<String> logSink) {
      this.logSink = Objects.requireNonNull(logSink);
      return this;
    }

    /**
     * The store of {@code Context.once} for functions that set none in {@code @OnInit}: the
     * emulator's shared one in memory; none on a cloud, where instances share no memory.
     */
    public Builder idempotencyStore(IdempotencyStore store) {
      this.idempotencyStore = Objects.requireNonNull(store);
      return this;
    }

    /** The settings. */
    public RuntimeSettings build() {
      return new RuntimeSettings(this);
    }
  }
}
