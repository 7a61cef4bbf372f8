package org.threatanalysis.reading;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.XMLStreamException;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Decides from a file's first bytes what it is, opens it with the matching reader, and turns
 * every failure into a reason a member state's clerk can act on.
 */
public final class WorkbookOpener {

    private WorkbookOpener() {
    }

    static SubmissionWorkbook open(Path file) throws UnreadableWorkbookException {
        ReadingBudget budget = ReadingBudget.defaults();
        return open(file, budget, budget.startClock());
    }

    static SubmissionWorkbook open(Path file, ReadingBudget budget, ReadingBudget.Deadline deadline)
            throws UnreadableWorkbookException {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new UnreadableWorkbookException("The file is empty (0 bytes).");
            }
            if (size > budget.maxFileBytes()) {
                throw new UnreadableWorkbookException("The file is " + size + " bytes, more than the "
                        + budget.maxFileBytes() + " bytes accepted for one submission; please split it or "
                        + "remove what is not part of the submission.");
            }
            FileMagic magic;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
            return switch (magic) {
                case OOXML -> openXlsx(file, budget, deadline);
                case OLE2 -> openOle2(file, budget);
                case HTML -> throw new UnreadableWorkbookException(
                        "The file is a web page (HTML) saved with a spreadsheet name, not an Excel workbook.");
                case PDF -> throw new UnreadableWorkbookException(
                        "The file is a PDF document, not an Excel workbook.");
                case XML -> throw new UnreadableWorkbookException(
                        "The file is an XML document (perhaps 'XML Spreadsheet 2003'), not an Excel workbook; "
                                + "save it as .xlsx.");
                case BIFF2, BIFF3, BIFF4 -> throw new UnreadableWorkbookException(
                        "The file is in a very old Excel format (Excel 4 or earlier); save it as .xlsx.");
                default -> throw new UnreadableWorkbookException(
                        "The file is not an Excel workbook (it looks like " + describe(magic)
                                + "); save it as .xlsx.");
            };
        } catch (IOException e) {
            throw new UnreadableWorkbookException("The file cannot be read: " + e.getMessage(), e);
        }
    }

    private static String describe(FileMagic magic) {
        return switch (magic) {
            case UNKNOWN -> "plain text, CSV or another non-Excel format";
            default -> magic.name();
        };
    }

    private static SubmissionWorkbook openXlsx(Path file, ReadingBudget budget, ReadingBudget.Deadline deadline)
            throws UnreadableWorkbookException {
        OoxmlPackage pkg = null;
        try {
            pkg = OoxmlPackage.open(file, budget);
            return new XlsxWorkbook(file, pkg, workbookPart(pkg), budget, deadline);
        } catch (UnreadableWorkbookException e) {
            closeQuietly(pkg);
            throw e;
        } catch (OoxmlPackage.NotAPackageException e) {
            if (isOpenDocument(file)) {
                throw new UnreadableWorkbookException(
                        "The file is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx.", e);
            }
            throw new UnreadableWorkbookException(NOT_A_WORKBOOK_ZIP, e);
        } catch (OverBudgetException e) {
            closeQuietly(pkg);
            throw new UnreadableWorkbookException(e.getMessage(), e);
        } catch (Exception | StackOverflowError e) {
            closeQuietly(pkg);
            throw new UnreadableWorkbookException(reasonFor(e), e);
        }
    }

    private static final String NOT_A_WORKBOOK_ZIP = "The file is a ZIP archive but not an Excel workbook; save it as .xlsx.";

    /** An OpenDocument package names its kind in a small "mimetype" entry. */
    private static boolean isOpenDocument(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry("mimetype");
            if (entry == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readNBytes(200), java.nio.charset.StandardCharsets.US_ASCII)
                        .contains("opendocument");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The workbook part the package's main relationship leads to, or the reason why the package is
     * not a workbook this job reads (Strict OOXML, .xlsb, a Word or PowerPoint document).
     */
    private static String workbookPart(OoxmlPackage pkg)
            throws IOException, XMLStreamException, UnreadableWorkbookException {
        List<OoxmlPackage.Relationship> relationships = pkg.packageRelationships();
        if (OoxmlPackage.firstOfType(relationships, OoxmlPackage.STRICT_OFFICE_DOCUMENT) != null) {
            throw new UnreadableWorkbookException(STRICT_REASON);
        }
        OoxmlPackage.Relationship main = OoxmlPackage.firstOfType(relationships, OoxmlPackage.OFFICE_DOCUMENT);
        if (main == null) {
            throw new UnreadableWorkbookException(NOT_A_WORKBOOK_ZIP);
        }
        if (!pkg.exists(main.target())) {
            throw new UnreadableWorkbookException(
                    "The workbook is damaged: its main part is missing; please save it again from Excel and resend it.");
        }
        String type = String.valueOf(pkg.contentType(main.target()));
        if (type.contains("binary")) {
            throw new UnreadableWorkbookException(XLSB_REASON);
        }
        if (type.contains("wordprocessingml")) {
            throw new UnreadableWorkbookException(
                    "The file is a Word document, not an Excel workbook; save the submission as .xlsx.");
        }
        if (type.contains("presentationml")) {
            throw new UnreadableWorkbookException(
                    "The file is a PowerPoint presentation, not an Excel workbook; save the submission as .xlsx.");
        }
        return main.target();
    }

    private static final String STRICT_REASON = "The workbook is saved as 'Strict Open XML Spreadsheet', which is not "
            + "read; save it as an ordinary 'Excel Workbook (.xlsx)' and send it again.";
    private static final String XLSB_REASON = "The workbook is saved as 'Excel Binary Workbook (.xlsb)', which is not "
            + "read; save it as an ordinary 'Excel Workbook (.xlsx)' and send it again.";
    private static final String ENCRYPTED_REASON = "The workbook is password-protected (encrypted); "
            + "please remove the password (File > Info > Protect Workbook) and send it again.";

    /**
     * Turns any failure while reading a workbook (POI's exceptions, parser errors, even a stack
     * overflow) into a reason a member state's clerk can act on.
     */
    public static String reasonFor(Throwable failure) {
        if (failure instanceof UnreadableWorkbookException || failure instanceof OverBudgetException) {
            return failure.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof OverBudgetException) {
                return t.getMessage();
            }
            if (t instanceof EncryptedDocumentException) {
                return ENCRYPTED_REASON;
            }
            if (message.contains("more internal file entries")) {
                return "The workbook holds far more internal parts than an Excel file has; the file is damaged or "
                        + "malicious and was not read. Please save it again from Excel and send it again.";
            }
            if (message.contains("Zip bomb") || message.contains("zip bomb")) {
                return "The workbook's compressed content unpacks to an implausible size (a 'zip bomb'); the file "
                        + "is damaged or malicious and was not read. Please save it again from Excel and send it again.";
            }
            if (message.contains("DOCTYPE") || message.contains("DTD")) {
                return "The workbook contains XML with a document type declaration (DOCTYPE), which Excel never "
                        + "writes; the file was altered or produced by another program and was not read. "
                        + "Please save it again from Excel and send it again.";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // corrupt compressed data surfaces through the XML parser reading it: not an XML fault
            if (t instanceof java.util.zip.ZipException || t instanceof java.io.EOFException) {
                return "The workbook is damaged and cannot be read (" + oneLine(t) + "); please send it again.";
            }
        }
        if (failure instanceof StackOverflowError) {
            return "The workbook is damaged (its structure is nested too deeply to read); please save it again "
                    + "from Excel and send it again.";
        }
        if (failure instanceof javax.xml.stream.XMLStreamException
                || failure.getCause() instanceof javax.xml.stream.XMLStreamException
                || failure instanceof org.xml.sax.SAXException) {
            return "The workbook is damaged: part of it is not well-formed XML (" + oneLine(failure)
                    + "); please save it again from Excel and send it again.";
        }
        return "The workbook is damaged and cannot be read (" + oneLine(failure) + "); please send it again.";
    }

    private static SubmissionWorkbook openOle2(Path file, ReadingBudget budget) throws UnreadableWorkbookException {
        POIFSFileSystem fileSystem = null;
        try {
            fileSystem = new POIFSFileSystem(file.toFile(), true);
            if (fileSystem.getRoot().hasEntry("EncryptionInfo")) {
                throw new UnreadableWorkbookException(ENCRYPTED_REASON);
            }
            if (!fileSystem.getRoot().hasEntry("Workbook")) {
                if (fileSystem.getRoot().hasEntry("Book")) {
                    throw new UnreadableWorkbookException(
                            "The file is in the Excel 95 format or older; save it as .xlsx.");
                }
                throw new UnreadableWorkbookException(
                        "The file is an Office document but not an Excel workbook (perhaps Word); save it as .xlsx.");
            }
            if (hasFilePassRecord(fileSystem)) {
                // POI silently decrypts files protected with Excel's default password "VelvetSweatshop".
                throw new UnreadableWorkbookException(ENCRYPTED_REASON);
            }
            XlsWorkbook workbook = new XlsWorkbook(file, fileSystem);
            if (workbook.sheetNames().size() > budget.maxSheets()) {
                workbook.close();
                throw new UnreadableWorkbookException("The workbook has " + workbook.sheetNames().size()
                        + " sheets; at most " + budget.maxSheets() + " are accepted. Please send only the submission sheets.");
            }
            return workbook;
        } catch (UnreadableWorkbookException e) {
            closeQuietly(fileSystem);
            throw e;
        } catch (Exception | StackOverflowError e) {
            closeQuietly(fileSystem);
            throw new UnreadableWorkbookException(reasonFor(e), e);
        }
    }

    /** Looks for BIFF8's FILEPASS record (encryption) among the first records of the workbook stream. */
    private static boolean hasFilePassRecord(POIFSFileSystem fileSystem) throws IOException {
        try (DocumentInputStream in = fileSystem.createDocumentInputStream("Workbook")) {
            for (int i = 0; i < 200 && in.available() >= 4; i++) {
                int sid = in.readUShort();
                int length = in.readUShort();
                if (sid == 0x002F) {
                    return true;
                }
                if (sid == 0x000A) {
                    return false;
                }
                if (in.skip(length) < length) {
                    return false;
                }
            }
        } catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private static final java.util.regex.Pattern SERVER_PATH =
            java.util.regex.Pattern.compile("(?:[A-Za-z]:)?[/\\\\][^\\s'\"]*[/\\\\]([^/\\\\\\s'\"]+)");

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        text = text.replaceAll("\\s+", " ").trim();
        // The reason goes back to the member state: name the file, never the server's folders.
        text = SERVER_PATH.matcher(text).replaceAll("$1");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void closeQuietly(OoxmlPackage pkg) {
        if (pkg != null) {
            try {
                pkg.close();
            } catch (IOException ignored) {
                // already failing with a better reason
            }
        }
    }

    private static void closeQuietly(POIFSFileSystem fileSystem) {
        if (fileSystem != null) {
            try {
                fileSystem.close();
            } catch (IOException ignored) {
                // already failing with a better reason
            }
        }
    }
}
