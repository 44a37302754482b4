package io.logto.resource.core;

/** The log level of security events (one per refused token); {@link #OFF} writes none. Default {@link #DEBUG}. */
public enum SecurityEventLevel {
    /** No security events. */
    OFF,
    /** SLF4J ERROR. */
    ERROR,
    /** SLF4J WARN. */
    WARN,
    /** SLF4J INFO. */
    INFO,
    /** SLF4J DEBUG (the default). */
    DEBUG,
    /** SLF4J TRACE. */
    TRACE
}
