package org.threatanalysis.sample;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the sample member-state submissions (reporting cycle 2017-2021) that the
 * consolidation job is demonstrated and tested with.
 *
 * <p>All figures are fictional; place names are real. The output is deterministic:
 * numbers come from {@link Random}s with fixed seeds and all document dates are fixed.
 *
 * <p>Planted on purpose (tests assert on them): the 2018/2019 migrant-smuggling route
 * shift from Hungary to Bosnia and Herzegovina (RS, BG, BA-SRP); MS08 (visa-free flights)
 * and XC01 (Sky ECC, EncroChat) first reported in 2021; TH05 (forced begging) reported in
 * 2017-2018, absent 2019-2020, back in 2021; MS01 (lorries) every year; DR03 (air couriers)
 * 2017-2019 only; and a handful of data-quality faults (year 2016 in AL, -3 in MD,
 * "Pigeon racing fraud" in MK, one-place route "Serbia" in XK, "approx. 120" in BA-SRP,
 * a footnote marker "76*" in ME), plus tolerated oddities (text numbers, "&lt;5", "n/a", "-", "2019.",
 * a date cell as year, merged year cells, title rows, permuted columns, total rows).
 *
 * <p>Usage: {@code SampleInputGenerator [outputFolder]} (default {@code input}).
 */
public final class SampleInputGenerator {

    private static final Instant FIXED_INSTANT = Instant.parse("2022-03-01T00:00:00Z");
    private static final Date FIXED_DATE = Date.from(FIXED_INSTANT);
    private static final String AUTHOR = "Threat-analysis sample generator";

    private static final int[] FULL = {2017, 2018, 2019, 2020, 2021};

    /** Contract column order of the three data sheets. */
    static final String[] IND_HEADERS = {"Year", "Crime area", "Indicator", "Commodity", "Value", "Unit", "Notes"};
    static final String[] MO_HEADERS = {"Year", "Crime area", "Modus operandi", "MO code", "Trend", "Notes"};
    static final String[] ROUTE_HEADERS = {"Year", "Crime area", "Commodity", "Route", "Transport", "Trend", "Notes"};

    private static final int[] IDENTITY7 = {0, 1, 2, 3, 4, 5, 6};
    private static final int[] IDENTITY6 = {0, 1, 2, 3, 4, 5};

