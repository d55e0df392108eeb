//! The FFI on the JVM (`bindings/kotlin/jvm`, Maven): the generated Kotlin compiled against the
//! host-built library, its tests run against a local Synapse, and the JMH boundary benchmark.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use innomed_harness::{workspace_root, Homeserver, HomeserverOptions};

use crate::bindings::{generate, host_library, run};

const PROJECT: &str = "bindings/kotlin/jvm";

fn maven(project: &Path) -> Command {
    let mut mvn = Command::new("mvn");
    // Batch mode, no download progress: CI logs stay readable.
    mvn.args(["--batch-mode", "--no-transfer-progress"])
        .current_dir(project);
    mvn
}

/// Builds the library with `profile`, generates the Kotlin from it; returns the Maven project
/// and the folder JNA loads the library from.
fn prepare(profile: &str) -> Result<(PathBuf, PathBuf), String> {
    if Command::new("mvn").arg("--version").output().is_err() {
        return Err("Maven (`mvn`) and a JDK 17+ are needed: apt install maven".to_owned());
    }
    let library = host_library(profile)?;
    generate("kotlin", &library)?;
    let library_dir = library
        .parent()
        .ok_or("the library has no folder")?
        .to_owned();
    Ok((workspace_root().join(PROJECT), library_dir))
}

fn library_dir_arg(dir: &Path) -> String {
    format!("-Dinnomed.library.dir={}", dir.display())
}

/// The Android app's layers that need no Android SDK (API, Rust-backed implementation, fakes,
/// presenters), compiled and tested on the JVM.
const ANDROID_JVM_PROJECT: &str = "android/jvm";

/// The Android app's Compose UI, type-checked on the JVM against Compose Multiplatform's desktop
/// artifacts (no Android SDK here), its screens drawn by Skia and compared with their reference
/// images; see its pom.xml for what is compiled and what stands in for Android.
const ANDROID_UI_CHECK: &str = "android/uicheck";

/// Kotlin tests against a Synapse started for them and stopped afterwards: the FFI's, then the
/// Android app's presenters and journey, then the same kind of journey clicked through the app's
/// screens (android/uicheck's `live` profile).
pub fn test() -> Result<(), String> {
    let (project, library_dir) = prepare("dev")?;
    let started = Instant::now();
    let mut hs = Homeserver::start(HomeserverOptions::default()).map_err(|e| e.to_string())?;
    eprintln!("==> Synapse for the Kotlin tests at {}", hs.url());
    let maven_test = |project: &Path| {
        run(maven(project)
            .args(["test", &library_dir_arg(&library_dir)])
            .env("INNOMED_HOMESERVER_URL", hs.url()))
    };
    let mut result = maven_test(&project);
    let android = workspace_root().join(ANDROID_JVM_PROJECT);
    if result.is_ok() {
        eprintln!(
            "==> Android app on the JVM: presenters against fakes, one journey against Synapse"
        );
        result = maven_test(&android);
    }
    if result.is_ok() {
        eprintln!("==> Android screens against Synapse: one journey clicked through the views");
        result = run(maven(&workspace_root().join(ANDROID_UI_CHECK))
            .args([
                "clean",
                "test",
                "-Plive",
                "-Dtest=LiveJourneyTest",
                &library_dir_arg(&library_dir),
            ])
            .env("INNOMED_HOMESERVER_URL", hs.url()));
    }
    let stopped = hs.stop().map_err(|e| e.to_string());
    result?;
    stopped?;
    eprintln!("==> Kotlin tests: ok ({:.0?})", started.elapsed());
    Ok(())
}

/// The Android app's Compose UI on the JVM (no Android SDK, no homeserver): type-checked, every
/// screen drawn in French and English, light and dark, and compared with its reference image;
/// `record` writes the drawings as the new references instead (an intended change).
pub fn android_screens(record: bool) -> Result<(), String> {
    if Command::new("mvn").arg("--version").output().is_err() {
        return Err("Maven (`mvn`) and a JDK 17+ are needed: apt install maven".to_owned());
    }
    let started = Instant::now();
    let mut mvn = maven(&workspace_root().join(ANDROID_UI_CHECK));
    // `clean`: classes left from an earlier run must not stand in for a moved or deleted file.
    mvn.args(["clean", "test"]);
    if record {
        mvn.arg("-Dscreenshots=record");
    }
    run(&mut mvn).map_err(|e| {
        format!(
            "{e}\n(a screen differs from its reference: new images and diffs in \
             android/uicheck/target/screenshot-diffs; if the change is intended: \
             `cargo xtask screens --record`)"
        )
    })?;
    eprintln!(
        "==> Android screens: {} ({:.0?})",
        if record {
            "recorded"
        } else {
            "as their references"
        },
        started.elapsed()
    );
    Ok(())
}

/// `cargo xtask bench-ffi`: JMH on the optimised library, no homeserver needed.
pub fn bench() -> Result<(), String> {
    let (project, library_dir) = prepare("bench")?;
    run(maven(&project).args([
        "test-compile",
        "exec:exec@jmh",
        &library_dir_arg(&library_dir),
    ]))
}
