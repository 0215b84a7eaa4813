// swift-tools-version: 6.1
import PackageDescription

// Layers, lowest first; each depends only on those above it in this list:
//   CLibCrypto, CCmarkGFM        system libraries (libcrypto's SHA-256, cmark-gfm)
//   POSIXFiles, HTMLEscaping     file I/O with temp-then-rename; the one HTML/XML escaper
//   DNS                          DNS messages, UPDATE (RFC 2136) and TSIG (RFC 8945) over UDP/TCP (knows nothing of blogs)
//   ContentAddressing            CIDs, DAG-PB, UnixFS, CAR, block stores (knows nothing of blogs)
//   COniguruma, CVips            system libraries (Oniguruma regexes; libvips, for resized images)
//   ImageInfo                    image dimensions from PNG, JPEG, GIF, WebP and SVG headers (knows nothing of sites)
//   Highlight                    code highlighting with Chroma's lexer definitions (knows nothing of Markdown)
//   Markdown                     cmark-gfm rendering, headings, summaries, highlighted code blocks
//   SiteCheck                    link and asset checking over a built output folder
//   TemplateEngine               compiled Mustache templates over DataValue (knows nothing of blogs)
//   BuiltinTheme                 the Templates/ folder compiled into the binary
//   SiteBuilder                  site.yml + content + templates -> static site (knows nothing of HTTP or IPFS)
//   SitePacking                  a built site -> its UnixFS DAG, in memory or as it is written
//   SiteImport                   a Hugo or Zola site -> a blogctl site folder (Yams, TOMLKit; no SiteBuilder)
//   Gateway                      an IPFS HTTP gateway over any block store, on Hummingbird (knows nothing of blogs)
//   Publishing                   publish: the site's DAG to kubo, pinning services, IPFS Cluster, a CAR; verify; record
//   Preview                      a site built in memory as it changes, served by the gateway, with live reload
//   blogctl                      the thin command-line front end
let package = Package(
    name: "blogctl",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "blogctl", targets: ["blogctl"]),
        .library(name: "ContentAddressing", targets: ["ContentAddressing"]),
        .library(name: "Gateway", targets: ["Gateway"]),
        .library(name: "SiteBuilder", targets: ["SiteBuilder"]),
        .library(name: "TemplateEngine", targets: ["TemplateEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "COniguruma",
            pkgConfig: "oniguruma",
            providers: [.apt(["libonig-dev"])]
        ),
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(name: "POSIXFiles"),
        .target(name: "DNS", dependencies: ["CLibCrypto"]),
        .target(
            name: "ContentAddressing",
            dependencies: ["CLibCrypto", "POSIXFiles"]
        ),
        .target(name: "HTMLEscaping"),
        .target(name: "Highlight", dependencies: ["COniguruma", "HTMLEscaping"]),
        .target(
            name: "Markdown",
            dependencies: ["CCmarkGFM", "HTMLEscaping", "Highlight"]
        ),
        .target(name: "SiteCheck"),
        .target(name: "ImageInfo"),
        .target(name: "TemplateEngine", dependencies: ["HTMLEscaping"]),
        .executableTarget(name: "markdown-bench", dependencies: ["Markdown"]),
        .executableTarget(name: "repack-bench", dependencies: ["ContentAddressing"]),
        .executableTarget(name: "theme-embedder"),
        .plugin(
            name: "EmbedTheme",
            capability: .buildTool(),
            dependencies: ["theme-embedder"]
        ),
        .target(
            name: "BuiltinTheme",
            plugins: ["EmbedTheme"]
        ),
        .target(
            name: "SiteBuilder",
            dependencies: [
                "ContentAddressing",
                "HTMLEscaping",
                "POSIXFiles",
                "Markdown",
                "Highlight",
                "BuiltinTheme",
                "TemplateEngine",
                "ImageInfo",
                "CVips",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "SitePacking", dependencies: ["ContentAddressing", "SiteBuilder"]),
        // A Hugo or Zola site -> a blogctl site folder (blogctl's slug and file-name rules from SiteBuilder).
        .target(
            name: "SiteImport",
            dependencies: [
                "SiteBuilder",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .target(
            name: "Gateway",
            dependencies: [
                "ContentAddressing",
                "HTMLEscaping",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "Publishing",
            dependencies: [
                "ContentAddressing",
                "DNS",
                "POSIXFiles",
                "SiteBuilder",
                "SiteCheck",
                "SitePacking",
                "TemplateEngine",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "Preview",
            dependencies: [
                "ContentAddressing",
                "Gateway",
                "SiteBuilder",
                "SitePacking",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "blogctl",
            dependencies: [
                "ContentAddressing",
                "Gateway",
                "Preview",
                "Publishing",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                "SiteBuilder",
                "SitePacking",
                "SiteCheck",
                "SiteImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "site-bench", dependencies: ["SiteBuilder", "SitePacking", "TemplateEngine", "BuiltinTheme", "ContentAddressing", .product(name: "Mustache", package: "swift-mustache")]),
        // Helpers shared by the test targets (a seeded random generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // Strict stand-ins for kubo, a Pinning Service API and IPFS Cluster, on 127.0.0.1: they refuse what the real ones refuse.
        .target(
            name: "StrictServers",
            dependencies: [
                "ContentAddressing",
                "Gateway",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/StrictServers"
        ),
        // The strict kubo as a process, for benchmarks (scripts/bench-publish).
        .executableTarget(name: "strict-servers", dependencies: ["StrictServers"], path: "Tests/StrictServersMain"),
        .testTarget(name: "StrictServersTests", dependencies: ["StrictServers", "ContentAddressing",
            .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .testTarget(name: "ContentAddressingTests", dependencies: ["ContentAddressing", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DNSTests", dependencies: ["DNS", "TestSupport"]),
        .testTarget(name: "HTMLEscapingTests", dependencies: ["HTMLEscaping", "TestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "Highlight"]),
        .testTarget(name: "HighlightTests", dependencies: ["Highlight", "HTMLEscaping"]),
        .testTarget(name: "SiteCheckTests", dependencies: ["SiteCheck"]),
        .testTarget(name: "ImageInfoTests", dependencies: ["ImageInfo"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TemplateEngineTests", dependencies: ["TemplateEngine", "TestSupport", "BuiltinTheme", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "HTMLEscaping", "TemplateEngine", "TestSupport", "BuiltinTheme", "SiteCheck", "ImageInfo", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "SiteImportTests", dependencies: ["SiteImport", "SiteBuilder", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "SitePackingTests", dependencies: ["SitePacking", "SiteBuilder", "ContentAddressing", "TestSupport"]),
        .testTarget(name: "PublishingTests", dependencies: ["Publishing", "ContentAddressing", "TemplateEngine", "SiteBuilder", "DNS", "TestSupport", "StrictServers",
            .product(name: "AsyncHTTPClient", package: "async-http-client")]),
        .testTarget(name: "blogctlTests", dependencies: ["ContentAddressing", "DNS", "TestSupport", "StrictServers", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview"]),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway",
                "ContentAddressing",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ]
)
