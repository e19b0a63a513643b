// swift-tools-version:6.1
// tern: a terminal email client. See ARCHITECTURE.md for the map of targets and the import rules.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "tern",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tern", targets: ["tern"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // C shim over ncursesw. Only TerminalKit/Backend may import it.
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // zlib, for IMAP COMPRESS=DEFLATE (RFC 4978). Only Transport may import it.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "MailCore", swiftSettings: swiftSettings),
        .target(name: "IMAP", dependencies: ["MailCore"], swiftSettings: swiftSettings),
        .target(name: "POP3", dependencies: ["MailCore"], swiftSettings: swiftSettings),
        .target(name: "SMTP", dependencies: ["MailCore"], swiftSettings: swiftSettings),
        .target(
            name: "Transport",
            dependencies: [
                "MailCore", "IMAP", "POP3", "SMTP", "CZlib",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MailStore",
            dependencies: [
                "MailCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, for the header cache's bulk inserts (RowInserter).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TernConfig",
            dependencies: ["MailCore", .product(name: "TOMLKit", package: "TOMLKit")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MailEngine",
            dependencies: [
                "MailCore", "IMAP", "POP3", "SMTP", "Transport", "MailStore", "TernConfig",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "TerminalKit", dependencies: ["CNcurses"], swiftSettings: swiftSettings),
        // A small TerminalKit program for manual checks and the tmux tests of TerminalKitTests.
        .executableTarget(name: "TerminalKitDemo", dependencies: ["TerminalKit"], swiftSettings: swiftSettings),
        .target(
            name: "TernUI",
            dependencies: ["TerminalKit", "MailEngine", "TernConfig", "MailCore"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "tern",
            dependencies: [
                "MailCore", "IMAP", "POP3", "SMTP", "Transport", "MailStore", "TernConfig",
                "MailEngine", "TerminalKit", "TernUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings,
            // Packed relative relocations (DT_RELR, glibc 2.36+) with lld: the 1 MB table of
            // 35,000 relocations that every start reads shrinks to a few KB (peak RSS of a short
            // `tern list`).
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                                          .when(platforms: [.linux], configuration: .release))]
        ),
        .target(
            name: "TernTestSupport",
            dependencies: [
                "MailCore", "MailEngine", "TernUI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        // Benchmark of the MIME parser (scripts/bench mime) and its libFuzzer target (scripts/fuzz-mime).
        .executableTarget(name: "BenchMIME", dependencies: ["MailCore"], path: "Bench/MIME", swiftSettings: swiftSettings),
        // Benchmark of the Maildir scan into the header cache (scripts/bench maildir).
        .executableTarget(name: "BenchMaildir", dependencies: ["MailStore", "MailCore"], path: "Bench/Maildir",
                          swiftSettings: swiftSettings),
        .executableTarget(name: "FuzzMIME", dependencies: ["MailCore"], path: "Fuzz/MIME", swiftSettings: swiftSettings),
        // SMTP submission benchmark against the test Postfix (scripts/bench smtp).
        .executableTarget(name: "BenchSMTP", dependencies: [
                              "SMTP", "Transport",
                              .product(name: "NIOCore", package: "swift-nio"),
                              .product(name: "NIOPosix", package: "swift-nio"),
                          ], path: "Bench/SMTP", swiftSettings: swiftSettings),
        // Benchmark of the IMAP parser and client (scripts/bench imap).
        .executableTarget(name: "BenchIMAP", dependencies: ["IMAP", "Transport", "MailCore", "MailEngine", "MailStore", "TernTestSupport"],
                          path: "Bench/IMAP", swiftSettings: swiftSettings),
        // Benchmark of the message viewer (scripts/bench viewer).
        .executableTarget(name: "BenchViewer", dependencies: ["MailCore", "TerminalKit", "TernConfig", "TernUI"],
                          path: "Bench/Viewer", swiftSettings: swiftSettings),

        .testTarget(name: "MailCoreTests", dependencies: ["MailCore", "TernTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "IMAPTests", dependencies: ["IMAP", "TernTestSupport"],
                    resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(name: "POP3Tests", dependencies: ["POP3", "TernTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SMTPTests", dependencies: ["SMTP", "TernTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "TransportTests", dependencies: ["Transport", "TernTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "MailStoreTests", dependencies: ["MailStore", "TernTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "TernConfigTests", dependencies: ["TernConfig", "TernTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "MailEngineTests", dependencies: ["MailEngine", "TernTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit", "TernTestSupport"],
                    exclude: ["Snapshots"], swiftSettings: swiftSettings),
        .testTarget(
            name: "TernUITests",
            dependencies: ["TernUI", "TerminalKit", "MailEngine", "TernConfig", "MailCore", "TernTestSupport"],
            exclude: ["Snapshots"],
            swiftSettings: swiftSettings
        ),
        // Drives the real `tern` binary in tmux (skipped when tmux is missing).
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["MailEngine", "MailCore", "TernTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["MailEngine", "MailStore", "Transport", "TernConfig", "TernTestSupport", "TernUI"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "ArchitectureTests", dependencies: [], swiftSettings: swiftSettings),
    ]
)
