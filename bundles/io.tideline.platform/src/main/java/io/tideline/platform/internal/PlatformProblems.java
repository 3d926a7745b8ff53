package io.tideline.platform.internal;

import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.Problem;
import io.tideline.api.platform.ProblemSource;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The platform's problems for {@code status}: every installed bundle that cannot run (under
 * {@code bundles}), every jar in the deploy folder that cannot be installed (under
 * {@code deploy folder}) and a damaged trust setting, which makes trust strict until it is fixed
 * (under {@code deploy trust}). Thread-safe: both services keep their own state.
 */
@Component(service = ProblemSource.class)
public final class PlatformProblems implements ProblemSource {

    @Reference
    private BundleDiagnostics diagnostics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DeployTrust trust;

    @Override
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        diagnostics.problems().forEach(p -> problems.add(Problem.of("bundles", p.oneLine())));
        diagnostics.deployFileProblems().forEach(p -> problems.add(Problem.of("deploy folder", p.message())));
        DeployTrust t = trust;
        if (t != null) {
            t.settingProblems().forEach(p -> problems.add(Problem.of("deploy trust", "deploy trust setting: " + p
                    + "; trust is checked (mode trusted) until it is fixed")));
        }
        return problems;
    }
}
