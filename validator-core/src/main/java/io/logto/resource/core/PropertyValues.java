package io.logto.resource.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses the text forms of configuration values for {@link LogtoConfig.Builder#property(String, String)}. */
final class PropertyValues {

    private PropertyValues() {
    }

    static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    static boolean bool(String setting, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException(setting + " must be true or false, got '" + value + "'");
    }

    static int integer(String setting, String value) {
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " must be a whole number, got '" + value + "'");
        }
    }

    static Duration duration(String setting, String value) {
        String text = value.toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1).strip());
            switch (text.charAt(text.length() - 1)) {
                case 's': return Duration.ofSeconds(amount);
                case 'm': return Duration.ofMinutes(amount);
                case 'h': return Duration.ofHours(amount);
                case 'd': return Duration.ofDays(amount);
                default: break;
            }
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(setting + " must be a duration with a unit, e.g. 500ms, 60s, 5m, 24h, 1d "
                + "or PT60S; got '" + value + "'");
    }

    static <E extends Enum<E>> E enumValue(String setting, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            throw new IllegalArgumentException(setting + " must be one of " + names + ", got '" + value + "'");
        }
    }

    static java.net.Proxy proxy(String setting, String value) {
        String text = value.strip();
        int colon = text.lastIndexOf(':');
        if (colon > 0 && colon < text.length() - 1) {
            try {
                int port = Integer.parseInt(text.substring(colon + 1));
                if (port > 0 && port < 65536) {
                    return new java.net.Proxy(java.net.Proxy.Type.HTTP,
                            java.net.InetSocketAddress.createUnresolved(text.substring(0, colon), port));
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
        }
        throw new IllegalArgumentException(setting + " must be host:port, e.g. proxy.example.com:3128; got '" + value + "'");
    }
}
