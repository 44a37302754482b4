package io.logto.resource.quarkus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.StringPermission;
import java.security.AllPermission;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A global token's scopes grant exactly the permissions of the same name, whatever characters the scopes contain. */
class ScopePermissionCheckerTest {

    private final ScopePermissionChecker checker =
            new ScopePermissionChecker(Set.of("read:report", "admin", "a,b", "x:y,z", "a:b:c"));

    @Test
    void nameAndActionMustMatchAScopeExactly() {
        assertThat(checker.grants(new StringPermission("read", "report"))).isTrue();
        assertThat(checker.grants(new StringPermission("admin"))).isTrue();
        assertThat(checker.grants(new StringPermission("a", "b:c"))).isTrue();
        assertThat(checker.grants(new StringPermission("read"))).as("a prefix of a scope is not the scope").isFalse();
        assertThat(checker.grants(new StringPermission("read", "all"))).isFalse();
        assertThat(checker.grants(new StringPermission("admin", "report"))).isFalse();
    }

    @Test
    void oneOfSeveralRequiredActionsSufficesAsWithStringPermission() {
        assertThat(checker.grants(new StringPermission("read", "all", "report"))).isTrue();
        assertThat(checker.grants(new StringPermission("read", "all", "some"))).isFalse();
    }

    @Test
    void scopesWithCommasGrantNothingButNeverFail() {
        assertThat(checker.grants(new StringPermission("a"))).isFalse();
        assertThat(checker.grants(new StringPermission("x", "y"))).isFalse();
        assertThat(checker.grants(new StringPermission("z"))).isFalse();
    }

    @Test
    void otherPermissionTypesAreNotGrantedHere() {
        assertThat(checker.grants(new AllPermission())).isFalse();
        assertThat(checker.apply(new AllPermission()).await().indefinitely()).isFalse();
        assertThat(checker.apply(new StringPermission("read", "report")).await().indefinitely()).isTrue();
    }
}
