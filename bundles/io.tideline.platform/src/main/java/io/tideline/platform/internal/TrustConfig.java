package io.tideline.platform.internal;

import io.tideline.api.platform.DeployTrust;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The admin setting for hot-deploy trust, PID {@value DeployTrust#PID}; the settings dialog draws
 * it from Metatype, and {@code deploy/io.tideline.deploy.trust.cfg} sets it too. Labels are
 * translated in {@code OSGI-INF/l10n/deploytrust*.properties}.
 */
@ObjectClassDefinition(id = DeployTrust.PID, name = "%name", description = "%description",
        localization = "OSGI-INF/l10n/deploytrust")
@interface TrustConfig {

    /** {@code off} (development) or {@code trusted}. */
    @AttributeDefinition(name = "%mode.name", description = "%mode.description", options = {
        @Option(value = "off", label = "%mode.off"), @Option(value = "trusted", label = "%mode.trusted")})
    String mode() default "off";

    /** A PKCS12/JKS file or a folder of PEM/DER certificates; empty: DATA_DIR/workspace/trust/truststore.p12. */
    @AttributeDefinition(name = "%truststore.name", description = "%truststore.description", required = false)
    String truststore() default "";

    /** The key store's password; the leading dot keeps it out of service properties. */
    @AttributeDefinition(name = "%password.name", description = "%password.description", required = false,
            type = AttributeType.PASSWORD)
    String _truststore_password() default "changeit";

    /** The allow-list file; empty: DATA_DIR/workspace/trust/allowed-sha256.txt. */
    @AttributeDefinition(name = "%allowlist.name", description = "%allowlist.description", required = false)
    String allowlist() default "";
}
