package org.threatanalysis.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.xml.stream.XMLStreamException;

/**
 * A pull scanner for worksheet XML read straight from its UTF-8 bytes: it reports element starts
 * and ends by local name, parses the few attributes the reader needs as numbers without making
 * strings, and makes a string only for the text of a value. A sheet is almost all {@code <row>},
 * {@code <c>}, {@code <v>} and {@code <t>} markup, and a general StAX parser spent more than
 * twice the time on it (an event object's worth of bookkeeping, attribute tables and a string per
 * attribute for every cell; docs/benchmarks.md).
 *
 * <p>It checks what makes the XML well-formed for this purpose: tags close in order, attribute
 * values are quoted, references are the five predefined entities or characters, no control
 * characters, valid UTF-8, and nothing after the root element. A document type declaration is
 * refused ("DOCTYPE is disallowed"), as {@link SafeXml} does. Namespace prefixes are dropped, as
 * the StAX readers' local names did. The bytes must be UTF-8: {@link Utf8Parts} converts a part
 * in another encoding first.
 */
final class SheetXmlScanner {

    static final int END_OF_PART = 0;
    static final int START = 1;
    static final int END = 2;

    /** Local names the worksheet reader acts on; every other element is {@link #OTHER}. */
    static final int OTHER = 0;
    static final int ROW = 1;
    static final int CELL = 2;
    static final int VALUE = 3;
    static final int INLINE_STRING = 4;
    static final int TEXT = 5;
    static final int PHONETIC_RUN = 6;
    static final int SHEET_DATA = 7;

    private static final int MAX_TAG_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 256;
    private static final int MAX_ATTRIBUTES = 64;

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean exhausted;

    // the element just reported
    private int name;
    private int nameHash;
    private boolean selfClosing;
    private boolean pendingEnd;

    // open elements, by a hash of their qualified name (to check that end tags match)
    private int[] openHashes = new int[32];
    private int[] openNames = new int[32];
    private int depth;
    private boolean rootClosed;

    // the attributes of the start tag just reported: offsets into the buffer, valid until next()
    private final int[] attributeNameStart = new int[MAX_ATTRIBUTES];
    private final int[] attributeNameEnd = new int[MAX_ATTRIBUTES];
    private final int[] attributeValueStart = new int[MAX_ATTRIBUTES];
    private final int[] attributeValueEnd = new int[MAX_ATTRIBUTES];
    private int attributeCount;

    // text that did not lie in one piece in the buffer (references, CDATA, a refill)
    private byte[] text = new byte[256];
    private int textLength;

    SheetXmlScanner(InputStream in) {
        this.in = in;
    }

    /** Scans a whole part held in memory, in place. */
    SheetXmlScanner(byte[] utf8) {
        this.in = InputStream.nullInputStream();
        this.buffer = utf8;
        this.limit = utf8.length;
        this.exhausted = true;
    }

    /**
     * Moves to the next element start or end and returns {@link #START}, {@link #END} or
     * {@link #END_OF_PART}. Text between elements is skipped; {@link #text(int)} reads a value.
     */
    int next() throws IOException, XMLStreamException {
        if (pendingEnd) {
            pendingEnd = false;
            return END;
        }
        while (true) {
            int lt = indexOf('<');
            if (lt < 0) {
                position = limit; // text between elements is not needed
                if (!refill(0)) {
                    return endOfPart();
                }
                continue;
            }
            position = lt;
            int event = markup();
            if (event != -1) {
                return event;
            }
        }
    }

    /** The element just reported: {@link #ROW}, {@link #CELL}, ..., or {@link #OTHER}. */
    int name() {
        return name;
    }

