/**
 * The Plugins view: installed bundles with their state, services and problems, the deploy
 * folder, and the jars the deploy trust check refused.
 */
package io.tideline.views.admin.plugins;
