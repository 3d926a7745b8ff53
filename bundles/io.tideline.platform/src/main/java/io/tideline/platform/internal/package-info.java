/** Implementation of the platform services; private to this bundle. */
package io.tideline.platform.internal;
