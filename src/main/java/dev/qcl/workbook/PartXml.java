package dev.qcl.workbook;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One part of a workbook read as XML by the Aalto StAX parser (twice as fast as the JDK's on a large
 * sheet: docs/workbooks.md): no DTD support, no external entities, and a DOCTYPE refused when it is met
 * (before the root element, so before any content is used). Reading problems become
 * {@link WorkbookException}s naming the part.
 */
final class PartXml implements AutoCloseable {
    private final String part;
    private final InputStream in;
    private final XMLStreamReader xml;

    private PartXml(String part, InputStream in) {
        this.part = part;
        this.in = in;
        try {
            this.xml = factory().createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            close();
            throw failure(part, e);
        }
    }

    static PartXml open(String part, InputStream in) {
        return new PartXml(part, in);
    }

    /**
     * A factory per part, made directly (not looked up, so no other StAX implementation on the class path
     * is used): its settings are never shared between two threads (the check of a file and a run's reader).
     */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    /** The next event (as {@link XMLStreamReader#next()}); a DOCTYPE is refused. */
    int next() {
        try {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw WorkbookException.doctype(part);
            }
            return event;
        } catch (XMLStreamException e) {
            throw failure(part, e);
        }
    }

    boolean hasNext() {
        try {
            return xml.hasNext();
        } catch (XMLStreamException e) {
            throw failure(part, e);
        }
    }

    /** Moves to the next start of an element named {@code localName}, or the end; false at the end. */
    boolean toStart(String localName) {
        while (hasNext()) {
            if (next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(localName)) {
                return true;
            }
        }
        return false;
    }

    /** The text of the element whose start the reader is at; the reader ends at its end. */
    String elementText() {
        try {
            return xml.getElementText();
        } catch (XMLStreamException e) {
            throw failure(part, e);
        }
    }

    /** Skips the element whose start the reader is at, with everything in it. */
    void skipElement() {
        int depth = 1;
        while (depth > 0) {
            int event = next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    String localName() {
        return xml.getLocalName();
    }

    /** An attribute of the current start element by its local name, in no namespace; null when absent. */
    String attribute(String localName) {
        return xml.getAttributeValue(null, localName);
    }

    /** An attribute of the current start element by namespace and local name; null when absent. */
    String attribute(String namespace, String localName) {
        return xml.getAttributeValue(namespace, localName);
    }

    String part() {
        return part;
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // the part was read or failed already; closing it can add nothing
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // as above
            }
        }
    }

    /** What went wrong in reading {@code part}, as one line: a zip bomb, a DOCTYPE, or damaged XML. */
    static WorkbookException failure(String part, Throwable e) {
        for (Throwable cause = e; cause != null; cause = causeOf(cause)) {
            if (cause instanceof WorkbookException workbook) {
                return workbook;
            }
            String message = cause.getMessage();
            // POI's ZipSecureFile limits (Workbook sets them) say so in the message of a plain IOException
            if (message != null && message.startsWith("Zip bomb detected")) {
                return WorkbookException.bomb(part);
            }
            // the parsers of POI (content types, relationships) refuse a DOCTYPE with this word in the message
            if (message != null && message.contains("DOCTYPE")) {
                return WorkbookException.doctype(part);
            }
        }
        return WorkbookException.unreadable(part + ": " + e.getMessage());
    }

    private static Throwable causeOf(Throwable e) {
        if (e.getCause() != null) {
            return e.getCause();
        }
        return e instanceof XMLStreamException stream ? stream.getNestedException() : null;
    }
}
