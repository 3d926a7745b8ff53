/** Command dispatch for the launcher and the Gogo shell, and the built-in commands; private. */
package io.tideline.cli.internal;
