package org.threatanalysis.reading;

import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import org.apache.poi.util.XMLHelper;

/**
 * StAX readers for the parts of a submission: DTDs and external entities are never resolved
 * (POI's hardened factory), and a document type declaration is refused outright, as POI's own
 * parsers do ("DOCTYPE is disallowed"): no Excel file has one.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = XMLHelper.newXMLInputFactory();
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private SafeXml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return new StreamReaderDelegate(FACTORY.createXMLStreamReader(in)) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("DOCTYPE is disallowed");
                }
                return event;
            }
        };
    }

    /**
     * Whether a parser event carries a cell's text: plain characters, a CDATA section or white
     * space. Every reader of text takes all three; one that took only plain characters dropped
     * CDATA silently.
     */
    static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    /**
     * Decodes OOXML's {@code _xHHHH_} escapes (how Excel stores characters XML cannot carry, such
     * as control characters); {@code _x005F_} escapes a literal underscore.
     */
    static String decodeEscapes(String text) {
        if (text == null || text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
