/** The workspace's role bindings, saved as JSON under the data directory; private to this bundle. */
package io.tideline.workspace;
