package io.tideline.views.admin.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small jars with the given manifest headers. */
final class TestJars {

    private TestJars() {
    }

    static Path jar(Path file, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            // The manifest is all a bundle needs.
        }
        return file;
    }

    static Path bundle(Path file, String symbolicName, String... extraHeaders) throws IOException {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", symbolicName, "Bundle-Version", "1.2.3"));
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            headers.put(extraHeaders[i], extraHeaders[i + 1]);
        }
        return jar(file, headers);
    }
}
