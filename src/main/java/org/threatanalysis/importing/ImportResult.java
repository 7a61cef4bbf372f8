package org.threatanalysis.importing;

import java.util.List;

import org.threatanalysis.staging.StagedRows.DataQualityIssue;
import org.threatanalysis.staging.StagedRows.PassedRow;
import org.threatanalysis.staging.StagedRows.Staged;

/**
 * What became of one imported item: a staged row (possibly with warnings), a blank or total
 * row, or a rejected row; every outcome carries its data-quality findings.
 */
public record ImportResult(Staged staged, PassedRow passed, List<DataQualityIssue> issues) {

    public ImportResult {
        issues = List.copyOf(issues);
    }
}
