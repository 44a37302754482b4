package io.logto.resource.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration option, described once: its property name, the form of its value, its default and
 * what it means. {@link LogtoConfig#OPTIONS} lists them all; the property names every adapter binds
 * ({@link LogtoConfig#PROPERTY_NAMES}), the lookup by name ({@link LogtoConfig.Builder#property(String,
 * String)}, {@link LogtoConfig#fromProperties}) and the adapters' IDE metadata and documentation follow
 * from that list, so an option is added in one place.
 */
public final class LogtoOption {

    /** The form of an option's text value, as adapters declare it to their framework. */
    public enum ValueType {
        /** Free text. */
        TEXT,
        /** An absolute {@code https} URL ({@code http} only for loopback hosts unless insecure HTTP is allowed). */
        URL,
        /** A comma-separated list (or the framework's list syntax). */
        LIST,
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** A duration with a unit ({@code 500ms}, {@code 60s}, {@code 5m}, {@code 24h}, {@code 1d}) or ISO-8601. */
        DURATION,
        /** A whole number. */
        INTEGER,
        /** One of {@link LogtoOption#allowedValues()}. */
        ENUM
    }

    /** Sets the option on a builder from its text; {@code property} is the full name, for error messages. */
    @FunctionalInterface
    interface Setter {
        void apply(LogtoConfig.Builder builder, String property, String value);
    }

    private final String name;
    private final ValueType type;
    private final String defaultValue;
    private final List<String> allowedValues;
    private final String description;
    private final Setter setter;

    private LogtoOption(String name, ValueType type, String defaultValue, List<String> allowedValues,
                        String description, Setter setter) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.allowedValues = allowedValues;
        this.description = description;
        this.setter = setter;
    }

    static LogtoOption of(String name, ValueType type, String defaultValue, String description, Setter setter) {
        return new LogtoOption(name, type, defaultValue, List.of(), description, setter);
    }

    static LogtoOption ofEnum(String name, List<String> allowedValues, String defaultValue, String description,
                              Setter setter) {
        return new LogtoOption(name, ValueType.ENUM, defaultValue, List.copyOf(allowedValues), description, setter);
    }

    /** The property name without prefix, in kebab case, e.g. {@code clock-skew}. */
    public String name() {
        return name;
    }

    /** The form of the value. */
    public ValueType type() {
        return type;
    }

    /** The default as property text (e.g. {@code 60s}); empty when the option is required or has none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** For {@link ValueType#ENUM}: the accepted values in property form; empty otherwise. */
    public List<String> allowedValues() {
        return allowedValues;
    }

    /** One or two sentences for users: what the option does, and its range where it has one. */
    public String description() {
        return description;
    }

    void apply(LogtoConfig.Builder builder, String property, String value) {
        setter.apply(builder, property, Objects.requireNonNull(value, "value"));
    }

    /** The name, type and default. */
    @Override
    public String toString() {
        return "LogtoOption[" + name + ", " + type + (defaultValue == null ? "" : ", default " + defaultValue) + "]";
    }
}
