/** The feed scheduler; private to this bundle. */
package io.tideline.feeds;
