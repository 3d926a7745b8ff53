package io.tideline.views.admin.settings;

/** The widget a setting is edited with. */
public enum FieldKind {
    /** Free text (one line, or one value per line when the attribute holds several). */
    TEXT,
    /** Text that must parse as the attribute's number type, within its bounds if any. */
    NUMBER,
    /** A check box. */
    BOOLEAN,
    /** A drop-down of the attribute's options. */
    CHOICE,
    /** A password field that never shows the stored value; left empty it keeps it. */
    SECRET
}
