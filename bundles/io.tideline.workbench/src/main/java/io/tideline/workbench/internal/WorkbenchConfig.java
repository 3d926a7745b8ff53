package io.tideline.workbench.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The workbench's settings, drawn as a form by the Settings view. */
@ObjectClassDefinition(id = "io.tideline.workbench", name = "Workbench",
        description = "The Tideline window: its language.")
@interface WorkbenchConfig {

    @AttributeDefinition(name = "Language", description = "The language of menus, dialogs and views.",
            options = {@Option(label = "English", value = "en"), @Option(label = "Deutsch", value = "de"),
                @Option(label = "\u4e2d\u6587", value = "zh")})
    String language() default "en";
}
