package io.tideline.platform.internal;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.RefusedJar;
import io.tideline.api.platform.TrustDecision;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code trust [status] | trust check JAR | trust allow JAR|REFUSED-NAME}: the deploy trust's mode,
 * trust store, allow-list and refused jars; checking a jar; allowing one by its SHA-256 (a refused
 * one moves back into {@code deploy/}). A thin command over {@link TrustDesk}.
 */
@Component(service = Command.class)
public final class TrustCommand implements Command {

    private final TrustDesk trust;

    /** Activated by SCR with the running deploy trust. */
    @Activate
    public TrustCommand(@Reference TrustDesk trust) {
        this.trust = trust;
    }

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public String summary() {
        return "hot-deploy trust: mode, trust store, allow-list and refused jars; allow a jar by its SHA-256."
                + " Off until deploy/" + TrustSettingCheck.CFG_FILE + " says mode=trusted (do that when installing"
                + " Tideline for others); a damaged setting means trusted";
    }

    @Override
    public String usage() {
        return "trust [status] | trust check JAR | trust allow JAR|REFUSED-NAME";
    }

    @Override
    public int run(CommandRequest request) throws IOException {
        List<String> args = request.args();
        String sub = args.isEmpty() ? "status" : args.get(0);
        if (sub.equals("status") && args.size() <= 1) {
            return status(request.out());
        }
        if (sub.equals("check") && args.size() == 2) {
            Path jar = request.path(args.get(1));
            if (!Files.isRegularFile(jar)) {
                request.err().println("trust check: no file " + jar.toAbsolutePath());
                return FAILED;
            }
            TrustDecision d = trust.check(jar);
            request.out().printf("%s: %s: %s (SHA-256 %s)%n", jar, d.trusted() ? "trusted" : "refused", d.reason(),
                    d.sha256());
            return d.trusted() ? OK : FAILED;
        }
        if (sub.equals("allow") && args.size() == 2) {
            return allow(args.get(1), request.path(args.get(1)), request.out(), request.err());
        }
        request.err().println("usage: " + usage());
        return USAGE;
    }

    private int status(PrintStream out) {
        TrustMaterial material = trust.material();
        out.println("Deploy trust");
        out.printf("  mode         %s%s%n", trust.mode().name().toLowerCase(Locale.ROOT),
                trust.holding() ? " (deploy/ held back until " + DeployTrust.PID + ".cfg is read)" : "");
        out.printf("  deploy       %s%n", trust.deployDir());
        out.printf("  trust store  %s (%d certificate%s)%n", trust.trustStore(), material.certificates().size(),
                material.certificates().size() == 1 ? "" : "s");
        material.certificates().forEach(c -> out.printf("               %s%n", JarTrust.subject(c)));
        out.printf("  allow-list   %s (%d SHA-256)%n", trust.allowList(), material.allowed().size());
        out.printf("  refused to   %s%n", trust.refusedDir());
        trust.settingProblems().forEach(p -> out.printf("  problem      %s; checking trust until it is fixed%n", p));
        material.problems().forEach(p -> out.printf("  problem      %s%n", p));
        List<RefusedJar> list = trust.refused();
        out.printf("%nRefused jars (%d)%s%n", list.size(), list.isEmpty() ? ": none" : ":");
        for (RefusedJar r : list) {
            out.printf("  %s  %s  %s%n      SHA-256 %s%n      moved to %s%n", r.refusedAt(), r.fileName(), r.reason(),
                    r.sha256(), r.movedTo());
        }
        return OK;
    }

    private int allow(String arg, Path jar, PrintStream out, PrintStream err) throws IOException {
        RefusedJar refusedJar = trust.refusedNamed(arg).orElse(null);
        Path refusedDir = trust.refusedDir();
        if (!Files.isRegularFile(jar)) {
            if (refusedJar == null || !Files.isRegularFile(refusedJar.movedTo())) {
                err.println("trust allow: no file " + jar.toAbsolutePath() + " and no refused jar named " + arg
                        + " in " + refusedDir);
                return FAILED;
            }
            jar = refusedJar.movedTo();
        }
        String sha = trust.allow(jar);
        out.printf("allowed %s: SHA-256 %s is on the allow-list %s%n", jar.getFileName(), sha, trust.allowList());
        Path deployDir = trust.deployDir();
        if (jar.toAbsolutePath().normalize().startsWith(refusedDir.toAbsolutePath().normalize()) && refusedJar != null
                && deployDir != null) {
            Path back = deployDir.resolve(refusedJar.fileName());
            if (Files.exists(back)) {
                out.printf("not moved back: %s exists already%n", back);
            } else {
                trust.moveBack(refusedJar, jar, back);
                out.printf("moved back to %s; it is installed within a second%n", back);
            }
        }
        return OK;
    }
}
