// Innomed's Rust core as an Android library: the Kotlin UniFFI generates plus libinnomed_ffi.so
// per ABI. Standalone, so that Android Studio opens this folder directly; the app includes it
// with `includeBuild` (see README.md).

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

rootProject.name = "innomed-sdk"