    /**
     * The value of an attribute of the start tag just reported, as a non-negative int, or
     * {@code absent} when the tag does not have it.
     */
    int intAttribute(byte[] attributeName, int absent) throws XMLStreamException {
        int i = attributeIndex(attributeName);
        if (i < 0) {
            return absent;
        }
        int start = attributeValueStart[i];
        int end = attributeValueEnd[i];
        long value = 0;
        for (int p = start; p < end && value <= Integer.MAX_VALUE; p++) {
            int digit = buffer[p] - '0';
            if (digit < 0 || digit > 9) {
                return parsedInt(attributeName); // references or spaces: read as the XML says
            }
            value = value * 10 + digit;
        }
        if (start == end || value > Integer.MAX_VALUE) {
            return parsedInt(attributeName);
        }
        return (int) value;
    }

    private int parsedInt(byte[] attributeName) throws XMLStreamException {
        String value = attribute(attributeName).strip();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new XMLStreamException(new String(attributeName, StandardCharsets.US_ASCII) + "=\"" + value
                + "\" is not a number");
    }

    /**
     * The zero-based column of a cell reference attribute such as {@code r="AB12"} (letters then
     * digits), -1 when the tag does not have it, or -2 when it has another form (the caller then
     * reads it as text).
     */
    int columnAttribute(byte[] attributeName) {
        int i = attributeIndex(attributeName);
        if (i < 0) {
            return -1;
        }
        int p = attributeValueStart[i];
        int end = attributeValueEnd[i];
        int column = 0;
        int letters = 0;
        while (p < end && buffer[p] >= 'A' && buffer[p] <= 'Z' && letters < 4) {
            column = column * 26 + (buffer[p] - 'A' + 1);
            p++;
            letters++;
        }
        if (letters == 0 || p == end) {
            return -2;
        }
        for (int d = p; d < end; d++) {
            if (buffer[d] < '0' || buffer[d] > '9') {
                return -2;
            }
        }
        return column - 1;
    }

    /**
     * Which of the given ASCII values an attribute of the start tag just reported has: its index
     * in {@code values}, -1 when the tag does not have the attribute, {@code values.length} for
     * any other value.
     */
    int attributeChoice(byte[] attributeName, byte[][] values) throws XMLStreamException {
        int i = attributeIndex(attributeName);
        if (i < 0) {
            return -1;
        }
        int start = attributeValueStart[i];
        int length = attributeValueEnd[i] - start;
        for (int v = 0; v < values.length; v++) {
            byte[] value = values[v];
            if (value.length == length && Arrays.equals(buffer, start, start + length, value, 0, length)) {
                return v;
            }
        }
        for (int p = start; p < start + length; p++) {
            if (buffer[p] == '&') {
                return resolvedChoice(i, values); // written with references: compared as the XML says
            }
        }
        return values.length;
    }

    private int resolvedChoice(int i, byte[][] values) throws XMLStreamException {
        textLength = 0;
        appendResolved(attributeValueStart[i], attributeValueEnd[i], true);
        for (int v = 0; v < values.length; v++) {
            if (Arrays.equals(text, 0, textLength, values[v], 0, values[v].length)) {
                return v;
            }
        }
        return values.length;
    }

    /** The value of an attribute of the start tag just reported, references resolved, or null. */
    String attribute(byte[] attributeName) throws XMLStreamException {
        int i = attributeIndex(attributeName);
        if (i < 0) {
            return null;
        }
        textLength = 0;
        appendResolved(attributeValueStart[i], attributeValueEnd[i], true);
        return decode(text, 0, textLength);
    }

