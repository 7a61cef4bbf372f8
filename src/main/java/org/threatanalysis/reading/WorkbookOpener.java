package org.threatanalysis.reading;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Decides from a file's first bytes what it is, opens it with the matching reader, and turns
 * every failure into a reason a member state's clerk can act on.
 */
final class WorkbookOpener {

    private WorkbookOpener() {
    }

    static SubmissionWorkbook open(Path file) throws UnreadableWorkbookException {
        try {
            if (Files.size(file) == 0) {
                throw new UnreadableWorkbookException("The file is empty (0 bytes).");
            }
            FileMagic magic;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                magic = FileMagic.valueOf(in);
            }
            return switch (magic) {
                case OOXML -> openXlsx(file);
                case OLE2 -> openOle2(file);
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

    private static SubmissionWorkbook openXlsx(Path file) throws UnreadableWorkbookException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxWorkbook(file, pkg);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            revertQuietly(pkg);
            if (String.valueOf(e.getMessage()).contains("content type")) {
                throw new UnreadableWorkbookException(
                        "The file is a ZIP archive but not an Excel workbook; save it as .xlsx.", e);
            }
            throw new UnreadableWorkbookException("The workbook is damaged and cannot be read ("
                    + oneLine(e) + "); please send it again.", e);
        } catch (NotOfficeXmlFileException e) {
            revertQuietly(pkg);
            String message = String.valueOf(e.getMessage());
            if (message.contains("OpenDocument") || message.contains("ODF")) {
                throw new UnreadableWorkbookException(
                        "The file is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx.", e);
            }
            throw new UnreadableWorkbookException(
                    "The file is a ZIP archive but not an Excel workbook; save it as .xlsx.", e);
        } catch (Exception | StackOverflowError e) {
            revertQuietly(pkg);
            throw new UnreadableWorkbookException("The workbook is damaged and cannot be read ("
                    + oneLine(e) + "); please send it again.", e);
        }
    }

    private static SubmissionWorkbook openOle2(Path file) throws UnreadableWorkbookException {
        POIFSFileSystem fileSystem = null;
        try {
            fileSystem = new POIFSFileSystem(file.toFile(), true);
            if (fileSystem.getRoot().hasEntry("EncryptionInfo")) {
                throw new UnreadableWorkbookException(
                        "The workbook is password-protected (encrypted); please send it without a password.");
            }
            if (!fileSystem.getRoot().hasEntry("Workbook")) {
                if (fileSystem.getRoot().hasEntry("Book")) {
                    throw new UnreadableWorkbookException(
                            "The file is in the Excel 95 format or older; save it as .xlsx.");
                }
                throw new UnreadableWorkbookException(
                        "The file is an Office document but not an Excel workbook (perhaps Word); save it as .xlsx.");
            }
            return new XlsWorkbook(file, fileSystem);
        } catch (UnreadableWorkbookException e) {
            closeQuietly(fileSystem);
            throw e;
        } catch (EncryptedDocumentException e) {
            closeQuietly(fileSystem);
            throw new UnreadableWorkbookException(
                    "The workbook is password-protected (encrypted); please send it without a password.", e);
        } catch (Exception | StackOverflowError e) {
            closeQuietly(fileSystem);
            throw new UnreadableWorkbookException("The workbook is damaged and cannot be read ("
                    + oneLine(e) + "); please send it again.", e);
        }
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private static void revertQuietly(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
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
