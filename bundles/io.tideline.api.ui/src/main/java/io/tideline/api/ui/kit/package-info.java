/**
 * The view kit: what every view bundle needs besides its own widgets, so no bundle (shipped or
 * plugin) writes it again. {@link io.tideline.api.ui.kit.Messages} loads a bundle's localised
 * strings with English as the fallback; {@link io.tideline.api.ui.kit.Background} runs slow work
 * off the UI thread and hands results back only to a live view; {@link
 * io.tideline.api.ui.kit.SimpleViewFactory} is a {@link io.tideline.api.ui.ViewFactory} made of
 * a spec and a constructor; {@link io.tideline.api.ui.kit.ViewSettings} reads and writes one
 * setting of a view instance; {@link io.tideline.api.ui.kit.ViewBase} is what every view
 * instance holds (top composite, context, strings, background).
 *
 * <p>1.1: {@link io.tideline.api.ui.kit.ViewBase}, and {@link
 * io.tideline.api.ui.kit.Messages#age} with the kit's own wording of a stale age.
 */
@Export
@Version("1.1.0")
package io.tideline.api.ui.kit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
