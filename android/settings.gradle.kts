// Innomed for Android: the app and the modules split as Element X Android does. The modules and
// their kinds are listed once, in modules.txt, which the Maven builds follow too.

pluginManagement {
    repositories {
        google {
            content {
                includeGroupByRegex("com\\.android.*")
                includeGroupByRegex("com\\.google.*")
                includeGroupByRegex("androidx.*")
            }
        }
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
        // rustls-platform-verifier's Kotlin half (org.rustls:rustls-platform-verifier, an AAR),
        // from the Maven repository its GitHub project serves, the one its README (0.7.1) names;
        // since its 0.2.0 the crate rustls-platform-verifier-android gives the version, not a Maven
        // folder for `cargo metadata` to find. Nothing else is looked up there, nor org.rustls elsewhere.
        exclusiveContent {
            forRepository {
                maven {
                    name = "rustlsPlatformVerifier"
                    url = uri("https://github.com/rustls/rustls-platform-verifier/raw/maven-archive/android-release-support/maven/")
                }
            }
            filter { includeGroup("org.rustls") }
        }
    }
}

rootProject.name = "innomed-android"

// The Rust core and its generated Kotlin, as an Android library ("fr.innomed:innomed-sdk").
// Run `cargo xtask bindings android` at the repository root first.
includeBuild("../bindings/kotlin/android")

// Every module, from modules.txt: one `path kind` a line (see there). The root build file
// configures each module by its kind, which it reads from the root project's `innomedModules`.
val innomedModules: Map<String, String> = file("modules.txt").readLines()
    .map { it.substringBefore('#').trim() }
    .filter { it.isNotEmpty() }
    .associate { line ->
        val fields = line.split(Regex("\\s+"))
        require(fields.size == 2) { "modules.txt: expected \"path kind\", got \"$line\"" }
        ":" + fields[0].replace('/', ':') to fields[1]
    }
innomedModules.keys.forEach { include(it) }

// The AAR's version is rustls-platform-verifier-android's in the workspace's Cargo.lock: its
// Kotlin classes and the Rust crate that calls them through JNI must be the same release.
val rustlsPlatformVerifierVersion: String = file("../Cargo.lock").readLines().let { lines ->
    val crate = "rustls-platform-verifier-android"
    val at = lines.indexOfFirst { it.trim() == "name = \"$crate\"" }
    require(at >= 0) { "../Cargo.lock: no $crate (rustls-platform-verifier's Android part)" }
    lines.drop(at + 1).first { it.trimStart().startsWith("version = ") }.substringAfter('"').substringBefore('"')
}

gradle.rootProject {
    extra["innomedModules"] = innomedModules
    extra["rustlsPlatformVerifierVersion"] = rustlsPlatformVerifierVersion
}
