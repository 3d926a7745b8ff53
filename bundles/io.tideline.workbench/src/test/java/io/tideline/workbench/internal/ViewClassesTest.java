package io.tideline.workbench.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.support.jar.BundleClasses;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * The view bundle's classes are loaded before its view is built, in a real Felix with a bundle
 * compiled here: every loadable class once, none initialised, a class that cannot load skipped.
 */
class ViewClassesTest {

    @TempDir
    Path dir;
    private Framework felix;

    @AfterEach
    void stop() throws Exception {
        if (felix != null) {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    @Test
    void everyClassOfTheBundleIsLoadedOnceWithoutRunningItsCode() throws Exception {
        // Plugin: a view with a nested class and a static initialiser that must not run; Orphan
        // extends a class left out of the jar, so it cannot load.
        Path src = Files.createDirectories(dir.resolve("src/com/acme"));
        Files.writeString(src.resolve("View.java"), """
                package com.acme;
                public class View {
                    public static boolean initialised;
                    static { initialised = true; System.setProperty("com.acme.initialised", "yes"); }
                    public static class Part { }
                }
                """);
        Files.writeString(src.resolve("Missing.java"), "package com.acme; public class Missing { }\n");
        Files.writeString(src.resolve("Orphan.java"), "package com.acme; public class Orphan extends Missing { }\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), src.resolve("View.java").toString(),
                src.resolve("Missing.java").toString(), src.resolve("Orphan.java").toString())).isZero();
        Path jar = dir.resolve("views.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        m.getMainAttributes().putValue(Constants.BUNDLE_SYMBOLICNAME, "com.acme.views");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            for (String name : List.of("View.class", "View$Part.class", "Orphan.class")) {
                j.putNextEntry(new JarEntry("com/acme/" + name));
                j.write(Files.readAllBytes(classes.resolve("com/acme/" + name)));
                j.closeEntry();
            }
        }
        felix = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        Bundle bundle = felix.getBundleContext().installBundle(jar.toUri().toString());
        ViewClasses preload = new ViewClasses();

        assertThat(preload.preload(bundle)).as("View and View$Part; Orphan cannot load").isEqualTo(2);
        assertThat(System.getProperty("com.acme.initialised")).as("no static initialiser ran").isNull();
        assertThat(preload.preload(bundle)).as("the same bundle again").isZero();
    }

    @Test
    void entriesThatAreNotClassesOfThePluginAreNotNamed() {
        assertThat(BundleClasses.className("/com/acme/View$1.class")).isEqualTo("com.acme.View$1");
        assertThat(BundleClasses.className("com/acme/View.class")).isEqualTo("com.acme.View");
        assertThat(BundleClasses.className("/module-info.class")).isNull();
        assertThat(BundleClasses.className("/com/acme/package-info.class")).isNull();
        assertThat(BundleClasses.className("/META-INF/versions/21/com/acme/View.class")).isNull();
    }
}
