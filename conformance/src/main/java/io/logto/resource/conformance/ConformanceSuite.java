package io.logto.resource.conformance;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The groups of cases both modes run against an application: the contract, hostile tokens, the
 * {@code Authorization} header, and the frameworks' idioms. Extend {@link SampleConformanceSuite} (a runnable
 * jar, started by the suite; adds the key-server faults) or {@link InProcessConformanceSuite} (an application
 * the test started itself), never this class directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
@ExtendWith(PrintSampleOutputOnFailure.class)
public abstract class ConformanceSuite {

    ConformanceSuite() {
    }

    /** The application under test with the issuer around it; created when the first group needs it. */
    abstract Scene scene();

    /** The sample process to print the output of on a failure, or null when the test started the application. */
    SampleProcess runningSample() {
        return null;
    }

    /**
     * The application's idiom routes ({@code GET /api/idiom/<name>}, each guarded only by the framework's own
     * check for {@code read:report}). Defaults to the paths of {@link IdiomRoutes} on the test class, none
     * without it (which fails the idiom group: every application must name one).
     *
     * @return the paths
     */
    protected List<String> idiomRoutes() {
        IdiomRoutes routes = getClass().getAnnotation(IdiomRoutes.class);
        return routes == null ? List.of() : Arrays.asList(routes.value());
    }

    /** Every row of the route table and every rule that holds on every protected route. */
    @Nested
    @Order(1)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("contract")
    public class Contract {

        /** For JUnit. */
        public Contract() {
        }

        /**
         * Each route granted with the right token, and the metadata document.
         *
         * @return one test per row
         */
        @TestFactory
        @DisplayName("route table")
        public List<DynamicTest> routeTable() {
            return new ContractCases(scene()).routeTable();
        }

        /**
         * Tokens Logto may issue besides the default: RS256 and ES256 keys, {@code typ} variants, machine-to-machine.
         *
         * @return one test per token shape
         */
        @TestFactory
        @DisplayName("accepted token shapes")
        public List<DynamicTest> acceptedTokens() {
            return new ContractCases(scene()).acceptedTokens();
        }

        /**
         * No token, refused tokens, missing scopes, the wrong kind of token and another organization, on each route.
         *
         * @return one test per route and rule
         */
        @TestFactory
        @DisplayName("rules on every protected route")
        public List<DynamicTest> rulesOnEveryProtectedRoute() {
            return new ContractCases(scene()).rulesOnEveryProtectedRoute();
        }
    }

    /** Tokens an attacker would send: all refused with 401 {@code invalid_token} (400 when the header is malformed). */
    @Nested
    @Order(2)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("hostile tokens")
    public class HostileTokenCases {

        /** For JUnit. */
        public HostileTokenCases() {
        }

        /**
         * {@code alg} none, HMAC with public keys, foreign keys under the victim's {@code kid}, forged ECDSA signatures.
         *
         * @return one test per token
         */
        @TestFactory
        @DisplayName("algorithms and signatures")
        public List<DynamicTest> algorithmsAndSignatures() {
            return new HostileTokens(scene()).algorithmsAndSignatures();
        }

        /**
         * {@code jwk}, {@code jku}, {@code x5u}, {@code x5c}, odd {@code kid}s and {@code crit}; no URL named by a token is fetched.
         *
         * @return one test per token
         */
        @TestFactory
        @DisplayName("key sources and extensions")
        public List<DynamicTest> keySourcesAndExtensions() {
            return new HostileTokens(scene()).keySourcesAndExtensions();
        }

        /**
         * Wrong part counts, non-base64 and non-JSON parts, deep nesting, 60 KB, duplicate members.
         *
         * @return one test per token
         */
        @TestFactory
        @DisplayName("structure")
        public List<DynamicTest> structure() {
            return new HostileTokens(scene()).structure();
        }

        /**
         * Times, audiences, scopes, issuers, subjects and types of the wrong value or JSON type.
         *
         * @return one test per token
         */
        @TestFactory
        @DisplayName("claims and type")
        public List<DynamicTest> claims() {
            return new HostileTokens(scene()).claims();
        }
    }

    /** How the {@code Authorization} header is read, and garbage in it. */
    @Nested
    @Order(3)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("authorization header")
    public class AuthorizationHeader {

        /** For JUnit. */
        public AuthorizationHeader() {
        }

        /**
         * The scheme in any case; tokens in the query or a form ignored; malformed headers answered with 400.
         *
         * @return one test per header
         */
        @TestFactory
        @DisplayName("bearer scheme")
        public List<DynamicTest> bearerScheme() {
            return new RequestHeaderCases(scene()).bearerScheme();
        }

        /**
         * Oversized and garbage headers: a 4xx, never a 5xx or a hang.
         *
         * @return one test per header
         */
        @TestFactory
        @DisplayName("garbage")
        public List<DynamicTest> garbage() {
            return new RequestHeaderCases(scene()).garbage();
        }
    }

    /**
     * The frameworks' own checks for a global scope ({@code hasAuthority('SCOPE_read:report')},
     * {@code @Secured}, {@code @RolesAllowed}, {@code isUserInRole}, ...) on the idiom routes the application
     * names ({@link IdiomRoutes}): only a global API token holding the scope passes.
     */
    @Nested
    @Order(4)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("framework idioms")
    public class FrameworkIdioms {

        /** For JUnit. */
        public FrameworkIdioms() {
        }

        /**
         * Per idiom route: a global token with {@code read:report} 200; without it, and organization and
         * organization-API tokens carrying it, 403; no token 401.
         *
         * @return one test per route and token, plus one that the application names an idiom route
         */
        @TestFactory
        @DisplayName("idiom routes")
        public List<DynamicTest> idiomRoutes() {
            return new IdiomCases(scene(), ConformanceSuite.this.idiomRoutes()).idiomRoutes();
        }

        /**
         * A global token with the scope claim {@code read:report a,b} on {@code /api/reports} and each idiom route: 200.
         *
         * @return one test per route
         */
        @TestFactory
        @DisplayName("a scope containing a comma")
        public List<DynamicTest> commaScopes() {
            return new IdiomCases(scene(), ConformanceSuite.this.idiomRoutes()).commaScopes();
        }
    }
}
