package io.tideline.views.desk.report;

/** HTML escaping for text and attribute values. */
public final class Html {

    private Html() {
    }

    /**
     * {@code text} safe inside an element or a quoted attribute: {@code & < > " '} become
     * entities, other control characters than tab, line feed and carriage return are dropped;
     * {@code null} becomes the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