    /**
     * The text of the element just started, up to its end tag (which is consumed: the next event
     * is what follows it), or {@code null} once it is longer than {@code maxChars}. Elements inside
     * it are refused: a value holds text only.
     */
    String text(int maxChars) throws IOException, XMLStreamException {
        if (pendingEnd) {
            pendingEnd = false;
            return "";
        }
        long maxBytes = 3L * maxChars + 3; // a UTF-16 char takes at most three UTF-8 bytes
        textLength = 0;
        while (true) {
            int start = position;
            int p = start;
            int end = limit;
            byte[] b = buffer;
            boolean plain = true;
            while (p < end) {
                byte c = b[p];
                if (c == '<') {
                    break;
                }
                if (c == '&' || (c >= 0 && c < 0x20 && c != '\t' && c != '\n')) {
                    plain = false;
                }
                p++;
            }
            if (p < end && plain && textLength == 0 && isEndTagHere(p)) {
                // the usual case: the whole text in the buffer, then its end tag
                if (p - start > maxBytes) {
                    return null;
                }
                String value = p - start <= MAX_REMEMBERED_BYTES ? remembered(b, start, p - start)
                        : decode(b, start, p - start);
                position = p;
                closeElement();
                return value.length() > maxChars ? null : value;
            }
            int cut = p;
            if (p == end && !plain) {
                cut = resolvableEnd(start, p);
            }
            if (plain) {
                appendText(b, start, cut - start);
            } else {
                appendResolved(start, cut, false);
            }
            if (textLength > maxBytes) {
                return null;
            }
            position = cut;
            if (p == end) {
                if (!refill(limit - cut)) {
                    throw new XMLStreamException("the part ends inside a value");
                }
                continue;
            }
            if (endTagAhead()) {
                String value = decode(text, 0, textLength);
                closeElement();
                return value.length() > maxChars ? null : value;
            }
            if (!textMarkup()) {
                throw new XMLStreamException("unexpected element inside a value");
            }
        }
    }

    /**
     * Where text that the buffer's end cuts may be resolved up to: before a reference without its
     * ';' yet, or before a carriage return whose line feed may follow in the next read.
     */
    private int resolvableEnd(int start, int end) {
        byte[] b = buffer;
        if (end > start && b[end - 1] == '\r') {
            return end - 1;
        }
        for (int p = end - 1; p >= start && p >= end - 12; p--) {
            if (b[p] == ';') {
                return end;
            }
            if (b[p] == '&') {
                return p;
            }
        }
        return end;
    }

    // ---- markup

    /** Reads the markup at the position; returns the event, or -1 for markup that is not one. */
    private int markup() throws IOException, XMLStreamException {
        if (!ensure(2)) {
            throw new XMLStreamException("the part ends inside a tag");
        }
        byte second = buffer[position + 1];
        if (second == '/') {
            return endTag();
        }
        if (second == '?') {
            skipPast(QUESTION_GT, "a processing instruction");
            return -1;
        }
        if (second == '!') {
            bang(false);
            return -1;
        }
        return startTag();
    }

    private static final byte[] QUESTION_GT = {'?', '>'};
    private static final byte[] COMMENT_END = {'-', '-', '>'};
    private static final byte[] CDATA_END = {']', ']', '>'};
    private static final byte[] COMMENT_START = {'<', '!', '-', '-'};
    private static final byte[] CDATA_START = {'<', '!', '[', 'C', 'D', 'A', 'T', 'A', '['};
    private static final byte[] DOCTYPE = {'<', '!', 'D', 'O', 'C', 'T', 'Y', 'P', 'E'};

    /** {@code <!--}, {@code <![CDATA[} (appended to the text when collecting) or a refused DOCTYPE. */
    private void bang(boolean collecting) throws IOException, XMLStreamException {
        ensure(CDATA_START.length);
        if (startsWith(COMMENT_START)) {
            position += COMMENT_START.length;
            skipPast(COMMENT_END, "a comment");
        } else if (startsWith(CDATA_START)) {
            if (depth == 0) {
                throw new XMLStreamException("text outside the root element");
            }
            position += CDATA_START.length;
            int from = textLength;
            while (true) {
                int end = indexOf(CDATA_END);
                if (end >= 0) {
                    if (collecting) {
                        appendText(buffer, position, end - position);
                        normaliseLineEnds(from);
                    }
                    position = end + CDATA_END.length;
                    return;
                }
                int keep = Math.min(limit - position, CDATA_END.length - 1);
                if (collecting) {
                    appendText(buffer, position, limit - position - keep);
                }
                position = limit - keep;
                if (!refill(keep)) {
                    throw new XMLStreamException("the part ends inside a CDATA section");
                }
            }
        } else if (startsWith(DOCTYPE)) {
            throw new XMLStreamException("DOCTYPE is disallowed");
        } else {
            throw new XMLStreamException("unexpected markup '<!'");
        }
    }

