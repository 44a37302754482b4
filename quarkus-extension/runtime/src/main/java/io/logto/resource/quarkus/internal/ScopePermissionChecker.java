package io.logto.resource.quarkus.internal;

import io.quarkus.security.StringPermission;
import io.smallrye.mutiny.Uni;
import java.security.Permission;
import java.util.Set;
import java.util.function.Function;

/**
 * Grants a Quarkus {@link StringPermission} (what {@code @PermissionsAllowed("read:report")} asks for) when the global
 * API token carries exactly that scope: {@code name} for a permission without actions, {@code name:action} for one
 * of its actions. The token's scopes are only looked up, never parsed into permissions, so no scope string (commas,
 * several colons) can fail a request; other permission types are not granted here.
 */
final class ScopePermissionChecker implements Function<Permission, Uni<Boolean>> {

    private static final Uni<Boolean> GRANTED = Uni.createFrom().item(Boolean.TRUE);
    private static final Uni<Boolean> NOT_GRANTED = Uni.createFrom().item(Boolean.FALSE);

    private final Set<String> scopes;

    ScopePermissionChecker(Set<String> scopes) {
        this.scopes = scopes;
    }

    @Override
    public Uni<Boolean> apply(Permission required) {
        return grants(required) ? GRANTED : NOT_GRANTED;
    }

    boolean grants(Permission required) {
        if (!(required instanceof StringPermission)) {
            return false;
        }
        String name = required.getName();
        String actions = required.getActions();
        if (actions == null) {
            return scopes.contains(name);
        }
        // StringPermission's own semantics: any one of the required actions suffices.
        for (String action : actions.split(StringPermission.ACTIONS_SEPARATOR)) {
            if (scopes.contains(name + ':' + action)) {
                return true;
            }
        }
        return false;
    }
}
