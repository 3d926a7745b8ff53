/** The indicator engine; private to this bundle. */
package io.tideline.engine;
