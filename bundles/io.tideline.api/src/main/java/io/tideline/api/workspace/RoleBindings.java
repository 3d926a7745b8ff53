package io.tideline.api.workspace;

import io.tideline.api.series.SeriesId;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Which series plays which role in the user's workspace, persisted with the workspace. Every
 * change posts {@link Roles#TOPIC_CHANGED}. Thread-safe.
 *
 * <p><b>A role or a series id.</b> Wherever the user may name either (an indicator's input, a
 * chart's series, a scenario's measure), one rule tells them apart: <em>text with a {@code ':'}
 * is a series id, text without one is a role.</em> It can never be ambiguous, because every series
 * id has a colon ({@code source:symbol[:field]}, see {@link SeriesId#parse}) and no role name may
 * contain one ({@link Roles#check} refuses it). {@link #isSeriesId}, {@link #seriesId} and
 * {@link #resolve} are that rule; nothing else in Tideline sniffs for a colon.
 */
@ProviderType
public interface RoleBindings {

    /** Every bound role and its series, sorted by role. */
    Map<String, SeriesId> all();

    /** The series bound to {@code role}, if any. */
    Optional<SeriesId> get(String role);

    /**
     * Binds a role to a series (replacing an earlier binding) and saves the workspace.
     *
     * @throws IllegalArgumentException if the role name is malformed (see {@link Roles#check})
     * @throws IOException if the workspace file cannot be written; the binding is then unchanged
     */
    void bind(String role, SeriesId series) throws IOException;

    /**
     * Removes a binding and saves the workspace.
     *
     * @return whether the role was bound
     * @throws IOException if the workspace file cannot be written; the binding is then unchanged
     */
    boolean unbind(String role) throws IOException;

    /**
     * Whether {@code roleOrId} names a series id rather than a role: it contains a {@code ':'}
     * (see the type's Javadoc for why that is never ambiguous). Says nothing about whether the
     * text is a well-formed id or role; {@link #seriesId} checks that.
     *
     * @since 1.3
     */
    static boolean isSeriesId(String roleOrId) {
        return roleOrId.indexOf(':') >= 0;
    }

    /**
     * The series id {@code roleOrId} is, or empty when it is a role name, which the caller looks
     * up ({@link #resolve} does). For a caller that may have no bindings at hand: a role then
     * simply has no series.
     *
     * @throws IllegalArgumentException when the text is neither a series id nor a role name,
     *         quoting it (at most 80 characters) and saying what each looks like
     * @since 1.3
     */
    static Optional<SeriesId> seriesId(String roleOrId) {
        Objects.requireNonNull(roleOrId, "roleOrId");
        try {
            if (isSeriesId(roleOrId)) {
                return Optional.of(SeriesId.parse(roleOrId));
            }
            Roles.check(roleOrId);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String shown = roleOrId.length() <= 80 ? roleOrId
                    : roleOrId.substring(0, 80) + "… (" + roleOrId.length() + " characters)";
            // The series id's own complaint says which part is wrong; the role's would only
            // repeat the rule below, so it is left out.
            throw new IllegalArgumentException("'" + shown + "' is neither a role (lower-case words joined by dots,"
                    + " at most 64 characters, e.g. btc.funding) nor a series id (source:symbol[:field] with a"
                    + " lower-case source, e.g. fred:DGS10)" + (isSeriesId(roleOrId) ? ": " + e.getMessage() : ""), e);
        }
    }

    /**
     * The series {@code roleOrId} stands for: the series id itself when the text has a
     * {@code ':'}, else the series bound to the role, empty when none is.
     *
     * @throws IllegalArgumentException when the text is neither a series id nor a role name (see
     *         {@link #seriesId})
     * @since 1.3
     */
    default Optional<SeriesId> resolve(String roleOrId) {
        Optional<SeriesId> id = seriesId(roleOrId);
        return id.isPresent() ? id : get(roleOrId);
    }
}
