/**
 * The desk: the headless floor between the engine and the views (see
 * {@link io.tideline.api.desk.Desk}). Private to the bundle; nothing here is exported.
 */
package io.tideline.desk;
