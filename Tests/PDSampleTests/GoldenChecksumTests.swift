import Crypto
import Testing
@testable import PDSample

/// The generator's output is pinned: the same options and seed must give these exact bytes,
/// release after release (analysts' fixtures and the benchmark depend on it). The checksums
/// are `sha256sum` of `pdmon sample --schools 6 --teachers 150 --years 2020-2021..2022-2023
/// --seed 7` (and with `--messy`), recorded when PDSample moved onto the contract's calendar
/// and alias tables. A change here is a change of the sample city: say so, and record the new
/// sums on purpose.
@Suite struct GoldenChecksumTests {
    static let clean: [String: String] = [
        "enrolments_2020-2021.csv": "76244930f4b86a020d736b207a29b77ce6019ce706dc93eae05012adfd79eb4c",
        "enrolments_2021-2022.csv": "3bb083f08c46f39d77a07f14f722648dbc5f1363e05f5f962c4ace24f51638f7",
        "enrolments_2022-2023.csv": "bc215822957b819f08b42a97f72a4d95092e68a3a357db51a1a16f073472242f",
        "schools.csv": "3b1923d5a192c799fc276f91703f96c4db05c50915ee75a99b717e967d23effd",
        "survey_2020-2021.csv": "dd25aac0634d4d1ec99b3a7b94b89be3526aaab58bbfadb33cd6c3dabb0aa13a",
        "survey_2021-2022.csv": "753239cca9f712f5e4a8eb730f401c0541f64e8873b7f179cd6fc9a5208970ab",
        "survey_2022-2023.csv": "73db65559c0a876d00126bf0b9f8a0a098b39870ed765362d46edf9380905391",
    ]

    static let messy: [String: String] = [
        "enrolments_2020-2021.csv": "72d181b5f504a0a75f4fa53c34b8d92845ed307f54c606abadb9f1b951d9f4aa",
        "enrolments_2021-2022.csv": "78f279906fafd64639407095e37aa36c9b7c0d2fd95912d118e2879a7ffc0600",
        "enrolments_2022-2023.csv": "351f288f6cd9134d1117c5af0e50708967ca0ff5e2407cac0f15a1cb23c85352",
        "schools.csv": "2c3c174a8cbd816d86e1bc9e85514e990fc851b961b72df6afd1affa54d7476f",
        "survey_2020-2021.csv": "03420558ae6c368543133d979e105b2078fa39ddce0dcb9223c951834f3a0588",
        "survey_2021-2022.csv": "8ea8951cc817b252ce7754552c4e7c2c3b63e02fa1e024c4634d3883ae8374b0",
        "survey_2022-2023.csv": "c7435a9a39cd8489d43d0a89beaa2af038c37cad1645d16aae2574115658cf57",
    ]

    @Test(arguments: [false, true])
    func theSmallCityIsByteForByteAsRecorded(messy: Bool) throws {
        var options = smallCity
        options.messy = messy
        #expect(options.schools == 6 && options.teachers == 150 && options.seed == 7)
        #expect(options.years.map(\.description) == ["2020-2021", "2021-2022", "2022-2023"])
        let city = try WrittenCity(options)
        defer { city.remove() }
        let expected = messy ? Self.messy : Self.clean
        #expect(try city.fileNames() == expected.keys.sorted())
        for name in try city.fileNames() {
            let digest = SHA256.hash(data: try city.bytes(name)).map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
            #expect(digest == expected[name], "\(name) (messy: \(messy)) changed")
        }
    }
}
