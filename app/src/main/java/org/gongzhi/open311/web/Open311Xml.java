package org.gongzhi.open311.web;

import java.io.StringWriter;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import tools.jackson.databind.JsonNode;

/**
 * GeoReport v2's XML form of a response built as JSON: the root element is named for the response ({@code services},
 * {@code service_requests}, {@code errors} …), an array's items are named for the array ({@code service}, {@code
 * request}, {@code attribute} …), fields become elements of the same name, and a null field an empty element. Written
 * with the JDK's StAX writer, so text is escaped as XML requires.
 */
final class Open311Xml {

    /** The element name of an array's items, by the array's name. */
    private static final Map<String, String> ITEMS = Map.of(
            "services", "service",
            "service_requests", "request",
            "errors", "error",
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private Open311Xml() {}

    static String write(String root, JsonNode node) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            element(xml, root, node);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode node) throws XMLStreamException {
        if (node == null || node.isNull()) {
            xml.writeEmptyElement(name);
            return;
        }
        xml.writeStartElement(name);
        if (node.isArray()) {
            String item = ITEMS.getOrDefault(name, "item");
            for (JsonNode child : node) {
                element(xml, item, child);
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                element(xml, field.getKey(), field.getValue());
            }
        } else {
            xml.writeCharacters(node.asString());
        }
        xml.writeEndElement();
    }
}
