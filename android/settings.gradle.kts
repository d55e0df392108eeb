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
gradle.rootProject { extra["innomedModules"] = innomedModules }
