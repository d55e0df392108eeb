//! `cargo xtask bindings android | xcframework`: the FFI crate built for phones and laid out
//! where the Gradle module and the Swift package expect it, next to the generated bindings.
//!
//! - `android`: cargo-ndk builds `libinnomed_ffi.so` for arm64-v8a, armeabi-v7a and x86_64 into
//!   `bindings/kotlin/android/build/rustJniLibs/<abi>/` (the module's `jniLibs`); the Kotlin is
//!   generated from the arm64 library.
//! - `xcframework` (macOS with Xcode only): static libraries for iOS devices and simulators (arm64
//!   and x86_64, merged by `lipo`) become `bindings/swift/InnomedFFIFFI.xcframework`, with the
//!   header and module map of the `InnomedFFIFFI` Clang module; the generated Swift is copied to
//!   `bindings/swift/Sources/InnomedFFI/`.
//!
//! UniFFI reads its metadata from a built library and it is the same for every target, so the
//! bindings come from one of the phone libraries.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use innomed_harness::workspace_root;

use crate::bindings::{cargo, run};

const PACKAGE: &str = "innomed-ffi";
const LIBRARY: &str = "innomed_ffi";

const ANDROID_ABIS: [&str; 3] = ["arm64-v8a", "armeabi-v7a", "x86_64"];
/// `minSdk` in bindings/kotlin/android/build.gradle.kts: the API level the libraries link against.
const ANDROID_MIN_SDK: &str = "28";
/// The Gradle module's `jniLibs` folder, from the workspace root.
const JNI_LIBS: &str = "bindings/kotlin/android/build/rustJniLibs";

const IOS_DEVICE: &str = "aarch64-apple-ios";
const IOS_SIMULATORS: [&str; 2] = ["aarch64-apple-ios-sim", "x86_64-apple-ios"];
/// The iOS version in bindings/swift/Package.swift, for rustc and the C code (SQLite, aws-lc).
const IOS_DEPLOYMENT_TARGET: &str = "16.0";
/// The Clang module the generated Swift imports (`ffi_module_name` in bindings/uniffi.toml), also
/// the name of the binary target and of its .xcframework in bindings/swift/Package.swift.
const FFI_MODULE: &str = "InnomedFFIFFI";
const SWIFT_PACKAGE: &str = "bindings/swift";

/// Builds the Android libraries (profile `mobile`, or `dev` unless `release`) and the Kotlin.
pub fn android(release: bool) -> Result<(), String> {
    let root = workspace_root();
    let cargo_ndk = Command::new(cargo()).args(["ndk", "--version"]).output();
    if !cargo_ndk.is_ok_and(|output| output.status.success()) {
        return Err(
            "cargo-ndk is not installed: run `cargo install cargo-ndk`. It also needs the \
             Android NDK (Android Studio's SDK Manager, or ANDROID_NDK_HOME)"
                .to_owned(),
        );
    }

    let profile = if release { "mobile" } else { "dev" };
    let mut build = Command::new(cargo());
    build.args(["ndk", "--platform", ANDROID_MIN_SDK]);
    for abi in ANDROID_ABIS {
        build.args(["-t", abi]);
    }
    build.args(["-o", JNI_LIBS, "build", "-p", PACKAGE, "--profile", profile]);
    run(build.current_dir(&root))?;

    let library = root
        .join(JNI_LIBS)
        .join("arm64-v8a")
        .join(format!("lib{LIBRARY}.so"));
    if !library.is_file() {
        return Err(format!("cargo ndk did not produce {}", library.display()));
    }
    let kotlin = crate::bindings::generate("kotlin", &library)?;
    println!(
        "Android libraries (profile {profile}) in {}, Kotlin in {}",
        root.join(JNI_LIBS).display(),
        kotlin.display()
    );
    println!("next: open bindings/kotlin/android in Android Studio, or run ./gradlew there");
    Ok(())
}

