package io.logto.resource.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenRolesTest {

    private static VerifiedToken token(TokenKind kind, String organizationId, String... scopes) {
        return new VerifiedToken(Map.of(), "https://t.logto.app/oidc", "user-1", "app-1", Set.of(scopes),
                List.of("https://api.example.com"), organizationId, kind, 4_000_000_000L, null, null, "kid", "ES384");
    }

    @Test
    void aGlobalApiTokensScopesAreItsRolesAsTheyAre() {
        VerifiedToken global = token(TokenKind.GLOBAL_API, null, "read:report", "a,b");

        assertThat(global.roles()).containsExactlyInAnyOrder("read:report", "a,b");
        assertThat(global.roles()).isSameAs(global.scopes());
    }

    @Test
    void organizationTokensGetRolesQualifiedWithTheirOrganization() {
        VerifiedToken organization = token(TokenKind.ORGANIZATION, "org_42", "read:member", "read:report");
        VerifiedToken organizationApi = token(TokenKind.ORGANIZATION_API, "org_42", "read:project", "read:report");

        assertThat(organization.roles()).containsExactlyInAnyOrder(
                "organization:org_42 read:member", "organization:org_42 read:report");
        assertThat(organizationApi.roles()).containsExactlyInAnyOrder(
                "organization-api:org_42 read:project", "organization-api:org_42 read:report");
        assertThat(organization.roles()).contains(TokenRoles.organization("org_42", "read:member"));
        assertThat(organizationApi.roles()).contains(TokenRoles.organizationApi("org_42", "read:project"));
    }

    @Test
    void noOrganizationRoleEqualsAGlobalScopeRole() {
        // Even an absurd global scope that spells an organization role cannot: scopes hold no space.
        VerifiedToken organization = token(TokenKind.ORGANIZATION, "org_42", "read:report");
        VerifiedToken organizationApi = token(TokenKind.ORGANIZATION_API, "org_42", "read:report");

        for (String role : organization.roles()) {
            assertThat(ScopeNames.isValid(role)).as(role).isFalse();
        }
        for (String role : organizationApi.roles()) {
            assertThat(ScopeNames.isValid(role)).as(role).isFalse();
        }
        assertThat(organization.roles()).doesNotContain("read:report");
        assertThat(organizationApi.roles()).doesNotContain("read:report");
    }

    @Test
    void aTokenWithoutScopesHasNoRoles() {
        assertThat(token(TokenKind.ORGANIZATION, "org_42").roles()).isEmpty();
    }
}
