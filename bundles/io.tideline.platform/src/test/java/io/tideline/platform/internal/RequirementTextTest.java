package io.tideline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequirementTextTest {

    @Test
    void aPackageImportReadsAsNameAndRange() {
        assertThat(RequirementText.describe("osgi.wiring.package",
                "(&(osgi.wiring.package=com.acme.feed)(version>=1.2.0)(!(version>=2.0.0)))"))
                .isEqualTo("package com.acme.feed [1.2.0,2.0.0)");
        assertThat(RequirementText.verb("osgi.wiring.package")).isEqualTo("imports");
    }

    @Test
    void openAndExactRangesReadNaturally() {
        assertThat(RequirementText.describe("osgi.wiring.package", "(&(osgi.wiring.package=a.b)(version>=1.0.0))"))
                .isEqualTo("package a.b 1.0.0 or later");
        assertThat(RequirementText.describe("osgi.wiring.package", "(osgi.wiring.package=a.b)"))
                .isEqualTo("package a.b");
        assertThat(RequirementText.describe("osgi.ee", "(&(osgi.ee=JavaSE)(version=25))"))
                .isEqualTo("execution environment JavaSE 25");
    }

    @Test
    void otherNamespacesKeepTheirName() {
        assertThat(RequirementText.describe("osgi.extender",
                "(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))"))
                .isEqualTo("extender osgi.component [1.5.0,2.0.0)");
        assertThat(RequirementText.verb("osgi.extender")).isEqualTo("requires");
        assertThat(RequirementText.describe("com.acme.cap", "(x=1)")).isEqualTo("com.acme.cap (x=1)");
    }
}
