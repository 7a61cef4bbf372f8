package org.threatanalysis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options file the README's commands start the JVM with ({@code java @target/jvm.options
 * -jar ...}, copied from {@code src/main/dist}): a misspelt option would stop the JVM before the
 * job runs, at night, so every option must be one this JVM takes, and takes as written.
 */
class JvmOptionsFileTest {

    private static final Path OPTIONS = Path.of("src", "main", "dist", "jvm.options");
    private static final Pattern FLAG = Pattern.compile("-XX:([+-]?)(\\w+)(?:=(.*))?");
    private static final Pattern LOG = Pattern.compile("-Xlog:[\\w+]+=\\w+");
    private static final Pattern PROPERTY = Pattern.compile("-D([\\w.]+)=(\\S+)");

    @Test
    void shouldStartThisJvmWithEveryOptionSetFromTheFile() throws IOException, InterruptedException {
        List<String> options = Files.readAllLines(OPTIONS).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(JvmOptionsFileTest::unquoted).toList();
        assertThat(options).isNotEmpty().allMatch(option -> FLAG.matcher(option).matches() || LOG.matcher(option).matches()
                || PROPERTY.matcher(option).matches());

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + OPTIONS.toAbsolutePath(), "-XX:+PrintFlagsFinal", "-XshowSettings:properties", "-version")
                .redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor()).as(output).isZero();

        // Logging options are not flags: the JVM above refused to start if one was wrong.
        for (String option : options.stream().filter(option -> FLAG.matcher(option).matches()).toList()) {
            Matcher flag = FLAG.matcher(option);
            assertThat(flag.matches()).isTrue();
            String wanted = flag.group(3) != null ? flag.group(3) : String.valueOf(!flag.group(1).equals("-"));
            // PrintFlagsFinal: "<type> <name> = <value> {<kind>} {command line}"
            Pattern line = Pattern.compile("\\s*\\S+\\s+" + flag.group(2) + "\\s+:?=\\s+(\\S+)\\s.*\\{command line\\}.*");
            List<String> set = output.lines().map(line::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
            assertThat(set).as(option).hasSize(1);
            assertThat(sameValue(set.get(0), wanted)).as(option + " is set to " + set.get(0)).isTrue();
        }
        // System properties: "    <name> = <value>" in the JVM's settings
        for (String option : options.stream().filter(option -> PROPERTY.matcher(option).matches()).toList()) {
            Matcher property = PROPERTY.matcher(option);
            assertThat(property.matches()).isTrue();
            assertThat(output.lines().map(String::strip)).as(option)
                    .contains(property.group(1) + " = " + property.group(2));
        }
    }

    @Test
    void shouldStartQuietlyWithADamagedClassDataArchive(@TempDir Path folder) throws Exception {
        // A damaged archive (a build stopped while writing it): the job starts as it would
        // without one (no -Xshare:on), and says nothing about it.
        Path archive = folder.resolve("target").resolve("threat-analysis-consolidation.jsa");
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[64 * 1024]);

        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + OPTIONS.toAbsolutePath(), "-version").directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(java.waitFor()).as(output).isZero();
        assertThat(output).as(output).doesNotContainIgnoringCase("archive").doesNotContainIgnoringCase("cds")
                .contains("OpenJDK", "version");
    }

    /** An argument file may quote an option (a path with spaces): the JVM sees it unquoted. */
    private static String unquoted(String option) {
        return option.length() > 1 && option.startsWith("\"") && option.endsWith("\"")
                ? option.substring(1, option.length() - 1) : option;
    }

    /** 3 and 3.000000 are the same setting. */
    private static boolean sameValue(String set, String wanted) {
        try {
            return Double.parseDouble(set) == Double.parseDouble(wanted);
        } catch (NumberFormatException e) {
            return set.equals(wanted);
        }
    }
}
