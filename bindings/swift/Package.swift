// swift-tools-version: 5.9
// Innomed's Rust core for iOS: the Swift bindings UniFFI generates (target InnomedFFI) over the
// static libraries of InnomedFFIFFI.xcframework. `cargo xtask bindings xcframework` writes both
// (macOS with Xcode); see README.md.

import PackageDescription

let package = Package(
    name: "InnomedFFI",
    platforms: [
        // Keep in step with IOS_DEPLOYMENT_TARGET in xtask/src/mobile.rs. No macOS: the
        // XCFramework has iOS device and simulator slices only.
        .iOS(.v16),
    ],
    products: [
        .library(name: "InnomedFFI", targets: ["InnomedFFI"]),
    ],
    targets: [
        // libinnomed_ffi.a per platform, with the header and module map of the Clang module
        // `InnomedFFIFFI` that the generated Swift imports (`ffi_module_name` in
        // bindings/uniffi.toml). SwiftPM wants a binary target named like its .xcframework.
        .binaryTarget(name: "InnomedFFIFFI", path: "InnomedFFIFFI.xcframework"),
        // Sources/InnomedFFI/innomed_ffi.swift, copied in by the xtask command.
        .target(
            name: "InnomedFFI",
            dependencies: ["InnomedFFIFFI"],
            linkerSettings: [
                // What the Rust code calls on Apple platforms (certificate checks, time zones);
                // a static library cannot bring its frameworks along.
                .linkedFramework("Security"),
                .linkedFramework("CoreFoundation"),
            ]
        ),
    ]
)
