package io.logto.resource.core;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads Project Wycheproof vector files from ../shared/testdata/wycheproof (beside the project root;
 * never copied into the repository). The location can be set with -Dwycheproof.dir.
 */
public final class Wycheproof {

    private Wycheproof() {
    }

    /** The vector directory; fails when it is missing, so the vectors can never be silently skipped. */
    public static Path directory() {
        String configured = System.getProperty("wycheproof.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("testdata").resolve("wycheproof");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Wycheproof vectors not found: expected ../shared/testdata/wycheproof beside "
                + "the project root, or -Dwycheproof.dir");
    }

    /** The test groups of one vector file, as parsed JSON objects. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> groups(String file) {
        try {
            String json = Files.readString(directory().resolve(file), StandardCharsets.UTF_8);
            Map<String, Object> root = JSONObjectUtils.parse(json, -1);
            List<Map<String, Object>> groups = new ArrayList<>();
            for (Object group : (List<Object>) root.get("testGroups")) {
                groups.add((Map<String, Object>) group);
            }
            return groups;
        } catch (IOException | java.text.ParseException e) {
            throw new IllegalStateException("cannot read Wycheproof file " + file, e);
        }
    }

    /** The tests of a group. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> tests(Map<String, Object> group) {
        return (List<Map<String, Object>>) group.get("tests");
    }

    /** Hex to bytes. */
    public static byte[] hex(Object value) {
        return HexFormat.of().parseHex((String) value);
    }
}
