package io.logto.resource.core;

/**
 * How the scopes of a {@link Requirement} combine.
 */
public enum ScopeMatch {

    /** Every listed scope must be granted (the default). */
    ALL,

    /** At least one listed scope must be granted. */
    ANY
}
