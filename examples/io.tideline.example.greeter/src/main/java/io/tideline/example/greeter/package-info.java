/** An example plugin: a configurable headless command. */
package io.tideline.example.greeter;
