package org.threatanalysis.importing;

import java.util.List;

import org.threatanalysis.staging.StagedRows.DataQualityIssue;
import org.threatanalysis.staging.StagedRows.PassedRow;
import org.threatanalysis.staging.StagedRows.Staged;

/**
 * What became of one imported item: a staged row (possibly with warnings), a blank or total
 * row, or a rejected row; every outcome carries its data-quality findings. Or, last of a file,
 * the reason the whole file is rejected ({@code fileRejected}, otherwise {@code null}).
 */
public record ImportResult(Staged staged, PassedRow passed, List<DataQualityIssue> issues, String fileRejected) {

    public ImportResult {
        issues = List.copyOf(issues);
    }

    public ImportResult(Staged staged, PassedRow passed, List<DataQualityIssue> issues) {
        this(staged, passed, issues, null);
    }

    public static ImportResult fileRejected(String reason) {
        return new ImportResult(null, null, List.of(), reason);
    }
}
