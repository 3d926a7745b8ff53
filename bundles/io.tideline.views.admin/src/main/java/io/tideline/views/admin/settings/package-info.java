/**
 * The Settings view: a form for every component that describes its configuration with Metatype,
 * written through ConfigAdmin. {@link io.tideline.views.admin.settings.FormModel} holds the rules
 * (which widget, which checks, what is written) apart from SWT so they are tested on their own.
 */
package io.tideline.views.admin.settings;
