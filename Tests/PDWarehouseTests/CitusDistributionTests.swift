import Foundation
import Logging
import Testing
import PDContract
import PDPostgres
@testable import PDWarehouse

/// `pdmon db distribute` on a server without Citus (the one `scripts/test` starts): exit 2,
/// nothing changed. The distribution itself needs a Citus cluster and is checked for real
/// by `scripts/citus-check` (bench/citus.md), not here.
@Suite(.enabled(if: TestDatabase.isConfigured, "needs PDMON_TEST_DATABASE_URL: run scripts/test"))
struct CitusDistributionTests {
    @Test func withoutCitusTheCommandExitsTwoAndChangesNothing() throws {
        let fixture = try LoadFixture()
        let warehouse = try Warehouse(conninfo: fixture.db.url, sql: TestDatabase.sqlDirectory, logger: Logger(label: "test"))
        defer { warehouse.close() }
        let before = try warehouse.status().rowCounts.map(\.table)
        #expect(throws: CitusError.extensionAbsent) { try warehouse.distribute() }
        #expect(ExitStatus(for: CitusError.extensionAbsent) == .usage)
        #expect(String(describing: CitusError.extensionAbsent).contains("citus"))
        #expect(try warehouse.status().rowCounts.map(\.table) == before)
    }

    @Test func theSummarySaysWhatChangedAndASecondRunSaysNothing() {
        let fact = CitusDistribution.Table(
            name: "dw.fact_teacher_year", method: "distributed", distributionColumn: "teacher_key",
            colocationID: "2", changedNow: true)
        let dimension = CitusDistribution.Table(
            name: "dw.dim_school", method: "reference", distributionColumn: "", colocationID: "1", changedNow: false)
        let first = CitusDistribution(citusVersion: "13.0-1", tables: [dimension, fact])
        #expect(first.changedCount == 1)
        #expect(first.rendered() == """
            citus 13.0-1
            dw.dim_school: reference
            dw.fact_teacher_year: distributed by teacher_key, colocation 2 (now / сейчас)
            distributed 1 table(s) / распределено таблиц: 1
            """)
        let second = CitusDistribution(citusVersion: "13.0-1", tables: [
            dimension,
            CitusDistribution.Table(name: fact.name, method: fact.method, distributionColumn: fact.distributionColumn,
                                    colocationID: fact.colocationID, changedNow: false),
        ])
        #expect(second.changedCount == 0)
        #expect(second.rendered().hasSuffix("nothing to change: already distributed / изменений нет: уже распределено"))
    }
}
