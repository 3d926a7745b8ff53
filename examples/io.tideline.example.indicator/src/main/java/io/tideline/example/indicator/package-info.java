/** An example indicator plugin: percent momentum over N bars. */
package io.tideline.example.indicator;
