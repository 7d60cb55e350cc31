// Checks every XML part of DOCX packages against the ECMA-376 (ISO/IEC 29500)
// transitional WordprocessingML and DrawingML schemas and the OPC schemas,
// with the JDK's own XML Schema validator. Attributes and elements of the
// namespaces a part declares ignorable (mc:Ignorable) are removed first, as
// a consumer does, and so are the mc: attributes themselves.
//
// Usage: java Validate.java TRANSITIONAL_DIR OPC_DIR FILE.docx...
// Prints each part with its errors; exits 1 if any part has one.

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

public class Validate {
    static final String MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    // The Dublin Core elements and terms the core properties may hold, as
    // plain text: their own schemas live on dublincore.org.
    static final String DC = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' "
        + "targetNamespace='http://purl.org/dc/elements/1.1/' elementFormDefault='qualified'>"
        + "<xs:element name='title' type='xs:string'/><xs:element name='subject' type='xs:string'/>"
        + "<xs:element name='creator' type='xs:string'/><xs:element name='description' type='xs:string'/>"
        + "<xs:element name='identifier' type='xs:string'/><xs:element name='language' type='xs:string'/>"
        + "</xs:schema>";
    static final String DCTERMS = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' "
        + "targetNamespace='http://purl.org/dc/terms/' elementFormDefault='qualified'>"
        + "<xs:element name='created' type='xs:anyType'/><xs:element name='modified' type='xs:anyType'/>"
        + "</xs:schema>";

    public static void main(String[] args) throws Exception {
        Path wml = Path.of(args[0]);
        Path opc = Path.of(args[1]);
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, base) -> {
            if (systemId != null && !systemId.startsWith("http")) return null;
            if (XML_NS.equals(namespace)) return input(wml.resolve("xml.xsd").toFile());
            if ("http://purl.org/dc/elements/1.1/".equals(namespace)) return text(DC);
            if ("http://purl.org/dc/terms/".equals(namespace)) return text(DCTERMS);
            return null;
        });
        Schema word = factory.newSchema(new Source[] {
            new StreamSource(wml.resolve("wml.xsd").toFile()),
            new StreamSource(wml.resolve("dml-main.xsd").toFile()),
        });
        Schema drawing = factory.newSchema(wml.resolve("dml-main.xsd").toFile());
        Schema types = factory.newSchema(opc.resolve("opc-contentTypes.xsd").toFile());
        Schema relationships = factory.newSchema(opc.resolve("opc-relationships.xsd").toFile());
        Schema extended = factory.newSchema(wml.resolve("shared-documentPropertiesExtended.xsd").toFile());
        Schema custom = factory.newSchema(wml.resolve("shared-documentPropertiesCustom.xsd").toFile());
        Schema core = factory.newSchema(opc.resolve("opc-coreProperties.xsd").toFile());
        int errors = 0;
        for (int i = 2; i < args.length; i++) {
            System.out.println("=== " + args[i]);
            try (ZipFile zip = new ZipFile(args[i])) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = entry.getName();
                    Schema schema = name.equals("[Content_Types].xml") ? types
                        : name.endsWith(".rels") ? relationships
                        : name.equals("docProps/core.xml") ? core
                        : name.equals("docProps/app.xml") ? extended
                        : name.equals("docProps/custom.xml") ? custom
                        : name.startsWith("word/theme/") ? drawing
                        : name.startsWith("word/") && name.endsWith(".xml") ? word
                        : null;
                    if (schema == null) {
                        System.out.println("  [not checked] " + name);
                        continue;
                    }
                    List<String> found = check(schema, zip.getInputStream(entry).readAllBytes());
                    System.out.println("  " + (found.isEmpty() ? "[ok] " : "[" + found.size() + " errors] ") + name);
                    for (String error : found) System.out.println("      " + error);
                    errors += found.size();
                }
            }
        }
        System.out.println("schema errors: " + errors);
        System.exit(errors == 0 ? 0 : 1);
    }

    static List<String> check(Schema schema, byte[] xml) throws Exception {
        DocumentBuilderFactory builder = DocumentBuilderFactory.newInstance();
        builder.setNamespaceAware(true);
        Document document = builder.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Set<String> ignorable = new HashSet<>();
        String declared = document.getDocumentElement().getAttributeNS(MC, "Ignorable");
        for (String prefix : declared.trim().split("\\s+")) {
            String namespace = prefix.isEmpty() ? null : document.getDocumentElement().lookupNamespaceURI(prefix);
            if (namespace != null) ignorable.add(namespace);
        }
        strip(document.getDocumentElement(), ignorable);
        List<String> found = new ArrayList<>();
        var validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) { }
            public void error(SAXParseException e) { found.add(e.getMessage()); }
            public void fatalError(SAXParseException e) { found.add(e.getMessage()); }
        });
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXParseException e) {
            // Already recorded by the handler.
        }
        return found;
    }

    // Removes the mc: attributes and whatever belongs to an ignorable namespace.
    static void strip(Element element, Set<String> ignorable) {
        var attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Attr attribute = (Attr) attributes.item(i);
            String namespace = attribute.getNamespaceURI();
            if (MC.equals(namespace) || ignorable.contains(namespace)) element.removeAttributeNode(attribute);
        }
        var children = element.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node child = children.item(i);
            if (!(child instanceof Element)) continue;
            if (ignorable.contains(child.getNamespaceURI())) element.removeChild(child);
            else strip((Element) child, ignorable);
        }
    }

    static org.w3c.dom.ls.LSInput input(File file) {
        try {
            return text(java.nio.file.Files.readString(file.toPath()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static org.w3c.dom.ls.LSInput text(String schema) {
        try {
            var registry = org.w3c.dom.bootstrap.DOMImplementationRegistry.newInstance();
            var ls = (org.w3c.dom.ls.DOMImplementationLS) registry.getDOMImplementation("LS");
            var input = ls.createLSInput();
            input.setStringData(schema);
            return input;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
