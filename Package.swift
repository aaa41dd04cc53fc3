// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pdmon",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pdmon", targets: ["pdmon"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libpq, the only database driver. Only PDPostgres may import it.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // The safe Swift wrapper over libpq: connections, bound parameters, COPY.
        .target(name: "PDPostgres", dependencies: ["CLibPQ"]),
        // Pure: byte-level CSV reading and writing, encodings. No database.
        .target(name: "PDCSV"),
        // Pure: the export contract (fields, aliases, value rules, validation, pseudonyms).
        .target(
            name: "PDContract",
            dependencies: [
                "PDCSV",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Pure: XLSX workbooks read as rows (streaming) and written (ZIPFoundation + XMLParser).
        .target(
            name: "PDXLSX",
            dependencies: ["PDCSV", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Pure: the deterministic generator of sample exports (spelled as the contract says).
        .target(name: "PDSample", dependencies: ["PDCSV", "PDContract", "PDXLSX"]),
        // Pure: report files, result tables and their renderers.
        // Recommendations/ is the one home of the recommendation rules (model, engine, rules file, merge).
        // Documents/ writes the spreadsheets (through PDXLSX) and the DOCX documents.
        .target(
            name: "PDReport",
            dependencies: ["PDCSV", "PDContract", "PDXLSX", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // The warehouse: migrations, loads, the nightly ETL, reports against PostgreSQL.
        .target(
            name: "PDWarehouse",
            dependencies: [
                "PDPostgres", "PDCSV", "PDContract", "PDReport", "PDXLSX",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "pdmon",
            dependencies: [
                "PDWarehouse", "PDContract", "PDSample", "PDReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The parser micro-benchmark (issue 5): CSVReader and the validators alone, no database.
        .executableTarget(name: "pdmon-parse-bench", dependencies: ["PDCSV", "PDContract", "PDXLSX"], path: "Sources/PDParseBench"),
        .testTarget(name: "PDCSVTests", dependencies: ["PDCSV", "PDSample"]),
        .testTarget(name: "PDContractTests", dependencies: ["PDContract", "PDSample"]),
        .testTarget(
            name: "PDXLSXTests",
            dependencies: ["PDXLSX", "PDCSV", "PDSample", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["FuzzCorpus"]
        ),
        .testTarget(
            name: "PDSampleTests",
            dependencies: ["PDSample", "PDContract", "PDCSV", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .testTarget(
            name: "PDReportTests",
            dependencies: ["PDReport", "PDXLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "PDWarehouseTests",
            dependencies: ["PDWarehouse", "PDPostgres", "PDContract", "PDSample", "PDCSV", "PDXLSX",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // Snapshots, and the real-export cases (inputs, cmd.sh, expect.txt): read by path from the checkout.
            exclude: ["Snapshots", "Cases"]
        ),
    ]
)
