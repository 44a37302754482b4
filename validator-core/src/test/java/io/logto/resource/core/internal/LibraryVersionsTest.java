package io.logto.resource.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.logto.resource.core.internal.LibraryVersions.Library;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryVersionsTest {

    private static final Library NIMBUS = LibraryVersions.libraries().get(0);

    @TempDir
    Path dir;

    @Test
    void theLibrariesThisBuildTestsWithAreSupported() {
        assertThatCode(LibraryVersions::requireSupported).doesNotThrowAnyException();
        assertThat(LibraryVersions.check(getClass().getClassLoader(), LibraryVersions.libraries())).isEmpty();
    }

    @Test
    void readsTheVersionsOfTheJarsOnTheClassPath() {
        ClassLoader loader = getClass().getClassLoader();
        for (Library library : LibraryVersions.libraries()) {
            assertThat(LibraryVersions.versionOf(loader, library)).as(library.name())
                    .hasValueSatisfying(v -> assertThat(v).matches("\\d+\\.\\d+.*"));
        }
    }

    @Test
    void anOlderNimbusFailsNamingTheLibraryTheFoundAndTheMinimumVersion() throws IOException {
        Path jar = jar("nimbus-jose-jwt-10.4.jar", NIMBUS, "10.4", null);

        List<String> problems = check(jar);

        assertThat(problems).singleElement().asString()
                .contains("Nimbus JOSE+JWT", "10.4", LibraryVersions.NIMBUS_MINIMUM, "com.nimbusds:nimbus-jose-jwt");
    }

    @Test
    void theManifestVersionIsReadWhenTheJarHasNoPomProperties() throws IOException {
        Library caffeine = LibraryVersions.libraries().get(1);
        Path jar = jar("caffeine-3.1.8.jar", caffeine, null, "3.1.8");

        assertThat(check(jar)).singleElement().asString().contains("Caffeine", "3.1.8", "3.2.0");
    }

    @Test
    void theMinimumAndNewerVersionsPass() throws IOException {
        assertThat(check(jar("a.jar", NIMBUS, LibraryVersions.NIMBUS_MINIMUM, null))).isEmpty();
        assertThat(check(jar("b.jar", NIMBUS, "10.10", null))).isEmpty();
        assertThat(check(jar("c.jar", NIMBUS, "11.0-SNAPSHOT", null))).isEmpty();
    }

    @Test
    void anUberJarsOwnManifestIsNotTakenForTheLibrarys() throws IOException {
        Library caffeine = LibraryVersions.libraries().get(1);
        Path jar = jar("my-app-0.1.0.jar", caffeine, null, "0.1.0", null);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(LibraryVersions.versionOf(loader, caffeine)).isEmpty();
        }
        assertThat(check(jar)).isEmpty();
    }

    @Test
    void aJarThatDoesNotSayItsVersionIsNotChecked() throws IOException {
        assertThat(check(jar("shaded.jar", NIMBUS, null, null))).isEmpty();
    }

    @Test
    void anAbsentLibraryIsNotChecked() {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(LibraryVersions.check(empty, LibraryVersions.libraries())).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void versionsCompareByTheirNumbers() {
        assertThat(LibraryVersions.compare("10.10", "10.5")).isPositive();
        assertThat(LibraryVersions.compare("10.5", "10.5.0")).isZero();
        assertThat(LibraryVersions.compare("1.78", "1.78.1")).isNegative();
        assertThat(LibraryVersions.compare("3.2.0.Final", "3.2")).isZero();
        assertThat(LibraryVersions.compare("9.37.3", "10.5")).isNegative();
    }

    private List<String> check(Path jar) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            return LibraryVersions.check(loader, LibraryVersions.libraries());
        }
    }

    /** A jar holding the library's marker class entry, with the version in pom.properties and/or the manifest. */
    private Path jar(String name, Library library, String pomVersion, String manifestVersion) throws IOException {
        return jar(name, library, pomVersion, manifestVersion, library.bundleName());
    }

    private Path jar(String name, Library library, String pomVersion, String manifestVersion, String bundle)
            throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (manifestVersion != null) {
            manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, manifestVersion);
        }
        if (bundle != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", bundle + ";singleton:=true");
        }
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(library.markerClass()));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
            if (pomVersion != null) {
                out.putNextEntry(new JarEntry("META-INF/maven/" + library.groupId() + "/" + library.artifactId()
                        + "/pom.properties"));
                out.write(("groupId=" + library.groupId() + "\nartifactId=" + library.artifactId() + "\nversion="
                        + pomVersion + "\n").getBytes(StandardCharsets.ISO_8859_1));
                out.closeEntry();
            }
        }
        return jar;
    }
}
