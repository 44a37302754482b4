package io.logto.resource.servlet;

import io.logto.resource.core.LogtoConfig;
import jakarta.servlet.FilterConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@link LogtoFilter}'s configuration from {@code FilterConfig} init parameters ({@code web.xml}):
 * the core settings under their own names, {@value LogtoFilter#ROUTES_PARAMETER} and
 * {@value LogtoFilter#UNMATCHED_ROUTES_PARAMETER}. An unknown name is an error, so typos fail startup.
 */
final class InitParameters {

    private InitParameters() {
    }

    static LogtoConfig config(FilterConfig filterConfig) {
        List<String> known = new ArrayList<>(LogtoConfig.PROPERTY_NAMES);
        known.add(LogtoFilter.ROUTES_PARAMETER);
        known.add(LogtoFilter.UNMATCHED_ROUTES_PARAMETER);
        for (String name : Collections.list(filterConfig.getInitParameterNames())) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown init parameter '" + name + "'; known: " + known);
            }
        }
        return LogtoConfig.fromProperties("", filterConfig::getInitParameter);
    }

    static LogtoRoutes routes(FilterConfig filterConfig) {
        String unmatched = filterConfig.getInitParameter(LogtoFilter.UNMATCHED_ROUTES_PARAMETER);
        LogtoRoutes.Builder routes = LogtoRoutes.builder();
        if (unmatched != null && !unmatched.isBlank()) {
            switch (unmatched.strip().toLowerCase(Locale.ROOT)) {
                case "deny":
                    break;
                case "allow":
                    routes.unmatched(LogtoRoutes.Unmatched.ALLOW);
                    break;
                default:
                    throw new IllegalArgumentException(LogtoFilter.UNMATCHED_ROUTES_PARAMETER
                            + " must be deny or allow, got '" + unmatched.strip() + "'");
            }
        }
        String rules = filterConfig.getInitParameter(LogtoFilter.ROUTES_PARAMETER);
        return routes.rules(rules == null ? "" : rules).build();
    }
}
