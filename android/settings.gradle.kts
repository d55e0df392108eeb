// Innomed for Android: the app and the modules split as Element X Android does. The library and
// feature modules keep the source folders the Maven build (jvm/pom.xml) compiles and tests.

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
    }
}

rootProject.name = "innomed-android"

// The Rust core and its generated Kotlin, as an Android library ("fr.innomed:innomed-sdk").
// Run `cargo xtask bindings android` at the repository root first.
includeBuild("../bindings/kotlin/android")

include(":app")
include(":libraries:architecture", ":libraries:api", ":libraries:impl", ":libraries:test")
include(
    ":features:signin",
    ":features:caselist",
    ":features:newrequest",
    ":features:case",
    ":features:directory",
    ":features:verification",
    ":features:recovery",
)
