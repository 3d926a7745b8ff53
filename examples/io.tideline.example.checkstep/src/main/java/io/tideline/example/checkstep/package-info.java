/** An example checklist step plugin: credit stress from the high-yield spread. */
package io.tideline.example.checkstep;
