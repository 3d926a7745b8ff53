package io.tideline.workbench.internal.layout;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A part of a layout: a split of nodes side by side, or a stack of view tabs. Immutable. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = Split.class, name = "split"),
    @JsonSubTypes.Type(value = Stack.class, name = "stack")})
public sealed interface Node permits Split, Stack {

    /** The id, unique within the perspective. */
    String id();
}