    /** Markup met inside a value: a comment, CDATA or a processing instruction; false for an element. */
    private boolean textMarkup() throws IOException, XMLStreamException {
        ensure(2);
        byte second = buffer[position + 1];
        if (second == '!') {
            bang(true);
            return true;
        }
        if (second == '?') {
            skipPast(QUESTION_GT, "a processing instruction");
            return true;
        }
        if (second == '/') {
            throw new XMLStreamException("an end tag that does not match its start tag");
        }
        return false;
    }

    private int startTag() throws IOException, XMLStreamException {
        if (rootClosed) {
            throw new XMLStreamException("an element after the end of the root element");
        }
        // One pass over the tag as it lies in the buffer; when the buffer ends inside it, the
        // buffer is refilled and the tag read again from its start.
        while (!readStartTag()) {
            if (limit - position >= MAX_TAG_BYTES) {
                throw new XMLStreamException("a tag longer than " + MAX_TAG_BYTES + " bytes");
            }
            if (!refill(limit - position)) {
                throw new XMLStreamException("the part ends inside a tag");
            }
        }
        if (depth == MAX_DEPTH) {
            throw new XMLStreamException("elements nested more than " + MAX_DEPTH + " deep");
        }
        if (depth == openHashes.length) {
            openHashes = Arrays.copyOf(openHashes, depth * 2);
            openNames = Arrays.copyOf(openNames, depth * 2);
        }
        if (selfClosing) {
            pendingEnd = true;
            if (depth == 0) {
                rootClosed = true;
            }
        } else {
            openHashes[depth] = nameHash;
            openNames[depth] = name;
            depth++;
        }
        return START;
    }

    /** Reads the start tag at the position; false when the buffer ends before the tag does. */
    private boolean readStartTag() throws XMLStreamException {
        byte[] b = buffer;
        int end = limit;
        int p = position + 1;
        int nameStart = p;
        int localStart = p;
        int hash = 0;
        byte c;
        while (true) {
            if (p == end) {
                return false;
            }
            c = b[p];
            if (c == '>' || c == '/' || isSpace(c)) {
                break;
            }
            if (c == ':') {
                localStart = p + 1;
            } else if (c == '<' || c == '"' || c == '\'' || c == '=') {
                throw new XMLStreamException("unexpected character in a tag name");
            }
            hash = 31 * hash + c;
            p++;
        }
        if (p == nameStart || localStart == p) {
            throw new XMLStreamException("a tag without a name");
        }
        int nameEnd = p;
        int count = 0;
        while (true) {
            while (p < end && isSpace(b[p])) {
                p++;
            }
            if (p == end) {
                return false;
            }
            c = b[p];
            if (c == '>') {
                selfClosing = false;
                break;
            }
            if (c == '/') {
                if (p + 1 == end) {
                    return false;
                }
                if (b[p + 1] != '>') {
                    throw new XMLStreamException("'/' inside a tag");
                }
                selfClosing = true;
                p++;
                break;
            }
            if (count > 0 && !isSpace(b[p - 1])) {
                throw new XMLStreamException("no space between attributes");
            }
            // an attribute: name, '=', quoted value
            int attributeNameStart = p;
            while (p < end && (c = b[p]) != '=' && !isSpace(c) && c != '>' && c != '/' && c != '<') {
                p++;
            }
            int attributeNameEnd = p;
            while (p < end && isSpace(b[p])) {
                p++;
            }
            if (p == end) {
                return false;
            }
            if (b[p] != '=' || attributeNameEnd == attributeNameStart) {
                throw new XMLStreamException("an attribute without a value");
            }
            p++;
            while (p < end && isSpace(b[p])) {
                p++;
            }
            if (p == end) {
                return false;
            }
            byte quote = b[p];
            if (quote != '"' && quote != '\'') {
                throw new XMLStreamException("an attribute value without quotes");
            }
            int valueStart = ++p;
            while (p < end && (c = b[p]) != quote) {
                if (c == '<') {
                    throw new XMLStreamException("'<' in an attribute value");
                }
                p++;
            }
            if (p == end) {
                return false;
            }
            if (count == MAX_ATTRIBUTES) {
                throw new XMLStreamException("more than " + MAX_ATTRIBUTES + " attributes on one element");
            }
            this.attributeNameStart[count] = attributeNameStart;
            this.attributeNameEnd[count] = attributeNameEnd;
            attributeValueStart[count] = valueStart;
            attributeValueEnd[count] = p;
            count++;
            p++;
        }
        name = nameOf(b, localStart, nameEnd - localStart);
        nameHash = hash;
        attributeCount = count;
        position = p + 1;
        return true;
    }

