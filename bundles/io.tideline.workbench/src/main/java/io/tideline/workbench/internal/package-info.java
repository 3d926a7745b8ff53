/** The workbench window; private to this bundle. */
package io.tideline.workbench.internal;
