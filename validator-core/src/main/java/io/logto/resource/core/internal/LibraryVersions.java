package io.logto.resource.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Manifest;

/**
 * Checks, once per class loader, that the libraries the core is bound to are at least the versions it needs, so an
 * application whose build picked an older one (a framework platform BOM, a pinned version) fails when the verifier is
 * created, with a message naming the library, instead of with a {@link NoSuchMethodError} on the first token.
 *
 * <p>Minimums: Nimbus JOSE+JWT {@value #NIMBUS_MINIMUM} (the {@code RefreshAheadCachingJWKSetSource} constructor
 * that takes a {@code ScheduledExecutorService}), Caffeine {@value #CAFFEINE_MINIMUM} ({@code Expiry.creating}), Bouncy Castle
 * {@value #BOUNCY_CASTLE_MINIMUM} (optional; the oldest release the tests run with). A version that cannot be read
 * (a shaded or repackaged jar without a manifest version) is not checked.
 */
public final class LibraryVersions {

    /** The oldest Nimbus JOSE+JWT the core supports. */
    public static final String NIMBUS_MINIMUM = "10.5";
    /** The oldest Caffeine the core supports. */
    public static final String CAFFEINE_MINIMUM = "3.2.0";
    /** The oldest Bouncy Castle ({@code bcprov-jdk18on}) the core supports, when it is present. */
    public static final String BOUNCY_CASTLE_MINIMUM = "1.78.1";

    private static final List<Library> LIBRARIES = List.of(
            new Library("Nimbus JOSE+JWT", "com/nimbusds/jose/JWSVerifier.class",
                    "com.nimbusds", "nimbus-jose-jwt", "com.nimbusds.nimbus-jose-jwt", NIMBUS_MINIMUM),
            new Library("Caffeine", "com/github/benmanes/caffeine/cache/Caffeine.class",
                    "com.github.ben-manes.caffeine", "caffeine", "com.github.ben-manes.caffeine", CAFFEINE_MINIMUM),
            new Library("Bouncy Castle (bcprov-jdk18on)", "org/bouncycastle/jce/provider/BouncyCastleProvider.class",
                    "org.bouncycastle", "bcprov-jdk18on", "bcprov", BOUNCY_CASTLE_MINIMUM));

    private static volatile String problems;

    private LibraryVersions() {
    }

    /**
     * Fails when a library on the core's class path is older than the core supports; the check runs once.
     *
     * @throws IllegalStateException naming each library that is too old, with its found and minimum versions
     */
    public static void requireSupported() {
        String found = problems;
        if (found == null) {
            found = String.join("; ", check(LibraryVersions.class.getClassLoader(), LIBRARIES));
            problems = found;
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException(found);
        }
    }

    /**
     * One message per library that {@code loader} finds in a version older than its minimum; libraries that are
     * absent or whose version cannot be read give none.
     */
    static List<String> check(ClassLoader loader, List<Library> libraries) {
        List<String> out = new ArrayList<>();
        for (Library library : libraries) {
            Optional<String> version = versionOf(loader, library);
            if (version.isPresent() && compare(version.get(), library.minimum()) < 0) {
                out.add(library.name() + " " + version.get() + " is on the class path, but the Logto resource SDK"
                        + " needs " + library.minimum() + " or newer: upgrade " + library.groupId() + ":"
                        + library.artifactId() + " (a framework platform BOM may pin the older version)");
            }
        }
        return out;
    }

    /** The libraries {@link #requireSupported()} checks. */
    static List<Library> libraries() {
        return LIBRARIES;
    }

    /**
     * The version of the jar that holds {@code library}'s marker class: its Maven {@code pom.properties}, else its
     * manifest's {@code Implementation-Version} or {@code Bundle-Version} when the manifest is the library's own
     * ({@code Bundle-SymbolicName}); empty when the class is absent or the jar
     * says nothing.
     */
    static Optional<String> versionOf(ClassLoader loader, Library library) {
        URL marker = loader.getResource(library.markerClass());
        if (marker == null) {
            return Optional.empty();
        }
        String url = marker.toString();
        int root = url.lastIndexOf("!/");
        if (root < 0) {
            return Optional.empty(); // classes in a directory: a development build, nothing to read
        }
        String base = url.substring(0, root + 2);
        try (InputStream in = open(base + "META-INF/maven/" + library.groupId() + "/" + library.artifactId()
                + "/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            if (version != null) {
                return Optional.of(version);
            }
        } catch (IOException | RuntimeException absent) {
            // no pom.properties (a Gradle-built jar): the manifest may say
        }
        try (InputStream in = open(base + "META-INF/MANIFEST.MF")) {
            var attributes = new Manifest(in).getMainAttributes();
            // in an uber jar the manifest is the application's, not the library's: trust only the library's own
            String bundle = attributes.getValue("Bundle-SymbolicName");
            if (bundle == null || !bundle.split(";")[0].trim().equals(library.bundleName())) {
                return Optional.empty();
            }
            String version = attributes.getValue("Implementation-Version");
            return Optional.ofNullable(version != null ? version : attributes.getValue("Bundle-Version"));
        } catch (IOException | RuntimeException absent) {
            return Optional.empty();
        }
    }

    private static InputStream open(String url) throws IOException {
        URLConnection connection = new URL(url).openConnection();
        connection.setUseCaches(false); // don't keep the application's jar open or cached
        return connection.getInputStream();
    }

    /**
     * Compares dotted versions by their numeric parts ({@code 10.10 > 10.5}); a qualifier after the numbers
     * ({@code -SNAPSHOT}, {@code .Final}) is ignored.
     */
    static int compare(String left, String right) {
        int[] a = numbers(left);
        int[] b = numbers(right);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        List<Integer> parts = new ArrayList<>();
        for (String part : version.trim().split("\\.")) {
            int end = 0;
            while (end < part.length() && Character.isDigit(part.charAt(end))) {
                end++;
            }
            if (end == 0) {
                break;
            }
            parts.add(Integer.parseInt(part.substring(0, Math.min(end, 9))));
            if (end < part.length()) {
                break;
            }
        }
        return parts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A library the core checks: a display name, a class only its jar holds, its Maven coordinates, the
     * {@code Bundle-SymbolicName} of its manifest and the minimum version.
     */
    record Library(String name, String markerClass, String groupId, String artifactId, String bundleName,
            String minimum) {
    }
}