    private int endTag() throws IOException, XMLStreamException {
        if (!endTagAhead()) {
            throw new XMLStreamException("an end tag that does not match its start tag");
        }
        name = openNames[depth - 1];
        closeElement();
        return END;
    }

    /** Whether the markup at p is the end tag of the innermost open element. */
    private boolean isEndTagHere(int p) {
        // "</" + name + ">" lying in the buffer; anything else takes the general path
        if (p + 2 >= limit || buffer[p + 1] != '/') {
            return false;
        }
        int hash = 0;
        int q = p + 2;
        while (q < limit && buffer[q] != '>' && !isSpace(buffer[q])) {
            hash = 31 * hash + buffer[q];
            q++;
        }
        while (q < limit && isSpace(buffer[q])) {
            q++; // "</t >" is an end tag too
        }
        return q < limit && buffer[q] == '>' && depth > 0 && openHashes[depth - 1] == hash;
    }

    /**
     * Whether the markup at the position ('<') is the end tag of the innermost open element, read
     * in whole into the buffer first (the buffer's end may have cut it).
     */
    private boolean endTagAhead() throws IOException, XMLStreamException {
        while (true) {
            for (int q = position + 1; q < limit; q++) {
                if (buffer[q] == '>') {
                    return isEndTagHere(position);
                }
            }
            if (limit - position >= MAX_TAG_BYTES) {
                throw new XMLStreamException("a tag longer than " + MAX_TAG_BYTES + " bytes");
            }
            if (!refill(limit - position)) {
                throw new XMLStreamException("the part ends inside a tag");
            }
        }
    }

    /** Consumes the end tag at the position, known to match ({@link #isEndTagHere}). */
    private void closeElement() {
        int p = position;
        while (buffer[p] != '>') {
            p++;
        }
        position = p + 1;
        depth--;
        if (depth == 0) {
            rootClosed = true;
        }
    }

    private int endOfPart() throws XMLStreamException {
        if (depth > 0) {
            throw new XMLStreamException("the part ends before its elements are closed");
        }
        if (!rootClosed) {
            throw new XMLStreamException("the part has no root element");
        }
        return END_OF_PART;
    }

    private void skipPast(byte[] terminator, String what) throws IOException, XMLStreamException {
        while (true) {
            int end = indexOf(terminator);
            if (end >= 0) {
                position = end + terminator.length;
                return;
            }
            int keep = Math.min(limit - position, terminator.length - 1);
            position = limit - keep;
            if (!refill(keep)) {
                throw new XMLStreamException("the part ends inside " + what);
            }
        }
    }

    // ---- names and attributes

