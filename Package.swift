// swift-tools-version: 6.0
// DocAlign: sentence alignment of multilingual documents (UN press releases and their translations).

import PackageDescription

let package = Package(
  name: "DocAlign",
  products: [
    .library(name: "DocAlign", targets: ["DocAlign"]),
    .executable(name: "docalign", targets: ["docalign"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // Link flags for the system ICU (libicu-dev), found through pkg-config. Swift never imports it.
    .systemLibrary(
      name: "CICUSystem",
      path: "Sources/CICUSystem",
      pkgConfig: "icu-uc icu-i18n",
      providers: [.apt(["libicu-dev"])]
    ),
    // The ICU bridge: a plain-C public header; only the .c file sees ICU's headers, so ICU's own
    // renaming macros pick the versioned symbols and Swift never meets ICU's types.
    .target(
      name: "CICU",
      dependencies: ["CICUSystem"],
      path: "Sources/CICU",
      linkerSettings: [
        .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
      ]
    ),
    .target(
      name: "DocAlign",
      dependencies: ["CICU"],
      path: "Sources/DocAlign"
    ),
    .executableTarget(
      name: "docalign",
      dependencies: [
        "DocAlign",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "Sources/docalign"
    ),
    .executableTarget(
      name: "docalign-bench",
      dependencies: ["DocAlign"],
      path: "Benchmarks/Sources/docalign-bench"
    ),
    // A library user's first program: aligns in-memory texts and writes TMX into a String.
    .executableTarget(
      name: "docalign-library-usage",
      dependencies: ["DocAlign"],
      path: "Examples/library-usage"
    ),
    .testTarget(
      name: "DocAlignTests",
      dependencies: ["DocAlign"],
      path: "Tests/DocAlignTests",
      exclude: ["Fixtures"]
    ),
    .testTarget(
      name: "DocAlignCLITests",
      dependencies: ["docalign", "docalign-library-usage"],
      path: "Tests/DocAlignCLITests"
    ),
  ],
  swiftLanguageModes: [.v6]
)
