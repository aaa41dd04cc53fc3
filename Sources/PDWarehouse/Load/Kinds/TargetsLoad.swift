import PDContract

extension ExportLoad {
    /// Indicator targets (issue 13 §1): staged, checked against the catalogue, the academic years
    /// and the directory, and merged by indicator, year and level (a later file's target
    /// replaces the stored one). Small files: no direct path.
    static let targets = ExportLoad(
        kind: .targets,
        rows: { context in TargetRows(context) },
        staging: Staging(
            create: "load/targets/stage.sql", copy: "load/targets/copy_stage.sql",
            analyze: "load/targets/analyze_stage.sql"),
        checkStaged: "load/targets/check_stage.sql",
        merge: Merge(file: "load/targets/merge.sql", firstLoad: nil),
        direct: nil,
        counts: FactCounts(all: "load/targets/count_facts.sql", ofBatch: "load/targets/count_batch_facts.sql"))
}

/// The rows of one targets file (see `RowPipeline`).
final class TargetRows: RowPipeline {
    private var validator: TargetValidator
    private var last: TargetRecord?

    init(_ context: RowContext) {
        validator = TargetValidator(header: context.header, knownSchools: context.knownSchools,
                                    knownIndicators: context.dimensions.indicators)
    }

    func validate(_ fields: [String], line: Int) -> RowResult<Void> {
        let result = validator.validate(fields, line: line)
        last = result.record
        return result.withoutRecord
    }

    /// A row of `load/targets/copy_stage.sql`.
    func encodeStaged(line: Int, into row: inout CopyRow) throws {
        guard let target = last else { return }
        row.int(line)
        row.text(target.indicator)
        row.int(target.academicYear.start)
        row.text(target.schoolCode)
        row.text(target.valueText)
        row.text(target.sourceDocument)
        row.text(target.sourceDate?.iso)
        row.end()
    }
}