    private static int nameOf(byte[] b, int start, int length) {
        switch (length) {
            case 1 -> {
                return switch (b[start]) {
                    case 'c' -> CELL;
                    case 'v' -> VALUE;
                    case 't' -> TEXT;
                    default -> OTHER;
                };
            }
            case 2 -> {
                return b[start] == 'i' && b[start + 1] == 's' ? INLINE_STRING : OTHER;
            }
            case 3 -> {
                if (b[start] == 'r' && b[start + 1] == 'o' && b[start + 2] == 'w') {
                    return ROW;
                }
                return b[start] == 'r' && b[start + 1] == 'P' && b[start + 2] == 'h' ? PHONETIC_RUN : OTHER;
            }
            case 9 -> {
                return Arrays.equals(b, start, start + 9, SHEET_DATA_NAME, 0, 9) ? SHEET_DATA : OTHER;
            }
            default -> {
                return OTHER;
            }
        }
    }

    private static final byte[] SHEET_DATA_NAME = "sheetData".getBytes(StandardCharsets.US_ASCII);

    /** The attribute with this local name (unprefixed, as SpreadsheetML's own are), or -1. */
    private int attributeIndex(byte[] wanted) {
        for (int i = 0; i < attributeCount; i++) {
            int start = attributeNameStart[i];
            if (attributeNameEnd[i] - start == wanted.length
                    && Arrays.equals(buffer, start, start + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == '\r';
    }

    // ---- text

    /** Appends bytes from the buffer, resolving references and line ends (attributes: spaces too). */
    private void appendResolved(int start, int end, boolean attribute) throws XMLStreamException {
        byte[] b = buffer;
        int p = start;
        while (p < end) {
            byte c = b[p];
            if (c == '&') {
                int semicolon = p + 1;
                while (semicolon < end && b[semicolon] != ';' && semicolon - p < 12) {
                    semicolon++;
                }
                if (semicolon >= end || b[semicolon] != ';') {
                    throw new XMLStreamException("an '&' that does not start a reference");
                }
                appendCodePoint(reference(b, p + 1, semicolon));
                p = semicolon + 1;
            } else if (c == '\r') {
                appendByte((byte) (attribute ? ' ' : '\n'));
                if (p + 1 < end && b[p + 1] == '\n') {
                    p++;
                }
                p++;
            } else if (c >= 0 && c < 0x20 && c != '\t' && c != '\n') {
                throw new XMLStreamException("a control character (code " + c + ") in the text");
            } else {
                appendByte(attribute && (c == '\t' || c == '\n') ? (byte) ' ' : c);
                p++;
            }
        }
    }

    private static int reference(byte[] b, int start, int end) throws XMLStreamException {
        int length = end - start;
        if (length >= 2 && b[start] == '#') {
            int value = 0;
            boolean hex = b[start + 1] == 'x';
            int p = hex ? start + 2 : start + 1;
            if (p == end) {
                throw new XMLStreamException("an empty character reference");
            }
            for (; p < end; p++) {
                int digit = Character.digit(b[p], hex ? 16 : 10);
                if (digit < 0 || value > 0x10FFFF) {
                    throw new XMLStreamException("a character reference that is not a number");
                }
                value = value * (hex ? 16 : 10) + digit;
            }
            boolean legal = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF)
                    || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
            if (!legal) {
                throw new XMLStreamException("a character reference to an illegal character (" + value + ")");
            }
            return value;
        }
        String entity = new String(b, start, length, StandardCharsets.ISO_8859_1);
        return switch (entity) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "quot" -> '"';
            case "apos" -> '\'';
            default -> throw new XMLStreamException("an undeclared entity '&" + entity + ";'");
        };
    }

    /**
     * Line ends in the text collected since {@code from} (a CDATA section, taken as it stands) as
     * XML reads them: CR LF and a lone CR are LF; control characters are refused there too.
     */
    private void normaliseLineEnds(int from) throws XMLStreamException {
        int write = from;
        for (int read = from; read < textLength; read++) {
            byte c = text[read];
            if (c == '\r') {
                c = '\n';
                if (read + 1 < textLength && text[read + 1] == '\n') {
                    read++;
                }
            } else if (c >= 0 && c < 0x20 && c != '\t' && c != '\n') {
                throw new XMLStreamException("a control character (code " + c + ") in the text");
            }
            text[write++] = c;
        }
        textLength = write;
    }

    private void appendCodePoint(int codePoint) {
        if (codePoint < 0x80) {
            appendByte((byte) codePoint);
        } else {
            byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            appendText(encoded, 0, encoded.length);
        }
    }

    private void appendByte(byte b) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = b;
    }