/// Builds `bindings/swift/InnomedFFIFFI.xcframework` and the Swift sources of the package.
pub fn xcframework() -> Result<(), String> {
    if !cfg!(target_os = "macos") {
        return Err(
            "the iOS XCFramework needs macOS with Xcode (xcodebuild, lipo): run \
             `cargo xtask bindings xcframework` on a Mac"
                .to_owned(),
        );
    }
    let root = workspace_root();

    let mut build = Command::new(cargo());
    build.args(["build", "-p", PACKAGE, "--profile", "mobile"]);
    for target in std::iter::once(IOS_DEVICE).chain(IOS_SIMULATORS) {
        build.args(["--target", target]);
    }
    build.env("IPHONEOS_DEPLOYMENT_TARGET", IOS_DEPLOYMENT_TARGET);
    run(build.current_dir(&root))?;

    let target_dir = std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into());
    let target_dir = root.join(target_dir);
    let lib_name = format!("lib{LIBRARY}.a");
    let static_lib = |target: &str| target_dir.join(target).join("mobile").join(&lib_name);
    let work = target_dir.join("xcframework");
    fresh_dir(&work.join("ios-simulator"))?;
    let simulator_lib = work.join("ios-simulator").join(&lib_name);
    let mut lipo = Command::new("lipo");
    lipo.arg("-create");
    for target in IOS_SIMULATORS {
        lipo.arg(static_lib(target));
    }
    run(lipo.arg("-output").arg(&simulator_lib))?;

    let generated = crate::bindings::generate("swift", &static_lib(IOS_DEVICE))?;
    // `generate` returns the output folder; accept the .swift file it holds as well.
    let generated = match generated.parent() {
        Some(parent) if generated.is_file() => parent.to_path_buf(),
        _ => generated,
    };
    // One Swift file and one header per crate (the core's types, the FFI's objects), all in
    // the one Clang module `InnomedFFIFFI`.
    let swift_files = files_with(&generated, "swift")?;
    for swift in &swift_files {
        let source = fs::read_to_string(swift);
        let source = source.map_err(|e| format!("cannot read {}: {e}", swift.display()))?;
        let import = format!("import {FFI_MODULE}");
        if !source.lines().any(|line| line.trim() == import) {
            return Err(format!(
                "{} does not `import {FFI_MODULE}`: set `ffi_module_name = \"{FFI_MODULE}\"` \
                 under [bindings.swift] in bindings/uniffi.toml and core/uniffi.toml",
                swift.display()
            ));
        }
    }

    // Headers/InnomedFFIFFI/: Clang looks for <module name>/module.modulemap on the header
    // path, and the folder keeps it apart from other XCFrameworks' module maps.
    let headers = work.join("headers");
    let module_dir = headers.join(FFI_MODULE);
    fresh_dir(&module_dir)?;
    let mut header_lines = String::new();
    for header in files_with(&generated, "h")? {
        let name = header.file_name().unwrap_or_default();
        copy(&header, &module_dir.join(name))?;
        header_lines.push_str(&format!("    header \"{}\"\n", name.to_string_lossy()));
    }
    let module_map = format!(
        "module {FFI_MODULE} {{\n{header_lines}    export *\n    use \"Darwin\"\n    \
         use \"_Builtin_stdbool\"\n    use \"_Builtin_stdint\"\n}}\n"
    );
    fs::write(module_dir.join("module.modulemap"), module_map)
        .map_err(|e| format!("cannot write the module map: {e}"))?;

    let swift_package = root.join(SWIFT_PACKAGE);
    let output = swift_package.join(format!("{FFI_MODULE}.xcframework"));
    remove_dir(&output)?; // xcodebuild will not overwrite it
    let mut xcodebuild = Command::new("xcodebuild");
    xcodebuild.arg("-create-xcframework");
    for library in [static_lib(IOS_DEVICE), simulator_lib] {
        xcodebuild
            .arg("-library")
            .arg(library)
            .arg("-headers")
            .arg(&headers);
    }
    run(xcodebuild.arg("-output").arg(&output))?;

    let sources = swift_package.join("Sources").join("InnomedFFI");
    fresh_dir(&sources)?;
    for swift in &swift_files {
        copy(swift, &sources.join(swift.file_name().unwrap_or_default()))?;
    }
    println!("{} and {} written", output.display(), sources.display());
    println!(
        "next: add {} to the app in Xcode (Add Local… package)",
        swift_package.display()
    );
    Ok(())
}

/// The files with this extension in `dir`, sorted; none is an error.
fn files_with(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|found| found == extension))
        .collect();
    found.sort();
    if found.is_empty() {
        return Err(format!("no .{extension} file in {}", dir.display()));
    }
    Ok(found)
}

fn remove_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    Ok(())
}

fn fresh_dir(dir: &Path) -> Result<(), String> {
    remove_dir(dir)?;
    fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    fs::copy(from, to)
        .map(drop)
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}
