// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "BaoCao",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "baocao", targets: ["BaoCaoCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Pure domain: periods, calendars, metrics, Vietnamese numbers and phrases. No I/O, no frameworks.
        .target(name: "BaoCaoDomain"),
        // File formats for exchange (CSV / JSON / the first sheet of an XLSX) parsed into domain records; no database.
        .target(name: "BaoCaoExchange", dependencies: ["BaoCaoDomain", "BaoCaoDocuments"]),
        // Schema, migrations, repositories and SQL aggregation; runs on SQLite and PostgreSQL.
        .target(
            name: "BaoCaoStorage",
            dependencies: [
                "BaoCaoDomain", "BaoCaoExchange",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "Logging", package: "swift-log"),
            ], resources: [.copy("Resources/demo"), .copy("Resources/rules")]),
        // Documents: the report model written as Office Open XML (DOCX), zipped with ZIPFoundation.
        .target(
            name: "BaoCaoDocuments",
            dependencies: [
                "BaoCaoDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // HTTP: the web application (pages, sessions, access checks), report downloads and the JSON API.
        .target(
            name: "BaoCaoWeb",
            dependencies: [
                "BaoCaoDomain", "BaoCaoStorage", "BaoCaoDocuments",
                .product(name: "Vapor", package: "vapor"),
                // For the database handle the repositories take; no SQL is written in the web target.
                .product(name: "SQLKit", package: "sql-kit"),
                // Requests, latency, refused logins and queues for /metrics, in Prometheus text format.
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                // Reminder e-mail: a small SMTP client on a TCP connection.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ], resources: [.copy("Resources/openapi.json")]),
        // Timings: synthetic national-scale data, the reference report, the web pages, users over HTTP.
        .target(
            name: "BaoCaoBench",
            dependencies: [
                "BaoCaoDomain", "BaoCaoStorage", "BaoCaoDocuments", "BaoCaoWeb",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ], resources: [.copy("Resources/units-2025")]),
        .executableTarget(
            name: "BaoCaoCLI",
            dependencies: [
                "BaoCaoDomain", "BaoCaoExchange", "BaoCaoStorage", "BaoCaoWeb", "BaoCaoBench", "BaoCaoDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Test helpers shared by the test targets: a freshly migrated database per test.
        .target(name: "BaoCaoTestSupport", dependencies: ["BaoCaoStorage"]),
        .testTarget(name: "BaoCaoDomainTests", dependencies: ["BaoCaoDomain", "BaoCaoTestSupport"]),
        .testTarget(
            name: "BaoCaoDocumentsTests",
            dependencies: [
                "BaoCaoDocuments", "BaoCaoDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(name: "BaoCaoExchangeTests", dependencies: ["BaoCaoExchange", "BaoCaoDomain"]),
        // The reference report is read from its path, not bundled.
        .testTarget(
            name: "BaoCaoStorageTests", dependencies: ["BaoCaoStorage", "BaoCaoTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "BaoCaoWebTests",
            dependencies: [
                "BaoCaoWeb", "BaoCaoStorage", "BaoCaoExchange", "BaoCaoDocuments", "BaoCaoTestSupport",
                .product(name: "XCTVapor", package: "vapor"),
                // To open the DOCX and XLSX the server sends and check every part is well-formed XML.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                // A little SMTP server in the tests, to receive the reminders.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        // The benchmark's data: the real list of units it runs on, and its pages.
        .testTarget(name: "BaoCaoBenchTests", dependencies: ["BaoCaoBench", "BaoCaoStorage", "BaoCaoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
