import PDContract

extension ExportLoad {
    /// Measures taken on recommendations (docs/exports.md §5.6): rule codes and indicators are
    /// checked row by row against the warehouse's rules and catalogue
    /// (`DimensionKeys.measureAims`), then merged into `dw.measure` on their natural key.
    static let measures = ExportLoad(
        kind: .measures,
        rows: { context in MeasureRows(context) },
        staging: Staging(
            create: "load/measures/stage.sql", copy: "load/measures/copy_stage.sql",
            analyze: "load/measures/analyze_stage.sql"),
        checkStaged: "load/measures/check_stage.sql",
        merge: Merge(file: "load/measures/merge.sql", firstLoad: nil),
        direct: nil,
        counts: FactCounts(all: "load/measures/count_facts.sql", ofBatch: "load/measures/count_batch_facts.sql"))
}

/// The rows of one measures file (see `RowPipeline`).
final class MeasureRows: RowPipeline {
    private var validator: MeasureValidator
    private var last: MeasureRecord?

    init(_ context: RowContext) {
        validator = MeasureValidator(
            header: context.header, knownSchools: context.knownSchools, aims: context.dimensions.measureAims,
            years: context.years)
    }

    func validate(_ fields: [String], line: Int) -> RowResult<Void> {
        let result = validator.validate(fields, line: line)
        last = result.record
        return result.withoutRecord
    }

    /// A row of `load/measures/copy_stage.sql`.
    func encodeStaged(line: Int, into row: inout CopyRow) throws {
        guard let measure = last else { return }
        row.int(line)
        row.int(measure.academicYear.start)
        row.text(measure.schoolCode)
        row.text(measure.ruleCode)
        row.text(measure.indicator)
        row.text(measure.text)
        row.int(measure.date.key)
        row.text(measure.responsibleRole)
        row.end()
    }
}
