package io.logto.resource.servlet;

import io.logto.resource.core.ScopeMatch;
import io.logto.resource.core.TokenKind;
import java.util.List;

/**
 * Reads the rule-line syntax documented on {@link LogtoRoutes}:
 * {@code METHOD /path = permit-all | authenticated | global[(any)] | organization[(var[, any])] | organization-api[(var[, any])]},
 * followed by scope names.
 */
final class RuleLines {

    static final String PERMIT_ALL = "permit-all";
    static final String AUTHENTICATED = "authenticated";

    private RuleLines() {
    }

    static void add(LogtoRoutes.Builder builder, String line) {
        try {
            parse(builder, line.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route rule '" + line.strip() + "': " + e.getMessage(), e);
        }
    }

    private static void parse(LogtoRoutes.Builder builder, String line) {
        int equals = line.indexOf('=');
        String[] head = equals < 0 ? new String[0] : line.substring(0, equals).strip().split("\\s+");
        if (head.length != 2) {
            throw new IllegalArgumentException("expected 'METHOD /path/pattern = requirement scopes'");
        }
        String target = line.substring(equals + 1).strip();
        int end = 0;
        while (end < target.length() && target.charAt(end) != '(' && !Character.isWhitespace(target.charAt(end))) {
            end++;
        }
        String word = target.substring(0, end);
        String rest = target.substring(end).strip();
        String options = "";
        if (rest.startsWith("(")) {
            int close = rest.indexOf(')');
            if (close < 0) {
                throw new IllegalArgumentException("missing ')'");
            }
            options = rest.substring(1, close);
            rest = rest.substring(close + 1).strip();
        }
        List<String> scopes = rest.isEmpty() ? List.of() : List.of(rest.split("\\s+"));
        if (word.equals(PERMIT_ALL) || word.equals(AUTHENTICATED)) {
            if (!options.isBlank() || !scopes.isEmpty()) {
                throw new IllegalArgumentException(word + " takes no options and no scopes");
            }
            if (word.equals(PERMIT_ALL)) {
                builder.permitAll(head[0], head[1]);
            } else {
                builder.authenticated(head[0], head[1]);
            }
            return;
        }
        TokenKind kind = kind(word);
        ScopeMatch match = ScopeMatch.ALL;
        String variable = null;
        for (String option : options.split(",")) {
            String value = option.strip();
            if (value.equalsIgnoreCase("any") || value.equalsIgnoreCase("all")) {
                match = value.equalsIgnoreCase("any") ? ScopeMatch.ANY : ScopeMatch.ALL;
            } else if (!value.isEmpty()) {
                if (variable != null || kind == TokenKind.GLOBAL_API) {
                    throw new IllegalArgumentException("unexpected option '" + value + "' for " + word);
                }
                variable = value;
            }
        }
        if (kind != TokenKind.GLOBAL_API && variable == null) {
            variable = LogtoRoutes.DEFAULT_ORGANIZATION_VARIABLE;
        }
        builder.require(head[0], head[1], kind, variable, match, scopes);
    }

    private static TokenKind kind(String word) {
        for (TokenKind kind : TokenKind.values()) {
            if (kindName(kind).equals(word)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown requirement '" + word + "'; use " + PERMIT_ALL + ", " + AUTHENTICATED
                + ", global, organization(variable) or organization-api(variable)");
    }

    static String kindName(TokenKind kind) {
        switch (kind) {
            case ORGANIZATION:
                return "organization";
            case ORGANIZATION_API:
                return "organization-api";
            default:
                return "global";
        }
    }
}
