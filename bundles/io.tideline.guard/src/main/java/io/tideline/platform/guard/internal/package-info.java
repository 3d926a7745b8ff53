/**
 * The record of plugin starts cancelled for taking too long, which the guard's checkpoints read
 * and the platform writes. Exported with the mandatory attribute {@code tideline=platform} (see
 * {@code bnd.bnd}): only the platform imports it.
 */
package io.tideline.platform.guard.internal;
