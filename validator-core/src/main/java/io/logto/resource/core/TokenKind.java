package io.logto.resource.core;

/**
 * The three kinds of Logto access token, one per Logto authorization scenario.
 */
public enum TokenKind {

    /** A token for an API resource ({@code aud} = resource indicator) without {@code organization_id}; scopes from global roles. */
    GLOBAL_API,

    /** An organization token ({@code aud} = {@code urn:logto:organization:<id>}); scopes from organization roles. */
    ORGANIZATION,

    /** A token for an API resource carrying {@code organization_id}; scopes from organization roles, filtered to that API. */
    ORGANIZATION_API
}
