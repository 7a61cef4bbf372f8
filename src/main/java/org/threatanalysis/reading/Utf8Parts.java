package org.threatanalysis.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.apache.commons.io.input.ReaderInputStream;

/**
 * Hands an XML part to {@link SheetXmlScanner} as UTF-8. Excel and every other producer seen
 * write UTF-8, which passes through untouched; a part in another encoding (UTF-16 by its byte
 * order mark or its first bytes, or one its XML declaration names) is converted as it is read,
 * refusing bytes that are not that encoding.
 */
final class Utf8Parts {

    private static final int PROLOG_BYTES = 512;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private Utf8Parts() {
    }

    static InputStream utf8(InputStream part) throws IOException, XMLStreamException {
        PushbackInputStream in = new PushbackInputStream(part, PROLOG_BYTES);
        byte[] prolog = new byte[PROLOG_BYTES];
        int length = 0;
        int read;
        while (length < prolog.length && (read = in.read(prolog, length, prolog.length - length)) > 0) {
            length += read;
        }
        if (length > 0) {
            in.unread(prolog, 0, length);
        }
        Charset charset = encodingOf(prolog, length);
        if (charset.equals(StandardCharsets.UTF_8)) {
            return in;
        }
        return ReaderInputStream.builder()
                .setReader(new InputStreamReader(in, charset.newDecoder()))
                .setCharset(StandardCharsets.UTF_8)
                .get();
    }

    /** Whether a part held in memory is UTF-8 (or ASCII), to be scanned as it is. */
    static boolean isUtf8(byte[] part) throws XMLStreamException {
        return encodingOf(part, Math.min(part.length, PROLOG_BYTES)).equals(StandardCharsets.UTF_8);
    }

    /** The encoding of an XML document from its first bytes (XML 1.0, appendix F). */
    static Charset encodingOf(byte[] prolog, int length) throws XMLStreamException {
        if (length >= 4) {
            int b0 = prolog[0] & 0xFF;
            int b1 = prolog[1] & 0xFF;
            int b2 = prolog[2] & 0xFF;
            int b3 = prolog[3] & 0xFF;
            if ((b0 == 0 && b1 == 0) || (b2 == 0 && b3 == 0 && b0 != 0)) {
                return Charset.forName(b0 == 0 ? "UTF-32BE" : "UTF-32LE");
            }
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
                return StandardCharsets.UTF_16; // decoded by its byte order mark
            }
            if (b0 == 0 && b1 == '<') {
                return StandardCharsets.UTF_16BE;
            }
            if (b0 == '<' && b1 == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        String start = new String(prolog, 0, length, StandardCharsets.ISO_8859_1);
        if (start.startsWith("\u00EF\u00BB\u00BF")) {
            start = start.substring(3);
        }
        Matcher declared = DECLARED_ENCODING.matcher(start);
        if (!declared.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = declared.group(1);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new XMLStreamException("the part is in an encoding this reader does not know: " + name);
        }
    }
}
