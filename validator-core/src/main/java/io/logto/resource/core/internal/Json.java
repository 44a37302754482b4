package io.logto.resource.core.internal;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;

/** JSON writing through Nimbus's bundled JSON library, so the core needs no JSON dependency of its own. */
public final class Json {

    private Json() {
    }

    /** Serializes a map of strings, numbers, booleans, lists and maps. */
    public static String write(Map<String, ?> object) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) object;
        return JSONObjectUtils.toJSONString(map);
    }
}