    private SampleInputGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Paths.get(args.length > 0 ? args[0] : "input");
        List<Path> written = generate(folder);
        for (Path p : written) {
            System.out.printf(Locale.ROOT, "%8d  %s%n", Files.size(p), p);
        }
    }

    /**
     * Writes every sample file into {@code folder} (and its {@code late/} subfolder), after deleting
     * {@code *.xls*} files left there by an earlier run. Returns the files written.
     */
    public static List<Path> generate(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path late = folder.resolve("late");
        Files.createDirectories(late);
        deleteWorkbooks(folder);
        deleteWorkbooks(late);

        List<Path> written = new ArrayList<>();
        for (WorkbookSpec spec : List.of(albania(), republikaSrpska(), federationBih(), bulgaria(), moldova(),
                montenegro(), northMacedonia(), romaniaRev1(), romaniaRev2(), serbia(), kosovo())) {
            written.add(write(folder, spec));
        }
        Path readme = folder.resolve("README.txt");
        Files.writeString(readme, String.join("\n",
                "Drop member-state submission workbooks here (.xlsx, .xlsm or .xls), in any subfolder.",
                "One workbook per member state (or reporting entity) and reporting cycle; the cover sheet",
                "'Submission' names the state, period, submission date and revision - file names carry no meaning.",
                "This file is not a workbook: the job lists it as ignored.", ""), StandardCharsets.UTF_8);
        written.add(readme);
        return written;
    }

    private static void deleteWorkbooks(Path dir) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.xls*")) {
            for (Path p : ds) {
                if (Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
    }

    // ------------------------------------------------------------------ model

    enum Kind { DATA, BLANK, WHITESPACE, TOTAL }

    /** One sheet row, cells in contract column order. */
    static final class Row {
        final Kind kind;
        final String key;
        final Object[] c;
        boolean formula;

        Row(Kind kind, String key, Object... c) {
            this.kind = kind;
            this.key = key;
            this.c = c;
        }
    }

    static final class SheetSpec {
        final String name;
        final List<String> titles = new ArrayList<>();
        String[] headers;
        int[] order;
        final List<Row> rows = new ArrayList<>();
        boolean mergeYear;

        SheetSpec(String name, String[] headers, int[] order) {
            this.name = name;
            this.headers = headers;
            this.order = order;
        }
    }

    static final class WorkbookSpec {
        final String file;
        final boolean xls;
        final List<Object[]> cover = new ArrayList<>();
        final List<SheetSpec> sheets = new ArrayList<>();
        String title;

        WorkbookSpec(String file, boolean xls) {
            this.file = file;
            this.xls = xls;
        }

        WorkbookSpec label(String label, Object value) {
            cover.add(new Object[] {label, value});
            return this;
        }

        WorkbookSpec blank() {
            cover.add(null);
            return this;
        }
    }

    /** Words a state uses in its Indicators sheet. Areas in the order DRG, MSM, THB, FIR, EXC. */
    record Vocab(String[] areas, String cases, String suspects, String arrests, String victims, String seizures,
                 String heroin, String cocaine, String cannabis, String cigarettes, String firearms) {
    }

    static final Vocab EN = new Vocab(
            new String[] {"Drug trafficking", "Migrant smuggling", "Trafficking in human beings", "Firearms trafficking", "Excise fraud"},
            "cases", "suspects", "arrests", "victims", "seizures", "heroin", "cocaine", "cannabis", "cigarettes", "firearms");
    static final Vocab RO = new Vocab(
            new String[] {"trafic de droguri", "trafic de migranți", "trafic de persoane", "trafic de arme", "contrabandă cu țigări"},
            "cazuri", "suspecți", "arestări", "victime", "capturi", "heroină", "cocaină", "canabis", "țigări", "arme");
    static final Vocab SR_LATN = new Vocab(
            new String[] {"trgovina drogom", "krijumčarenje migranata", "trgovina ljudima", "trgovina oružjem", "šverc cigareta"},
            "cases", "suspects", "arrests", "victims", "seizures", "heroin", "cocaine", "cannabis", "cigarettes", "firearms");
    static final Vocab SR_CYRL_EN_IND = new Vocab(
            new String[] {"трговина дрогом", "кријумчарење миграната", "трговина људима", "трговина оружјем", "шверц цигарета"},
            "cases", "suspects", "arrests", "victims", "seizures", "хероин", "кокаин", "канабис", "цигарете", "оружје");
    static final Vocab SR_CYRL = new Vocab(
            new String[] {"трговина дрогом", "кријумчарење миграната", "трговина људима", "трговина оружјем", "шверц цигарета"},
            "случајеви", "осумњичени", "хапшења", "жртве", "заплене", "хероин", "кокаин", "канабис", "цигарете", "оружје");
    static final Vocab BG = new Vocab(
            new String[] {"трафик на наркотици", "каналджийство", "трафик на хора", "трафик на оръжие", "контрабанда на цигари"},
            "случаи", "заподозрени", "арести", "жертви", "задържания", "хероин", "кокаин", "канабис", "цигари", "оръжие");

    /** How a state's Indicators figures are generated. */
    static final class IndPlan {
        final long seed;
        final double size;
        final int[] years;
        Vocab vocab;
        Vocab vocabLate; // used from 2020 on when not null (BA-SRP switched from Cyrillic to Latin)
        boolean msmRise;
        boolean portCocaine;
        String cocaineUnit = "kg";
        String cannabisUnit = "kg";
        String cigUnit = "pieces";
        String fireUnit = "pieces";

        IndPlan(long seed, double size, int[] years, Vocab vocab) {
            this.seed = seed;
            this.size = size;
            this.years = years;
            this.vocab = vocab;
        }
    }

    // ------------------------------------------------------------------ generic builders

    static Row data(String key, Object... c) {
        return new Row(Kind.DATA, key, c);
    }

    static Row mo(int year, String area, String text, String code, String trend) {
        return data("", year, area, text, code, trend, null);
    }

    static Row mo(int year, String area, String text, String code, String trend, String notes) {
        return data("", year, area, text, code, trend, notes);
    }

    static Row route(int year, String area, String commodity, String route, String transport, String trend) {
        return data("", year, area, commodity, route, transport, trend, null);
    }

    static Row route(int year, String area, String commodity, String route, String transport, String trend, String notes) {
        return data("", year, area, commodity, route, transport, trend, notes);
    }

    static Row blankRow() {
        return new Row(Kind.BLANK, "");
    }

    static Row total(String label, String indicator, Object value, String notes, boolean formula) {
        Row r = new Row(Kind.TOTAL, "total", label, null, indicator, null, value, null, notes);
        r.formula = formula;
        return r;
    }

    static Row find(List<Row> rows, String key) {
        for (Row r : rows) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row " + key);
    }

    /** Inserts a row after the last row of {@code year} (data rows' first cell). */
    static void insertAfterYear(List<Row> rows, int year, Row row) {
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            Object y = rows.get(i).c.length > 0 ? rows.get(i).c[0] : null;
            if (rows.get(i).kind == Kind.DATA && Integer.valueOf(year).equals(y)) {
                last = i;
            }
        }
        rows.add(last + 1, row);
    }

    static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /**
     * Generates the Indicators rows: per year and crime area cases, suspects, arrests (victims for THB),
     * then the seizures of that area. Keys look like {@code 2019/FIR/cases}, {@code 2019/DRG/seizures/heroin}.
     */
    static List<Row> indicators(IndPlan p) {
        Random r = new Random(p.seed);
        String[] codes = {"DRG", "MSM", "THB", "FIR", "EXC"};
        double[] base = {220, 90, 25, 60, 110};
        double[] msm = p.msmRise ? new double[] {1.0, 2.1, 2.9, 2.3, 2.6} : new double[] {1.0, 1.1, 1.15, 0.8, 1.25};
        List<Row> rows = new ArrayList<>();
        for (int y : p.years) {
            int yi = y - 2017;
            Vocab v = (p.vocabLate != null && y >= 2020) ? p.vocabLate : p.vocab;
            for (int a = 0; a < 5; a++) {
                String area = v.areas()[a];
                String k = y + "/" + codes[a] + "/";
                double yf = a == 1 ? msm[yi] : 1.0 + 0.04 * yi;
                int cases = (int) Math.max(1, Math.round(base[a] * p.size * yf * (0.9 + 0.2 * r.nextDouble())));
                int suspects = (int) Math.round(cases * (1.2 + 0.4 * r.nextDouble()));
                int arrests = (int) Math.round(suspects * (0.4 + 0.3 * r.nextDouble()));
                rows.add(data(k + "cases", y, area, v.cases(), null, cases, null, null));
                rows.add(data(k + "suspects", y, area, v.suspects(), null, suspects, null, null));
                rows.add(data(k + "arrests", y, area, v.arrests(), null, arrests, null, null));
                if (a == 2) {
                    int victims = (int) Math.round(cases * (1.3 + 0.7 * r.nextDouble()));
                    rows.add(data(k + "victims", y, area, v.victims(), null, victims, null, null));
                }
                if (a == 0) {
                    double heroin = round1(40 * p.size * (0.5 + r.nextDouble()));
                    rows.add(data(k + "seizures/heroin", y, area, v.seizures(), v.heroin(), heroin, "kg", null));
                    Object cocaine = "g".equals(p.cocaineUnit)
                            ? (Object) (int) Math.round(2500 * p.size * (0.5 + r.nextDouble()))
                            : (Object) round1((p.portCocaine ? 400 : 15) * p.size * (0.5 + r.nextDouble()) * (1 + 0.15 * yi));
                    rows.add(data(k + "seizures/cocaine", y, area, v.seizures(), v.cocaine(), cocaine, p.cocaineUnit, null));
                    Object cannabis = "t".equals(p.cannabisUnit)
                            ? (Object) round2(15 * p.size * (0.5 + r.nextDouble()))
                            : (Object) round1(1200 * p.size * (0.5 + r.nextDouble()));
                    rows.add(data(k + "seizures/cannabis", y, area, v.seizures(), v.cannabis(), cannabis, p.cannabisUnit, null));
                }
                if (a == 3) {
                    int guns = (int) Math.round(150 * p.size * (0.5 + r.nextDouble()));
                    rows.add(data(k + "seizures/firearms", y, area, v.seizures(), v.firearms(), guns, p.fireUnit, null));
                }
                if (a == 4) {
                    long pieces = Math.round(4_000_000 * p.size * (0.5 + r.nextDouble()) / 200.0) * 200L;
                    long value = switch (p.cigUnit) {
                        case "packs" -> pieces / 20;
                        case "cartons" -> pieces / 200;
                        default -> pieces;
                    };
                    rows.add(data(k + "seizures/cigarettes", y, area, v.seizures(), v.cigarettes(), value, p.cigUnit, null));
                }
            }
        }
        return rows;
    }

    /** Sum of the numeric values of the rows whose indicator is {@code indicator}. */
    static long sumOf(List<Row> rows, String indicator) {
        long sum = 0;
        for (Row r : rows) {
            if (r.kind == Kind.DATA && indicator.equals(r.c[2]) && r.c[4] instanceof Number n) {
                sum += n.longValue();
            }
        }
        return sum;
    }

    static SheetSpec indicatorSheet(List<Row> rows) {
        SheetSpec s = new SheetSpec("Indicators", IND_HEADERS, IDENTITY7);
        s.rows.addAll(rows);
        return s;
    }

    static SheetSpec moSheet(Row... rows) {
        SheetSpec s = new SheetSpec("Modus operandi", MO_HEADERS, IDENTITY6);
        s.rows.addAll(Arrays.asList(rows));
        return s;
    }

    static SheetSpec routeSheet(Row... rows) {
        SheetSpec s = new SheetSpec("Routes", ROUTE_HEADERS, IDENTITY7);
        s.rows.addAll(Arrays.asList(rows));
        return s;
    }

    // ------------------------------------------------------------------ AL

    static WorkbookSpec albania() {
        WorkbookSpec w = new WorkbookSpec("AL_2017-2021.xlsx", false);
        w.title = "Threat analysis 2017-2021 - Albania";
        w.label("Member state", "Albania")
                .label("Reporting period", "2017-2021")
                .label("Submission date", LocalDate.of(2022, 2, 28))
                .label("Revision", 1)
                .label("Template version", 1);

        IndPlan p = new IndPlan(1001, 1.0, FULL, EN);
        p.portCocaine = true;
        p.cannabisUnit = "t";
        p.cigUnit = "cartons";
        List<Row> rows = indicators(p);
        // fault: a year outside the reporting period
        rows.add(0, data("2016/DRG/cases", 2016, "Drug trafficking", "cases", null, 412, null, "baseline from the previous cycle"));
        // tolerated: a number stored as text
        find(rows, "2018/FIR/seizures/firearms").c[4] = "245";
        find(rows, "2019/DRG/seizures/cannabis").c[6] = "incl. joint operations with Guardia di Finanza";
        insertAfterYear(rows, 2018, blankRow());
        rows.add(total("Total", "cases", sumOf(rows, "cases"), "all cases", true));
        w.sheets.add(indicatorSheet(rows));

        String drg = "Drug trafficking";
        String msm = "Migrant smuggling";
        String thb = "Trafficking in human beings";
        String msmSq = "trafikim emigrantësh";
        String thbSq = "trafikim qeniesh njerëzore";
        w.sheets.add(moSheet(
                mo(2017, drg, "Cannabis cultivation in open-air plantations", "DR06", "decreasing"),
                mo(2017, drg, "Speedboats from the Vlorë coast to Puglia", "DR05", "stable"),
                mo(2017, drg, "Air couriers (body packers) arriving at Tirana airport from São Paulo", "DR03", "stable"),
                mo(2017, msmSq, "në këmbë përmes kufirit të gjelbër me Greqinë", "MS04", "stable"),
                mo(2017, thbSq, "lypje e detyruar e fëmijëve në Tiranë", "TH05", "increasing"),
                mo(2017, msm, "Hidden in trucks at the Kakavijë and Kapshticë border crossings", "MS01", "stable"),
                mo(2018, drg, "Indoor cannabis grows in rented houses", "DR06", "new"),
                mo(2018, drg, "Air couriers swallowing cocaine capsules", "DR03", "decreasing"),
                mo(2018, thbSq, "lypje e detyruar në rrugët e Durrësit", "TH05", "stable"),
                mo(2018, msmSq, "në këmbë përmes kufirit me Malin e Zi", "MS04", "increasing"),
                mo(2018, msm, "Hidden in trucks", null, "stable"),
                mo(2018, thb, "Fake job offers in Italy and Germany on social media", null, "increasing"),
                mo(2019, drg, "Cocaine in banana containers via the port of Durrës", "DR01", "increasing"),
                mo(2019, drg, "Body packers arriving from Brazil", null, "decreasing"),
                mo(2019, msm, "Hidden in trucks", "MS01", "stable"),
                mo(2019, msmSq, "në këmbë përmes kufirit me Malin e Zi", "MS04", "increasing"),
                mo(2019, thb, "Sexual exploitation through the loverboy method", "TH01", "stable"),
                mo(2020, drg, "Speedboats Vlorë–Puglia", "DR05", "stable"),
                mo(2020, msm, "Hidden in trucks at Kakavijë", "MS01", "stable", "COVID-19 border closures"),
                mo(2020, msmSq, "grupe të vogla në këmbë me udhërrëfyes", "MS04", "decreasing"),
                mo(2020, thb, "Labour exploitation in agriculture", null, "stable"),
                mo(2020, thb, "Victims recruited by relatives in their home villages", null, "new"),
                mo(2021, msm, "Visa-free flights to Belgrade, then by road towards Bosnia and Herzegovina", "MS08", "new"),
                mo(2021, msm, "Hidden in trucks", null, "stable"),
                mo(2021, drg, "Cocaine in banana containers from Ecuador via Durrës", "DR01", "increasing"),
                mo(2021, thb, "Fake job offers", null, "stable"),
                mo(2021, msm, "Smugglers change the meeting points every week", null, "new")));

        w.sheets.add(routeSheet(
                route(2017, drg, "cannabis", "Vlorë → Puglia by speedboat", "sea", "stable"),
                route(2017, msm, "migrants", "Greece-Albania-Montenegro-BiH-Croatia", "on foot", "increasing"),
                route(2017, drg, "heroin", "Turkey - Greece - Albania", "road", "stable"),
                route(2018, drg, "cannabis", "Vlorë → Puglia by speedboat", "sea", "decreasing"),
                route(2018, msm, "migrants", "Greece - Albania - Montenegro - Bosnia and Herzegovina - Croatia", "on foot", "increasing"),
                route(2018, drg, "cocaine", "Guayaquil → Durrës", "sea", "new"),
                route(2019, drg, "cocaine", "Guayaquil → Bar, bananas, for Albania", "sea", "increasing"),
                route(2019, msm, "migrants", "Kakavijë → Shkodër → Montenegro", "on foot", "stable"),
                route(2019, thb, "victims", "Albania → Italy → United Kingdom", "road", "stable"),
                route(2020, drg, "cannabis", "Albania - Greece - Italy", "sea", "stable"),
                route(2020, msm, "migrants", "Greece – Albania – Montenegro", "on foot", "decreasing"),
                route(2021, drg, "cocaine", "Ecuador → Durrës", "sea", "increasing"),
                route(2021, msm, "migrants", "Turkey - Serbia - Bosnia and Herzegovina - Croatia", "air", "new",
                        "visa-free flight to Belgrade, then by road"),
                route(2021, drg, "cannabis", "Vlorë → Puglia by speedboat", "sea", "increasing")));
        return w;
    }

    // ------------------------------------------------------------------ BA-SRP

    static WorkbookSpec republikaSrpska() {
        WorkbookSpec w = new WorkbookSpec("BA-SRP_2017-2021.xlsx", false);
        w.title = "Procjena prijetnji 2017-2021 - MUP Republike Srpske";
        w.label("Member state", "Bosnia and Herzegovina")
                .label("Reporting entity", "Republika Srpska")
                .label("Reporting period", "2017-2021")
                .label("Submission date", LocalDate.of(2022, 3, 7))
                .label("Revision", 1)
                .label("Template version", 1);

        IndPlan p = new IndPlan(1002, 0.5, FULL, SR_CYRL_EN_IND);
        p.vocabLate = SR_LATN;
        p.msmRise = true;
        p.cocaineUnit = "g";
        p.cigUnit = "pcs";
        p.fireUnit = "kom";
        List<Row> rows = indicators(p);
        // fault: not a number
        find(rows, "2020/FIR/suspects").c[4] = "approx. 120";
        find(rows, "2018/MSM/cases").c[6] = "podaci MUP RS";
        rows.add(total("Укупно", "cases", sumOf(rows, "cases"), null, false));
        w.sheets.add(indicatorSheet(rows));

        String msmC = "кријумчарење миграната";
        String drgC = "трговина дрогом";
        String thbC = "трговина људима";
        String firC = "трговина оружјем";
        String msmL = "krijumčarenje migranata";
        String drgL = "trgovina drogom";
        String thbL = "trgovina ljudima";
        String firL = "trgovina oružjem";
        w.sheets.add(moSheet(
                mo(2017, msmC, "скривени у камиону на граничном прелазу Рача", "MS01", "стабилно"),
                mo(2017, drgC, "канабис у бункерима у путничким возилима", "DR02", "стабилно"),
                mo(2017, firL, "mravlji šverc oružja iz zaliha iz rata", "FA03", "stabilno"),
                mo(2017, thbC, "сексуална експлоатација", "TH03", "стабилно"),
                mo(2018, msmC, "prelazak rijeke Drine čamcima kod Zvornika", "MS05", "u porastu"),
                mo(2018, msmC, "скривени у камионима", null, "у порасту"),
                mo(2018, drgC, "хероин у скривеним бункерима", "DR02", "стабилно"),
                mo(2018, thbL, "prinudni rad na gradilištima", "TH04", "novo"),
                mo(2019, msmL, "skriveni u kamionu sa robom", "MS01", "u porastu"),
                mo(2019, msmC, "прелазак Дрине чамцима", "MS05", "у порасту"),
                mo(2019, msmC, "сигурне куће у напуштеним објектима", "MS09", "ново"),
                mo(2019, firC, "преправљено гасно оружје", "FA01", "стабилно"),
                mo(2020, msmL, "skriveni u kamionima", "MS01", "stabilno"),
                mo(2020, msmL, "pješice preko zelene granice", "MS04", "u porastu"),
                mo(2020, drgL, "poštanske pošiljke kupljene na darknetu", "DR04", "novo"),
                mo(2020, thbL, "lažne ponude za posao", null, "stabilno"),
                mo(2021, drgL, "komunikacija putem kriptovanih telefona EncroChat", "XC01", "novo"),
                mo(2021, msmL, "skriveni u kamionu", "MS01", "stabilno"),
                mo(2021, thbC, "лажне понуде за посао", "TH02", "у порасту"),
                mo(2021, msmL, "sigurne kuće", null, "stabilno"),
                mo(2021, thbL, "vrbovanje žrtava preko rođaka", null, "novo")));

        w.sheets.add(routeSheet(
                route(2017, msmC, "мигранти", "Турска–Бугарска–Србија–Мађарска–Аустрија", "друмски", "стабилно"),
                route(2017, drgL, "heroin", "Turska - Bugarska - Srbija - BiH", "drumski", "stabilno"),
                route(2018, msmC, "мигранти", "Турска–Бугарска–Србија–Мађарска–Аустрија", "друмски", "у порасту"),
                route(2018, msmC, "мигранти", "Grčka–S. Makedonija–Srbija–BiH (Zvornik)", "pješice", "novo"),
                route(2019, msmC, "мигранти", "Турска–Бугарска–Србија–БиХ–Хрватска–Словенија–Аустрија", "друмски", "ново"),
                route(2019, drgC, "канабис", "Albanija – Crna Gora – BiH – Hrvatska", "drumski", "stabilno"),
                route(2020, msmL, "migrants", "Srbija – BiH (Zvornik, Bijeljina) – Hrvatska", "pješice", "stabilno"),
                route(2020, firL, "firearms", "BiH - Hrvatska - Slovenija - Austrija - Njemačka", "drumski", "stabilno"),
                route(2021, msmL, "migrants", "Srbija – BiH (Zvornik) – Hrvatska – Slovenija – Italija", "drumski", "u porastu"),
                route(2021, drgL, "cocaine", "Ekvador → Luka Ploče → BiH", "pomorski", "novo")));
        return w;
    }

    // ------------------------------------------------------------------ BA-BIH

    static WorkbookSpec federationBih() {
        WorkbookSpec w = new WorkbookSpec("BA-BIH_2017-2021.xlsx", false);
        w.title = "Procjena prijetnji 2017-2021 - FUP FBiH";
        w.label("Member state", "BiH")
                .label("Reporting entity", "Federation of BiH")
                .blank()
                .label("Reporting period", "2017-2021")
                .label("Submission date", LocalDate.of(2022, 3, 4))
                .label("Revision", 1)
                .label("Template version", "1.0");

        IndPlan p = new IndPlan(1003, 0.7, FULL, SR_LATN);
        p.msmRise = true;
        p.cigUnit = "packs";
        p.fireUnit = "kom";
        List<Row> rows = indicators(p);
        // tolerated: year written as text with a trailing dot
        find(rows, "2019/DRG/cases").c[0] = "2019.";
        find(rows, "2019/MSM/cases").c[6] = "Unsko-sanski kanton";
        // a row of whitespace between 2020 and 2021
        insertAfterYear(rows, 2020, new Row(Kind.WHITESPACE, ""));
        rows.add(total("Ukupno", "cases", sumOf(rows, "cases"), null, false));
        w.sheets.add(indicatorSheet(rows));

        String msm = "krijumčarenje migranata";
        String drg = "trgovina drogom";
        String thb = "trgovina ljudima";
        String fir = "trgovina oružjem";
        String exc = "šverc cigareta";
        w.sheets.add(moSheet(
                mo(2017, msm, "skriveni u kamionu", "MS01", "stabilno"),
                mo(2017, drg, "kanabis iz Albanije u skrivenim bunkerima osobnih vozila", "DR02", "stabilno"),
                mo(2017, fir, "prepravljeno plinsko i signalno oružje", "FA01", "u porastu"),
                mo(2017, thb, "seksualna eksploatacija maloljetnica", "TH03", "stabilno"),
                mo(2018, msm, "pješice preko zelene granice prema Hrvatskoj (Bihać, Velika Kladuša)", "MS04", "u porastu"),
                mo(2018, msm, "skriveni u kamionima", "MS01", "u porastu"),
                mo(2018, msm, "taksi i kombi prijevoz do Bihaća", "MS03", "novo"),
                mo(2018, thb, "lažne ponude za posao u Njemačkoj", "TH02", "stabilno"),
                mo(2019, msm, "skriveni u kamionu", "MS01", "u porastu"),
                mo(2019, msm, "sigurne kuće u napuštenim objektima", "MS09", "u porastu"),
                mo(2019, msm, "pješice preko zelene granice (\"game\")", "MS04", "u porastu"),
                mo(2019, drg, "heroin u bunkerima vozila", "DR02", "stabilno"),
                mo(2020, msm, "skriveni u kamionima", "MS01", "stabilno"),
                mo(2020, thb, "radna eksploatacija", "TH04", "stabilno"),
                mo(2020, exc, "cigarete u kamionima pod pokrivnim teretom", "EX01", "stabilno"),
                mo(2020, msm, "plaćanje po dolasku preko garanta (hawala)", "MS11", "novo"),
                mo(2021, msm, "letovi bez vize do Beograda, zatim kombijem do granice", "MS08", "novo"),
                mo(2021, thb, "prinudno prosjačenje djece", "TH05", "novo"),
                mo(2021, msm, "skriveni u kamionu", "MS01", "stabilno"),
                mo(2021, drg, "kokain u kontejnerima preko Luke Ploče", "DR01", "novo")));

        w.sheets.add(routeSheet(
                route(2017, msm, "migrants", "Grčka - Albanija - Crna Gora - BiH - Hrvatska", "pješice", "u porastu"),
                route(2017, drg, "cannabis", "Albanija - Crna Gora - BiH", "drumski", "stabilno"),
                route(2018, msm, "migrants", "Srbija–BiH (Bihać, V. Kladuša)–Hrvatska–Slovenija–Italija", "pješice", "u porastu"),
                route(2018, msm, "migrants", "Crna Gora – BiH (Sarajevo) – Bihać – Hrvatska", "drumski", "novo"),
                route(2019, msm, "migrants", "Srbija – BiH – Hrvatska – Slovenija – Italija", "pješice", "u porastu"),
                route(2019, exc, "cigarettes", "Crna Gora – BiH – Hrvatska", "drumski", "stabilno"),
                route(2019, thb, "victims", "BiH - Slovenija - Austrija - Njemačka", "drumski", "stabilno"),
                route(2020, msm, "migrants", "Srbija–BiH (Bihać, V. Kladuša)–Hrvatska", "pješice", "stabilno"),
                route(2020, fir, "firearms", "BiH - Hrvatska - Slovenija - Austrija", "drumski", "stabilno"),
                route(2021, msm, "migrants", "Srbija (avionom do Beograda) – BiH – Hrvatska – Slovenija – Italija", "drumski", "novo"),
                route(2021, drg, "cocaine", "Ekvador → Ploče → BiH", "pomorski", "u porastu")));
        return w;
    }

    // ------------------------------------------------------------------ BG

    /** Bulgarian text numbers: integers with space thousands, decimals with dot thousands and decimal comma. */
    static String bgText(Object v) {
        if (v instanceof Double d) {
            String s = String.format(Locale.ROOT, "%,.1f", d); // 1,234.5
            return s.replace(',', '#').replace('.', ',').replace('#', '.');
        }
        long n = ((Number) v).longValue();
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    static WorkbookSpec bulgaria() {
        WorkbookSpec w = new WorkbookSpec("BG_2017-2021.xlsx", false);
        w.title = "Анализ на заплахите 2017-2021";
        w.label("Member state", "България")
                .blank()
                .label("Reporting period", "2017-2021")
                .label("Submission date", LocalDate.of(2022, 3, 10))
                .blank()
                .label("Revision", 1)
                .label("Template version", 1);

        IndPlan p = new IndPlan(1004, 2.0, FULL, BG);
        p.portCocaine = true;
        p.cigUnit = "бр.";
        p.fireUnit = "бр.";
        List<Row> rows = indicators(p);
        long sum = sumOf(rows, "случаи");
        for (Row r : rows) {
            r.c[4] = bgText(r.c[4]);
        }
        find(rows, "2021/DRG/cases").c[6] = "предварителни данни";
        insertAfterYear(rows, 2019, blankRow());
        insertAfterYear(rows, 2019, blankRow());
        rows.add(total("Общо", "случаи", bgText(sum), null, false));
        w.sheets.add(indicatorSheet(rows));

        String msm = "каналджийство";
        String drg = "трафик на наркотици";
        String thb = "трафик на хора";
        String fir = "трафик на оръжие";
        String exc = "контрабанда на цигари";
        w.sheets.add(moSheet(
                mo(2017, msm, "укрити в камион на ГКПП Капитан Андреево", "MS01", "стабилно"),
                mo(2017, msm, "пеша през зелената граница с Турция", "MS04", "нараства"),
                mo(2017, drg, "хероин в тайници в товарни автомобили", "DR02", "стабилно"),
                mo(2017, exc, "цигари в контейнери с прикриващ товар", "EX01", "стабилно"),
                mo(2018, msm, "укрити в камиони", "MS01", "нараства"),
                mo(2018, msm, "прорязване на оградата по границата с Турция", "MS07", "ново"),
                mo(2018, thb, "сексуална експлоатация", "TH03", "стабилно"),
                mo(2018, drg, "въздушни куриери (поглъщачи)", "DR03", "намалява"),
                mo(2019, msm, "укрити в камион", "MS01", "стабилно"),
                mo(2019, msm, "тайници в леки автомобили", "MS02", "нараства"),
                mo(2019, drg, "кокаин в контейнери с банани през пристанище Варна", "DR01", "ново"),
                mo(2019, thb, "трудова експлоатация", "TH04", "стабилно"),
                mo(2020, msm, "укрити в камиони", "MS01", "стабилно"),
                mo(2020, thb, "трудова експлоатация в земеделието", "TH04", "нараства"),
                mo(2020, exc, "незаконна фабрика за цигари", "EX02", "ново"),
                mo(2020, fir, "преработени газови пистолети", "FA01", "стабилно"),
                mo(2021, msm, "укрити в камион", "MS01", "нараства"),
                mo(2021, drg, "кокаин в контейнери", "DR01", "нараства"),
                mo(2021, thb, "фалшиви обяви за работа", "TH02", "нараства"),
                mo(2021, msm, "квартири за укриване в София", "MS09", "стабилно")));

        w.sheets.add(routeSheet(
                route(2017, msm, "мигранти", "Турция - България - Сърбия - Унгария - Австрия", "автомобилен", "стабилно"),
                route(2017, drg, "хероин", "Турция → България → Румъния", "автомобилен", "стабилно"),
                route(2018, msm, "мигранти", "Турция - България - Сърбия - Унгария - Австрия", "автомобилен", "нараства"),
                route(2018, exc, "цигари", "Обединени арабски емирства → Варна", "морски", "нараства"),
                route(2019, msm, "мигранти",
                        "Турция - България - Сърбия - Босна и Херцеговина - Хърватия - Словения - Австрия", "автомобилен", "ново"),
                route(2019, drg, "кокаин", "Еквадор → Варна", "морски", "нараства"),
                route(2019, thb, "жертви", "България - Гърция - Кипър", "автомобилен", "стабилно"),
                route(2020, msm, "мигранти", "Турция - България - Сърбия - Босна и Херцеговина", "пеша", "стабилно"),
                route(2020, drg, "канабис", "Албания→Гърция", "автомобилен", "стабилно", "за гръцкия пазар"),
                route(2021, msm, "мигранти", "Турция - България - Сърбия - Босна и Херцеговина - Хърватия", "автомобилен", "нараства"),
                route(2021, drg, "кокаин", "Еквадор → Бургас", "морски", "нараства")));
        return w;
    }

    // ------------------------------------------------------------------ MD (.xls)

    static WorkbookSpec moldova() {
        WorkbookSpec w = new WorkbookSpec("MD_2017-2021.xls", true);
        w.title = "Analiza amenințărilor 2017-2021 - Republica Moldova";
        w.label("Member state", "Republic of Moldova")
                .label("Reporting period", "2017-2021")
                .label("Submission date", "11.03.2022")
                .label("Revision", 1)
                .label("Template version", 1);

        IndPlan p = new IndPlan(1005, 0.8, FULL, RO);
        p.cocaineUnit = "g";
        p.cigUnit = "packs";
        p.fireUnit = "buc.";
        List<Row> rows = indicators(p);
        // fault: negative count
        find(rows, "2019/FIR/cases").c[4] = -3;
        // tolerated: suppressed figure
        find(rows, "2020/THB/victims").c[4] = "<5";
        find(rows, "2020/THB/victims").c[6] = "date protejate";
        rows.add(total("Total general", "cazuri", sumOf(rows, "cazuri"), null, false));
        w.sheets.add(indicatorSheet(rows));

        String msm = "trafic de migranți";
        String drg = "trafic de droguri";
        String thb = "trafic de persoane";
        String fir = "trafic de arme";
        String exc = "contrabandă cu țigări";
        SheetSpec mo = moSheet(
                mo(2017, thb, "cerșetorie forțată a copiilor în Chișinău", "TH05", "stabil"),
                mo(2017, thb, "oferte false de muncă în Rusia și Turcia", "TH02", "în creștere"),
                mo(2017, msm, "ascunși în camion la postul vamal Leușeni", "MS01", "stabil"),
                mo(2017, exc, "țigări trecute peste râul Prut", "EX03", "stabil"),
                mo(2018, thb, "cerșetorie forțată", "TH05", "stabil"),
                mo(2018, thb, "exploatare sexuală în Turcia și Emiratele Arabe Unite", "TH03", "stabil"),
                mo(2018, exc, "țigări transportate cu drone peste Nistru", null, "nou"),
                mo(2018, fir, "arme din stocurile vechi, reactivate", "FA02", "stabil"),
                mo(2019, thb, "exploatare prin muncă în construcții", "TH04", "în creștere"),
                mo(2019, drg, "colete poștale cu droguri sintetice comandate pe darknet", "DR04", "nou"),
                mo(2019, thb, "metoda loverboy", "TH01", "stabil"),
                mo(2019, fir, "pistoale cu gaz transformate în arme de foc", "FA01", "stabil"),
                mo(2020, thb, "oferte false de muncă pe rețele sociale", "TH02", "în creștere"),
                mo(2020, drg, "colete poștale", "DR04", "în creștere"),
                mo(2020, exc, "țigări în camioane cu marfă de acoperire", "EX01", "stabil"),
                mo(2020, thb, "exploatare prin muncă în agricultură", "TH04", "stabil"),
                mo(2021, thb, "cerșetorie forțată a minorilor", "TH05", "nou"),
                mo(2021, thb, "oferte false de muncă", "TH02", "stabil"),
                mo(2021, drg, "droguri sintetice vândute prin Telegram", "DR08", "nou"),
                mo(2021, exc, "țigări în camioane cu marfă de acoperire", "EX01", "în scădere"));
        insertAfterYear(mo.rows, 2018, blankRow());
        w.sheets.add(mo);

        w.sheets.add(routeSheet(
                route(2017, thb, "victime", "Republica Moldova → Turcia → Emiratele Arabe Unite", "aerian", "stabil"),
                route(2017, exc, "țigări", "Ucraina - Republica Moldova - România", "rutier", "în creștere"),
                route(2018, thb, "victime", "Moldova - Rusia", "rutier", "stabil"),
                route(2018, exc, "țigări", "Ucraina → Moldova → România (râul Prut)", "rutier", "stabil"),
                route(2019, drg, "heroină", "Afganistan - Iran - Turcia - Ucraina - Moldova", "rutier", "stabil"),
                route(2019, thb, "victime", "Moldova – Germania", "rutier", "în creștere"),
                route(2020, thb, "victime", "Moldova – România – Italia", "rutier", "stabil"),
                route(2020, drg, "canabis", "Ucraina → Moldova", "rutier", "nou"),
                route(2021, thb, "victime", "Republica Moldova - România - Germania", "rutier", "în creștere"),
                route(2021, drg, "heroină", "Turcia - Ucraina - Moldova", "maritim", "stabil")));
        return w;
    }

    // ------------------------------------------------------------------ ME (merged year cells)

    static WorkbookSpec montenegro() {
        WorkbookSpec w = new WorkbookSpec("ME_2017-2021.xlsx", false);
        w.title = "Procjena prijetnji 2017-2021 - Crna Gora";
        w.label("Member state", "Montenegro")
                .label("Reporting period", "2017-2021")
                .label("Submission date", LocalDate.of(2022, 3, 1))
                .label("Revision", 1)
                .label("Template version", 1);

        IndPlan p = new IndPlan(1006, 0.4, FULL, SR_LATN);
        p.msmRise = true;
        p.portCocaine = true;
        p.cigUnit = "cartons";
        p.fireUnit = "pcs";
        List<Row> rows = indicators(p);
        // fault: footnote marker makes the number unparseable
        Row footnote = find(rows, "2018/DRG/arrests");
        footnote.c[4] = footnote.c[4] + "*";
        footnote.c[6] = "* preliminarni podaci";
        // tolerated: missing figure
        find(rows, "2017/FIR/arrests").c[4] = "n/a";
        // the code instead of the name in a few rows
        find(rows, "2019/DRG/cases").c[1] = "DRG";
        find(rows, "2019/DRG/suspects").c[1] = "DRG";
        find(rows, "2021/EXC/cases").c[1] = "EXC";
        rows.add(total("Ukupno", "cases", sumOf(rows, "cases"), null, false));
        SheetSpec ind = indicatorSheet(rows);
        ind.mergeYear = true;
        w.sheets.add(ind);

        String msm = "krijumčarenje migranata";
        String drg = "trgovina drogom";
        String thb = "trgovina ljudima";
        String fir = "trgovina oružjem";
        String exc = "šverc cigareta";
        SheetSpec mo = moSheet(
                mo(2017, drg, "kokain u kontejnerima sa bananama, Luka Bar", "DR01", "u porastu"),
                mo(2017, drg, "gliseri preko Jadrana do Italije", "DR05", "stabilno"),
                mo(2017, exc, "cigarete u kontejnerima, Luka Bar", "EX01", "stabilno"),
                mo(2017, msm, "pješice preko zelene granice iz Albanije", "MS04", "u porastu"),
                mo(2018, drg, "kuriri droge preko aerodroma Podgorica", "DR03", "stabilno"),
                mo(2018, msm, "pješice preko zelene granice", "MS04", "u porastu"),
                mo(2018, msm, "skriveni u kamionu", "MS01", "novo"),
                mo(2018, thb, "prinudni brak u romskoj zajednici", "TH07", "stabilno"),
                mo(2019, drg, "kokain u kontejnerima", "DR01", "u porastu"),
                mo(2019, msm, "pješice preko zelene granice", "MS04", "stabilno"),
                mo(2019, fir, "oružje iz zaliha iz devedesetih", "FA02", "stabilno"),
                mo(2019, "DRG", "gliseri preko Jadrana", "DR05", "stabilno"),
                mo(2020, drg, "gliseri preko Jadrana", "DR05", "u opadanju"),
                mo(2020, msm, "sigurne kuće u Podgorici", "MS09", "novo"),
                mo(2020, exc, "cigarete u kontejnerima", "EX01", "u opadanju"),
                mo(2020, thb, "seksualna eksploatacija", "TH03", "stabilno"),
                mo(2021, drg, "korišćenje kriptovane platforme Sky ECC", "XC01", "novo"),
                mo(2021, drg, "kokain u kontejnerima sa bananama", "DR01", "u porastu"),
                mo(2021, msm, "pješice preko zelene granice", "MS04", "u porastu"),
                mo(2021, fir, "mravlji šverc oružja", "FA03", "stabilno"));
        mo.mergeYear = true;
        w.sheets.add(mo);

        SheetSpec rt = routeSheet(
                route(2017, drg, "cocaine", "Guayaquil → Bar (ME)", "pomorski", "u porastu"),
                route(2017, msm, "migrants", "Grčka - Albanija - Crna Gora - BiH", "pješice", "u porastu"),
                route(2018, drg, "cocaine", "Guayaquil → Bar (ME)", "pomorski", "u porastu"),
                route(2018, msm, "migrants", "Albanija – Crna Gora – BiH – Hrvatska", "pješice", "u porastu"),
                route(2018, exc, "cigarettes", "Bar – Albanija – Italija", "pomorski", "stabilno"),
                route(2019, drg, "cannabis", "Albanija – Crna Gora – Srbija", "drumski", "stabilno"),
                route(2019, msm, "migrants", "Albanija – Crna Gora – BiH – Hrvatska", "pješice", "stabilno"),
                route(2020, drg, "cocaine", "Ekvador – Bar", "pomorski", "stabilno"),
                route(2020, msm, "migrants", "Albanija - Crna Gora - BiH", "pješice", "u opadanju"),
                route(2021, drg, "cocaine", "Guayaquil → Bar (ME)", "pomorski", "u porastu"),
                route(2021, msm, "migrants", "Albanija - Crna Gora - BiH - Hrvatska", "pješice", "u porastu"));
        rt.mergeYear = true;
        w.sheets.add(rt);
        return w;
    }

    // ------------------------------------------------------------------ MK (titles, odd headers, column order)

    static WorkbookSpec northMacedonia() {
        WorkbookSpec w = new WorkbookSpec("MK_2017-2021.xlsx", false);
        w.title = "Ministry of Interior - Threat Analysis 2017-2021";
        w.label("Member state", "FYROM")
                .label("Revision", "1")
                .label("Reporting period", "2017-2021")
                .label("Submission date", LocalDate.of(2022, 2, 25))
                .label("Template version", 1);

        IndPlan p = new IndPlan(1007, 0.7, FULL, EN);
        p.cocaineUnit = "g";
        List<Row> rows = indicators(p);
        // tolerated: English-style text number
        find(rows, "2019/DRG/seizures/cannabis").c[4] = "1,234.5";
        // the code instead of the name
        find(rows, "2018/THB/victims").c[1] = "THB";
        // fault: unknown crime area
        insertAfterYear(rows, 2020, data("2020/XXX/cases", 2020, "Pigeon racing fraud", "cases", null, 4, null, null));
        rows.add(total("Total", "cases", sumOf(rows, "cases"), null, false));
        SheetSpec ind = indicatorSheet(rows);
        ind.titles.add("Ministry of Interior – Threat Analysis 2017-2021");
        ind.titles.add("Table 1: Indicators");
        ind.headers = new String[] {"YEAR", "Crime_Area", "Commodity", "value", "Unit", "Indicator ", "NOTES"};
        ind.order = new int[] {0, 1, 3, 4, 5, 2, 6};
        w.sheets.add(ind);

        String msm = "Migrant smuggling";
        String drg = "Drug trafficking";
        String thb = "Trafficking in human beings";
        String fir = "Firearms trafficking";
        String exc = "Excise fraud";
        SheetSpec mo = moSheet(
                mo(2017, msm, "Groups hidden in trucks on the Gevgelija–Tabanovce corridor", "MS01", "stable"),
                mo(2017, msm, "On foot through the forest across the green border with Greece", "MS04", "decreasing"),
                mo(2017, drg, "Heroin in TIR trucks", "DR02", "stable"),
                mo(2017, thb, "Sexual exploitation in night bars", "TH03", "stable"),
                mo(2018, msm, "Hidden in trucks", null, "stable"),
                mo(2018, msm, "Taxi and minibus transport to the Serbian border", "MS03", "increasing"),
                mo(2018, drg, "Cannabis from Albania hidden in cars", "DR02", "stable"),
                mo(2018, "THB", "Forced marriage", "TH07", "stable"),
                mo(2019, msm, "Hidden in trucks", "MS01", "stable"),
                mo(2019, msm, "Safe houses in Skopje and Kumanovo", "MS09", "increasing"),
                mo(2019, thb, "Loverboy method", "TH01", "stable"),
                mo(2019, fir, "Converted gas and alarm pistols", "FA01", "stable"),
                mo(2020, msm, "Hidden in trucks", "MS01", "stable"),
                mo(2020, msm, "Payment through a guarantor (hawala)", "MS11", "new"),
                mo(2020, drg, "Darknet purchases delivered by express parcels", "DR04", "increasing"),
                mo(2020, thb, "Labour exploitation in agriculture", null, "stable"),
                mo(2020, thb, "Victims recruited by relatives in their home villages", null, "new"),
                mo(2021, msm, "Air travel to Belgrade using visa-free entry", "MS08", "new"),
                mo(2021, msm, "Hidden in trucks", null, "stable"),
                mo(2021, msm, "Online advertising of smuggling services on Facebook", "MS10", "increasing"),
                mo(2021, drg, "Cocaine in banana containers via Thessaloniki", "DR01", "new"));
        mo.titles.add("Ministry of Interior – Threat Analysis 2017-2021");
        mo.titles.add("Table 2: Modus operandi");
        mo.headers = new String[] {"Year", "CRIME AREA", "MO-code", "Modus Operandi", "TREND", "notes"};
        mo.order = new int[] {0, 1, 3, 2, 4, 5};
        w.sheets.add(mo);

        SheetSpec rt = routeSheet(
                route(2017, msm, "migrants", "from Greece via North Macedonia and Serbia to Hungary", "road", "decreasing"),
                route(2017, drg, "heroin", "Turkey - Bulgaria - North Macedonia - Albania", "road", "stable"),
                route(2017, msm, "migrants", "Turkey - Bulgaria - Serbia - Hungary - Austria", "road", "stable",
                        "bypasses North Macedonia"),
                route(2018, msm, "migrants", "Turska–Grčka–S. Makedonija–Srbija–Mađarska", "road", "stable"),
                route(2018, drg, "cannabis", "Albania - North Macedonia - Bulgaria", "road", "stable"),
                route(2019, msm, "migrants", "Greece > North Macedonia > Serbia > Bosnia and Herzegovina", "on foot", "increasing"),
                route(2019, thb, "victims", "FYROM–Kosovo*–Serbia", "road", "stable"),
                route(2020, msm, "migrants", "Greece – North Macedonia – Serbia", "on foot", "decreasing"),
                route(2020, exc, "cigarettes", "Greece - North Macedonia - Serbia", "rail", "stable"),
                route(2021, msm, "migrants", "Greece-North Macedonia-Serbia-Hungary", "road", "increasing"),
                route(2021, drg, "cocaine", "Thessaloniki → Skopje", "road", "new"));
        // years as text in this sheet
        for (Row r : rt.rows) {
            r.c[0] = String.valueOf(r.c[0]);
        }
        rt.titles.add("Ministry of Interior – Threat Analysis 2017-2021");
        rt.titles.add("Table 3: Routes");
        rt.headers = new String[] {"year", "crime_area", "Route", "Commodity", "TRANSPORT", "Trend", "Notes:"};
        rt.order = new int[] {0, 1, 3, 2, 4, 5, 6};
        w.sheets.add(rt);
        return w;
    }

    // ------------------------------------------------------------------ RO rev 1 and rev 2

    static IndPlan romaniaPlan() {
        IndPlan p = new IndPlan(1008, 3.0, FULL, RO);
        p.portCocaine = true;
        p.cigUnit = "buc.";
        p.fireUnit = "buc.";
        return p;
    }

    static final String RO_MSM = "trafic de migranți";
    static final String RO_MSM_CEDILLA = "trafic de migranţi";
    static final String RO_DRG = "trafic de droguri";
    static final String RO_THB = "trafic de persoane";
    static final String RO_EXC = "contrabandă cu țigări";

    static Row[] romaniaMo(int from) {
        List<Row> all = List.of(
                mo(2017, RO_MSM, "migranți ascunși în camion, PTF Nădlac", "MS01", "stabil"),
                mo(2017, RO_THB, "cerșetorie forțată în Spania și Italia", "TH05", "în creștere"),
                mo(2017, RO_DRG, "curieri de droguri (body packers) pe Aeroportul Henri Coandă", "DR03", "stabil"),
                mo(2017, RO_THB, "recrutare prin metoda loverboy", "TH01", "în creștere"),
                mo(2017, RO_EXC, "țigări în containere cu marfă de acoperire, Portul Constanța", "EX01", "stabil"),
                mo(2018, RO_MSM_CEDILLA, "ascunşi în camion la PTF Nădlac II", null, "în creştere"),
                mo(2018, RO_THB, "cerşetorie forţată", "TH05", "stabil"),
                mo(2018, RO_DRG, "curier de droguri cu capsule ingerate", "DR03", "în scădere"),
                mo(2018, RO_MSM, "traversarea Dunării cu barca", "MS05", "nou"),
                mo(2019, RO_MSM, "ascunși în camion", "MS01", "în creștere"),
                mo(2019, RO_MSM, "trecere pe jos a frontierei verzi dinspre Serbia", "MS04", "în creștere"),
                mo(2019, RO_DRG, "cocaină în container cu banane, Portul Constanța", "DR01", "nou"),
                mo(2019, RO_THB, "exploatare prin muncă în agricultură", "TH04", "stabil"),
                mo(2020, RO_MSM, "ascunși în camion", "MS01", "stabil", "restricții COVID-19"),
                mo(2020, RO_DRG, "colet poștal cu droguri sintetice din darknet", "DR04", "în creștere"),
                mo(2020, RO_THB, "oferte false de muncă pe rețele sociale", "TH02", "în creștere"),
                mo(2020, RO_MSM, "căsătorie de conveniență", "MS12", "nou"),
                mo(2021, RO_MSM, "zboruri fără viză spre Belgrad, apoi rutier spre frontiera româno-sârbă", "MS08", "nou"),
                mo(2021, RO_MSM, "ascunși în camion", "MS01", "în creștere"),
                mo(2021, RO_DRG, "cocaină în containere cu banane", "DR01", "în creștere"),
                mo(2021, RO_THB, "exploatare sexuală prin metoda loverboy", "TH01", "stabil"));
        return all.stream().filter(r -> (Integer) r.c[0] >= from).toArray(Row[]::new);
    }

    static Row[] romaniaRoutes(int from) {
        List<Row> all = List.of(
                route(2017, RO_MSM, "migranți", "Turcia - Bulgaria - România - Ungaria", "rutier", "stabil"),
                route(2017, RO_DRG, "heroină", "Turcia - Bulgaria - România - Ungaria - Austria", "rutier", "stabil"),
                route(2018, RO_MSM, "migranți", "Serbia - România - Ungaria - Austria", "rutier", "în creștere"),
                route(2018, RO_DRG, "cocaină", "Brazilia → Constanța", "maritim", "nou"),
                route(2019, RO_MSM, "migranți", "Turkey by boat to Constanța", "maritim", "nou"),
                route(2019, RO_DRG, "cocaină", "Ecuador - Constanța - Ungaria", "maritim", "în creștere"),
                route(2019, RO_EXC, "țigări", "Ucraina - România", "rutier", "stabil"),
                route(2020, RO_MSM, "migranți", "dinspre Serbia prin România spre Ungaria", "rutier", "stabil"),
                route(2020, RO_EXC, "țigări", "Ucraina – Republica Moldova – România", "rutier", "stabil"),
                route(2021, RO_MSM, "migranți", "Turcia - Serbia - România - Ungaria - Austria", "aerian", "nou", "zbor până la Belgrad"),
                route(2021, RO_THB, "victime", "România - Germania - Regatul Unit", "rutier", "stabil"),
                route(2021, RO_DRG, "cocaină", "Ecuador → Constanța", "maritim", "în creștere"));
        return all.stream().filter(r -> (Integer) r.c[0] >= from).toArray(Row[]::new);
    }

    static WorkbookSpec romaniaRev1() {
        WorkbookSpec w = new WorkbookSpec("RO_2017-2021_rev1.xlsx", false);
        w.title = "Analiza amenințărilor 2017-2021 - România";
        w.label("Member state", "România")
                .label("Reporting period", "2017-2021")
                .label("Submission date", LocalDate.of(2022, 3, 14))
                .label("Revision", 1)
                .label("Template version", 1);

        List<Row> rows = indicators(romaniaPlan());
        // tolerated: decimal comma in a text cell
        find(rows, "2017/DRG/seizures/heroin").c[4] = "124,5";
        // the cedilla variant of the crime area in a few rows
        find(rows, "2018/MSM/cases").c[1] = RO_MSM_CEDILLA;
        find(rows, "2018/MSM/suspects").c[1] = RO_MSM_CEDILLA;
        find(rows, "2018/MSM/arrests").c[1] = RO_MSM_CEDILLA;
        rows.add(total("Total", "cazuri", sumOf(rows, "cazuri"), null, false));
        w.sheets.add(indicatorSheet(rows));
        w.sheets.add(moSheet(romaniaMo(2017)));
        w.sheets.add(routeSheet(romaniaRoutes(2017)));
        return w;
    }

    static WorkbookSpec romaniaRev2() {
        WorkbookSpec w = new WorkbookSpec("late/RO_2020-2021_rev2.xlsx", false);
        w.title = "Analiza amenințărilor 2020-2021 - România (revizia 2)";
        w.label("Member state", "ROU")
                .label("Reporting period", "2020–2021")
                .label("Submission date", "02.05.2022")
                .label("Revision", "rev. 2")
                .label("Template version", "1.0");

        List<Row> rows = new ArrayList<>();
        for (Row r : indicators(romaniaPlan())) {
            if ((Integer) r.c[0] < 2020) {
                continue;
            }
            Object[] c = r.c.clone();
            if (r.key.endsWith("/cases")) {
                c[4] = (int) Math.round(((Number) c[4]).intValue() * 1.1);
                c[6] = "cifră revizuită";
            }
            rows.add(new Row(Kind.DATA, r.key, c));
        }
        Row cannabis = find(rows, "2021/DRG/seizures/cannabis");
        cannabis.c[4] = round1(((Number) cannabis.c[4]).doubleValue() + 1250.0);
        cannabis.c[6] = "cifră revizuită (captură din decembrie 2021)";
        Row suspects = find(rows, "2020/THB/suspects");
        suspects.c[4] = ((Number) suspects.c[4]).intValue() + 12;
        suspects.c[6] = "cifră revizuită";
        rows.add(total("Total", "cazuri", sumOf(rows, "cazuri"), null, false));
        w.sheets.add(indicatorSheet(rows));

        SheetSpec mo = moSheet(romaniaMo(2020));
        // in rev 2 the lorry row of 2021 was retyped with cedillas and a new row was added
        for (Row r : mo.rows) {
            if (Integer.valueOf(2021).equals(r.c[0]) && "MS01".equals(r.c[3])) {
                r.c[1] = RO_MSM_CEDILLA;
                r.c[2] = "ascunşi în camion";
                r.c[4] = "stabil";
            }
        }
        mo.rows.add(mo(2021, RO_THB, "oferte false de muncă", "TH02", "în creștere"));
        w.sheets.add(mo);

        SheetSpec rt = routeSheet(romaniaRoutes(2020));
        rt.rows.add(route(2021, RO_MSM, "migranți", "Turcia - Bulgaria - România - Ungaria", "rutier", "stabil"));
        w.sheets.add(rt);
        return w;
    }

    // ------------------------------------------------------------------ RS

    static WorkbookSpec serbia() {
        WorkbookSpec w = new WorkbookSpec("RS_2017-2021.xlsx", false);
        w.title = "Процена претњи 2017-2021 - МУП Републике Србије";
        w.label("Member state", "Србија")
                .label("Reporting period", "2017-2021")
                .blank()
                .label("Submission date", LocalDate.of(2022, 3, 9))
                .label("Revision", 1)
                .label("Template version", 1);

        IndPlan p = new IndPlan(1009, 1.8, FULL, SR_CYRL);
        p.msmRise = true;
        p.cigUnit = "kom";
        p.fireUnit = "бр.";
        List<Row> rows = indicators(p);
        // tolerated: the year as a date cell
        find(rows, "2019/DRG/cases").c[0] = LocalDate.of(2019, 12, 31);
        // tolerated: missing figure written as a dash
        find(rows, "2018/EXC/arrests").c[4] = "-";
        rows.add(total("Укупно", "случајеви", sumOf(rows, "случајеви"), null, true));
        SheetSpec ind = indicatorSheet(rows);
        ind.headers = new String[] {"Godina", "Oblast kriminala", "Indikator", "Roba", "Vrednost", "Jedinica", "Napomena"};
        w.sheets.add(ind);

        String msm = "кријумчарење миграната";
        String drg = "трговина дрогом";
        String thb = "трговина људима";
        String fir = "трговина оружјем";
        String exc = "шверц цигарета";
        SheetSpec mo = moSheet(
                mo(2017, msm, "скривени у камиону", "MS01", "стабилно"),
                mo(2017, msm, "пешице преко зелене границе са Мађарском", "MS04", "у опадању"),
                mo(2017, drg, "курири дроге у авио-саобраћају", "DR03", "стабилно"),
                mo(2017, fir, "прерађено гасно и алармно оружје", "FA01", "у порасту"),
                mo(2017, thb, "сексуална експлоатација преко огласа", null, "стабилно"),
                mo(2018, msm, "скривени у камионима", "MS01", "у порасту"),
                mo(2018, msm, "сигурне куће у Суботици и Сомбору", "MS09", "у порасту"),
                mo(2018, drg, "курир дроге", "DR03", "у опадању"),
                mo(2018, thb, "лажне понуде за посао", "TH02", "у порасту"),
                mo(2019, msm, "скривени у камиону", "MS01", "стабилно"),
                mo(2019, msm, "прелазак Дрине чамцима према БиХ", "MS05", "ново"),
                mo(2019, drg, "курири дроге (гутачи)", "DR03", "у опадању"),
                mo(2019, drg, "кокаин у контејнерима са бананама", "DR01", "у порасту"),
                mo(2020, msm, "скривени у камиону", "MS01", "стабилно"),
                mo(2020, msm, "тунели испод ограде на граници са Мађарском", "MS07", "ново"),
                mo(2020, drg, "поштанске пошиљке", "DR04", "у порасту"),
                mo(2020, thb, "радна експлоатација", "TH04", "стабилно"),
                mo(2021, msm, "летови без визе до Београда", "MS08", "ново"),
                mo(2021, msm, "скривени у камиону", "MS01", "у порасту"),
                mo(2021, drg, "продаја дроге преко апликација и доставе", "DR08", "ново"),
                mo(2021, fir, "мрављи шверц оружја", "FA03", "стабилно"),
                mo(2021, exc, "цигарете у камионима са покривним теретом", "EX01", "стабилно"));
        mo.headers = new String[] {"Godina", "Oblast kriminala", "Način izvršenja", "MO code", "Trend", "Napomena"};
        w.sheets.add(mo);

        SheetSpec rt = routeSheet(
                route(2017, msm, "мигранти", "Грчка – Северна Македонија – Србија – Мађарска", "друмски", "у опадању"),
                route(2017, drg, "хероин", "Турска - Бугарска - Србија - Хрватска", "друмски", "стабилно"),
                route(2018, msm, "мигранти", "TR>BG>RS>HU>AT", "друмски", "у порасту"),
                route(2018, drg, "кокаин", "Еквадор → Бар → Србија", "друмски", "ново"),
                route(2018, exc, "цигарете", "Црна Гора - Србија - Мађарска", "друмски", "стабилно"),
                route(2019, msm, "мигранти", "TR>BG>RS>BA>HR>SI>AT", "друмски", "ново"),
                route(2019, msm, "мигранти", "Северна Македонија - Србија - БиХ", "пешице", "у порасту"),
                route(2019, drg, "канабис", "Албанија - Црна Гора - Србија", "друмски", "стабилно"),
                route(2020, msm, "мигранти", "Северна Македонија – Србија – БиХ – Хрватска", "пешице", "стабилно"),
                route(2020, fir, "оружје", "Србија - Хрватска - Словенија - Аустрија - Немачка", "друмски", "стабилно"),
                route(2021, msm, "мигранти", "Турска → Србија → БиХ → Хрватска", "ваздушни", "ново", "авионом до Београда"),
                route(2021, drg, "кокаин", "Еквадор → Бар → Србија", "друмски", "у порасту"));
        insertAfterYear(rt.rows, 2018, blankRow());
        rt.headers = new String[] {"Godina", "Oblast kriminala", "Roba", "Ruta", "Prevoz", "Trend", "Napomena"};
        w.sheets.add(rt);
        return w;
    }

    // ------------------------------------------------------------------ XK (no MO sheet)

    static WorkbookSpec kosovo() {
        WorkbookSpec w = new WorkbookSpec("late/XK_2019-2021.xlsx", false);
        w.title = "Threat analysis 2019-2021 - Kosovo Police";
        w.label("Member state", "Kosovo*")
                .label("Reporting period", "2019-2021")
                .label("Submission date", LocalDate.of(2022, 3, 21))
                .label("Revision", 1)
                .label("Template version", 1);

        IndPlan p = new IndPlan(1010, 0.6, new int[] {2019, 2020, 2021}, EN);
        p.cigUnit = "packs";
        List<Row> rows = indicators(p);
        find(rows, "2019/MSM/cases").c[1] = "MSM";
        find(rows, "2020/MSM/cases").c[1] = "MSM";
        rows.add(total("Total", "cases", sumOf(rows, "cases"), null, false));
        w.sheets.add(indicatorSheet(rows));

        String msm = "Migrant smuggling";
        String drg = "Drug trafficking";
        String fir = "Firearms trafficking";
        w.sheets.add(routeSheet(
                route(2019, msm, "migrants", "Albania - Kosovo* - Serbia - Bosnia and Herzegovina", "on foot", "increasing"),
                route(2019, drg, "heroin", "Turkey - Bulgaria - North Macedonia - Kosovo*", "road", "stable"),
                route(2020, msm, "migrants", "Serbia", "road", "stable"),
                route(2020, drg, "cannabis", "Albania → Kosovo* → Serbia", "road", "stable"),
                route(2021, msm, "migrants", "North Macedonia - Kosovo* - Serbia - Bosnia and Herzegovina", "on foot", "increasing"),
                route(2021, fir, "firearms", "Kosovo* – Montenegro – Bosnia and Herzegovina", "road", "stable")));
        return w;
    }

    // ------------------------------------------------------------------ writing

    static final class Styles {
        final CellStyle header;
        final CellStyle title;
        final CellStyle date;
        final CellStyle label;
        final CellStyle merged;

        Styles(Workbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            label = wb.createCellStyle();
            label.setFont(bold);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 13);
            title = wb.createCellStyle();
            title.setFont(big);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            merged = wb.createCellStyle();
            merged.setVerticalAlignment(VerticalAlignment.TOP);
        }
    }

    static Path write(Path folder, WorkbookSpec spec) throws IOException {
        Path target = folder.resolve(spec.file);
        Files.createDirectories(target.getParent());
        try (Workbook wb = spec.xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            writeCover(wb, spec, st);
            for (SheetSpec s : spec.sheets) {
                writeDataSheet(wb, s, st);
            }
            setProperties(wb, spec);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            wb.write(bytes);
            byte[] content = spec.xls ? bytes.toByteArray() : withFixedZipTimes(bytes.toByteArray());
            try (OutputStream out = Files.newOutputStream(target)) {
                out.write(content);
            }
        }
        return target;
    }

    /** Rewrites an .xlsx package with a fixed time on every zip entry, so that runs give identical bytes. */
    static byte[] withFixedZipTimes(byte[] zip) throws IOException {
        long time = LocalDateTime.ofInstant(FIXED_INSTANT, ZoneOffset.UTC)
                .atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream zout = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(time);
                zout.putNextEntry(copy);
                in.transferTo(zout);
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static void setProperties(Workbook wb, WorkbookSpec spec) {
        if (wb instanceof XSSFWorkbook x) {
            POIXMLProperties props = x.getProperties();
            POIXMLProperties.CoreProperties core = props.getCoreProperties();
            core.setCreator(AUTHOR);
            core.setLastModifiedByUser(AUTHOR);
            core.setCreated(Optional.of(FIXED_DATE));
            core.setModified(Optional.of(FIXED_DATE));
            core.setTitle(spec.title);
            props.getExtendedProperties().setApplication("Microsoft Excel");
            props.getExtendedProperties().setCompany("Fictional sample data");
        } else if (wb instanceof HSSFWorkbook h) {
            h.createInformationProperties();
            SummaryInformation si = h.getSummaryInformation();
            si.getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
            si.setAuthor(AUTHOR);
            si.setLastAuthor(AUTHOR);
            si.setTitle(spec.title);
            si.setCreateDateTime(FIXED_DATE);
            si.setLastSaveDateTime(FIXED_DATE);
            si.setApplicationName("Microsoft Excel");
            DocumentSummaryInformation dsi = h.getDocumentSummaryInformation();
            dsi.getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
            dsi.setCompany("Fictional sample data");
        }
    }

    static void writeCover(Workbook wb, WorkbookSpec spec, Styles st) {
        Sheet sh = wb.createSheet("Submission");
        int r = 0;
        for (Object[] lv : spec.cover) {
            if (lv == null) {
                r++;
                continue;
            }
            org.apache.poi.ss.usermodel.Row row = sh.createRow(r++);
            Cell a = row.createCell(0);
            a.setCellValue((String) lv[0]);
            a.setCellStyle(st.label);
            setValue(row.createCell(1), lv[1], st);
        }
        sh.setColumnWidth(0, 22 * 256);
        sh.setColumnWidth(1, 28 * 256);
    }

    static int indexOf(int[] order, int contractColumn) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] == contractColumn) {
                return i;
            }
        }
        throw new IllegalArgumentException("column " + contractColumn);
    }

    static void writeDataSheet(Workbook wb, SheetSpec s, Styles st) {
        Sheet sh = wb.createSheet(s.name);
        int n = s.headers.length;
        int[] width = new int[n];
        int r = 0;
        for (String t : s.titles) {
            Cell c = sh.createRow(r++).createCell(0);
            c.setCellValue(t);
            c.setCellStyle(st.title);
        }
        if (!s.titles.isEmpty()) {
            r++; // blank row between the titles and the header
        }
        org.apache.poi.ss.usermodel.Row head = sh.createRow(r++);
        for (int i = 0; i < n; i++) {
            Cell c = head.createCell(i);
            c.setCellValue(s.headers[i]);
            c.setCellStyle(st.header);
            width[i] = Math.max(width[i], s.headers[i].length() + 2);
        }
        sh.createFreezePane(0, r);
        int firstData = r;
        int lastData = r;
        int yearCol = indexOf(s.order, 0);
        int groupStart = -1;
        Object groupYear = null;
        List<CellRangeAddress> merges = new ArrayList<>();

        for (Row row : s.rows) {
            if (row.kind != Kind.DATA || !isSameYear(groupYear, row.c[0])) {
                if (groupStart >= 0 && r - 1 > groupStart) {
                    merges.add(new CellRangeAddress(groupStart, r - 1, yearCol, yearCol));
                }
                groupStart = -1;
                groupYear = null;
            }
            switch (row.kind) {
                case BLANK -> r++;
                case WHITESPACE -> {
                    org.apache.poi.ss.usermodel.Row x = sh.createRow(r++);
                    for (int i = 0; i < n; i++) {
                        x.createCell(i).setCellValue(i == 0 ? " " : "  ");
                    }
                }
                case DATA -> {
                    org.apache.poi.ss.usermodel.Row x = sh.createRow(r);
                    boolean continuation = s.mergeYear && groupStart >= 0;
                    if (s.mergeYear && groupStart < 0) {
                        groupStart = r;
                        groupYear = row.c[0];
                    }
                    for (int i = 0; i < n; i++) {
                        Object v = row.c[s.order[i]];
                        if (i == yearCol && continuation) {
                            continue;
                        }
                        if (v != null) {
                            Cell c = x.createCell(i);
                            setValue(c, v, st);
                            if (i == yearCol && s.mergeYear) {
                                c.setCellStyle(st.merged);
                            }
                            width[i] = Math.max(width[i], String.valueOf(v).length() + 2);
                        }
                    }
                    lastData = r;
                    r++;
                }
                case TOTAL -> {
                    org.apache.poi.ss.usermodel.Row x = sh.createRow(r++);
                    for (int i = 0; i < n; i++) {
                        Object v = row.c[s.order[i]];
                        if (v == null) {
                            continue;
                        }
                        Cell c = x.createCell(i);
                        if (s.order[i] == 4 && row.formula) {
                            String ind = CellReference.convertNumToColString(indexOf(s.order, 2));
                            String val = CellReference.convertNumToColString(indexOf(s.order, 4));
                            c.setCellFormula(String.format(Locale.ROOT, "SUMIF(%s%d:%s%d,\"%s\",%s%d:%s%d)",
                                    ind, firstData + 1, ind, lastData + 1, row.c[2], val, firstData + 1, val, lastData + 1));
                            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
                            double cached = ev.evaluateFormulaCell(c) == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                    ? c.getNumericCellValue() : Double.NaN;
                            if (cached != ((Number) v).doubleValue()) {
                                throw new IllegalStateException("total formula gives " + cached + ", expected " + v
                                        + " in sheet " + s.name);
                            }
                        } else {
                            setValue(c, v, st);
                        }
                        c.setCellStyle(st.header);
                    }
                }
            }
        }
        if (groupStart >= 0 && r - 1 > groupStart) {
            merges.add(new CellRangeAddress(groupStart, r - 1, yearCol, yearCol));
        }
        for (CellRangeAddress m : merges) {
            sh.addMergedRegion(m);
        }
        for (int i = 0; i < n; i++) {
            sh.setColumnWidth(i, Math.min(80, Math.max(8, width[i])) * 256);
        }
    }

    static boolean isSameYear(Object groupYear, Object year) {
        return groupYear != null && groupYear.equals(year);
    }

    static void setValue(Cell c, Object v, Styles st) {
        if (v instanceof String s) {
            c.setCellValue(s);
        } else if (v instanceof Integer i) {
            c.setCellValue(i);
        } else if (v instanceof Long l) {
            c.setCellValue(l);
        } else if (v instanceof Double d) {
            c.setCellValue(d);
        } else if (v instanceof LocalDate d) {
            c.setCellValue(d);
            c.setCellStyle(st.date);
        } else {
            throw new IllegalArgumentException("unsupported cell value " + v);
        }
    }
}