    private void appendText(byte[] source, int start, int length) {
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        System.arraycopy(source, start, text, textLength, length);
        textLength += length;
    }

    /**
     * A short text as the same string as the last time its bytes were met, if they were met
     * recently: a sheet repeats its crime areas, indicators, units and years on every row, and
     * one string for each saves decoding it again, and the lookups that follow hash it once.
     */
    private String remembered(byte[] b, int start, int length) throws XMLStreamException {
        int hash = 0;
        for (int p = start, end = start + length; p < end; p++) {
            hash = 31 * hash + b[p];
        }
        int slot = (hash ^ (hash >>> 11)) & (REMEMBERED - 1);
        byte[] known = rememberedBytes[slot];
        if (known != null && known.length == length && Arrays.equals(known, 0, length, b, start, start + length)) {
            return rememberedTexts[slot];
        }
        String text = decode(b, start, length);
        rememberedBytes[slot] = Arrays.copyOfRange(b, start, start + length);
        rememberedTexts[slot] = text;
        return text;
    }

    private static final int MAX_REMEMBERED_BYTES = 48;
    private static final int REMEMBERED = 1024;
    private final byte[][] rememberedBytes = new byte[REMEMBERED][];
    private final String[] rememberedTexts = new String[REMEMBERED];

    /** UTF-8 to a string, refusing malformed bytes instead of replacing them. */
    private static String decode(byte[] b, int start, int length) throws XMLStreamException {
        String value = new String(b, start, length, StandardCharsets.UTF_8);
        if (value.indexOf('\uFFFD') >= 0) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, start, length));
            } catch (CharacterCodingException e) {
                throw new XMLStreamException("bytes that are not UTF-8 in the text");
            }
        }
        return value;
    }

    // ---- the buffer

    private int indexOf(char wanted) {
        byte[] b = buffer;
        for (int p = position, end = limit; p < end; p++) {
            if (b[p] == wanted) {
                return p;
            }
        }
        return -1;
    }

    private int indexOf(byte[] wanted) {
        byte[] b = buffer;
        byte first = wanted[0];
        for (int p = position, end = limit - wanted.length; p <= end; p++) {
            if (b[p] == first && Arrays.equals(b, p, p + wanted.length, wanted, 0, wanted.length)) {
                return p;
            }
        }
        return -1;
    }

    private boolean startsWith(byte[] wanted) {
        return limit - position >= wanted.length
                && Arrays.equals(buffer, position, position + wanted.length, wanted, 0, wanted.length);
    }

    /** Makes at least n bytes available from the position, if the part has them. */
    private boolean ensure(int n) throws IOException {
        while (limit - position < n) {
            if (!refill(limit - position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Keeps the last {@code keep} bytes before the limit (moved to the start of the buffer, which
     * grows when they fill it) and reads more after them; false at the end of the part.
     */
    private boolean refill(int keep) throws IOException {
        if (exhausted) {
            return false;
        }
        int from = limit - keep;
        if (keep == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (from > 0) {
            System.arraycopy(buffer, from, buffer, 0, keep);
        }
        position = position - from;
        limit = keep;
        int read = in.read(buffer, limit, buffer.length - limit);
        while (read == 0) {
            read = in.read(buffer, limit, buffer.length - limit);
        }
        if (read < 0) {
            exhausted = true;
            return false;
        }
        limit += read;
        return true;
    }
}
