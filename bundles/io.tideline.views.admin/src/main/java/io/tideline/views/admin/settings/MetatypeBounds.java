package io.tideline.views.admin.settings;

import io.tideline.views.admin.settings.FormModel.Bounds;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the {@code min}/{@code max} of attributes from a Metatype XML document. The Metatype
 * API only offers {@code validate}, which says that a value is out of range but not what the
 * range is; the XML in the providing bundle ({@code OSGI-INF/metatype/*.xml}) says both, so
 * the form can tell the user "at least 1".
 */
final class MetatypeBounds {

    private MetatypeBounds() {
    }

    /**
     * The bounds of the attributes of the object class {@code ocdId} in one metatype document;
     * empty if the document does not define it.
     *
     * @throws IOException if the document cannot be read or is not XML
     */
    static Map<String, Bounds> read(InputStream xml, String ocdId) throws IOException {
        Map<String, Bounds> out = new HashMap<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // A bundle's XML is not trusted input: no DTDs, no external entities.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Report through the exception only; the default handler also prints to stderr.
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            NodeList ocds = builder.parse(xml).getElementsByTagNameNS("*", "OCD");
            for (int i = 0; i < ocds.getLength(); i++) {
                Element ocd = (Element) ocds.item(i);
                if (!ocdId.equals(ocd.getAttribute("id"))) {
                    continue;
                }
                for (Node n = ocd.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element ad && "AD".equals(ad.getLocalName())) {
                        String min = ad.getAttribute("min");
                        String max = ad.getAttribute("max");
                        if (!min.isEmpty() || !max.isEmpty()) {
                            out.put(ad.getAttribute("id"), new Bounds(min.isEmpty() ? null : min,
                                    max.isEmpty() ? null : max));
                        }
                    }
                }
            }
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a readable metatype document: " + e.getMessage(), e);
        }
        return out;
    }
}
