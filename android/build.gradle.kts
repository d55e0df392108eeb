// Plugins are declared once here. AGP 9 compiles Kotlin in Android modules itself (built-in
// Kotlin); declaring the Kotlin Gradle plugin here pins its version for all modules.
//
// The library and feature modules are configured here, by the kind modules.txt gives each one,
// rather than in build files of their own: their folders hold only sources (src/main/kotlin,
// src/ui/kotlin, src/test/kotlin) and resources, and the Maven builds read the same folders.
plugins {
    alias(libs.plugins.android.application) apply false
    alias(libs.plugins.android.library) apply false
    alias(libs.plugins.kotlin.jvm) apply false
    alias(libs.plugins.kotlin.compose) apply false
}

/** Module path (":features:case") to kind, from modules.txt (read by settings.gradle.kts). */
@Suppress("UNCHECKED_CAST")
val innomedModules = extra["innomedModules"] as Map<String, String>

val coroutinesCore = libs.kotlinx.coroutines.core
val coroutinesAndroid = libs.kotlinx.coroutines.android
val coroutinesTest = libs.kotlinx.coroutines.test
val junitBom = libs.junit.bom
val junitJupiter = libs.junit.jupiter
val junitLauncher = libs.junit.platform.launcher
val composeBom = libs.compose.bom
val composeUi = libs.compose.ui
val composeMaterial3 = libs.compose.material3
val composeTooling = libs.compose.ui.tooling
val composeToolingPreview = libs.compose.ui.tooling.preview
val activityCompose = libs.androidx.activity.compose
val innomedSdk = libs.innomed.sdk

/** rustls-platform-verifier-android's version in ../Cargo.lock (read by settings.gradle.kts). */
val rustlsPlatformVerifierVersion = extra["rustlsPlatformVerifierVersion"] as String

/** Plain Kotlin, no Android: the presenter shape, the API and the fakes. */
fun Project.plainKotlin() {
    apply(plugin = "org.jetbrains.kotlin.jvm")
    extensions.configure<org.jetbrains.kotlin.gradle.dsl.KotlinJvmProjectExtension> { jvmToolchain(17) }
    dependencies { "api"(coroutinesCore) }
}

/**
 * An Android library. With [withCompose], its Compose code in src/ui/kotlin is compiled with
 * src/main/kotlin (Maven's JVM build compiles src/main/kotlin only), and its JVM tests in
 * src/test/kotlin run with JUnit 5.
 */
fun Project.androidLibrary(namespace: String, withCompose: Boolean) {
    apply(plugin = "com.android.library")
    if (withCompose) apply(plugin = "org.jetbrains.kotlin.plugin.compose")
    extensions.configure<com.android.build.api.dsl.LibraryExtension> {
        this.namespace = namespace
        compileSdk = 36
        defaultConfig { minSdk = 28 }
        compileOptions {
            sourceCompatibility = JavaVersion.VERSION_17
            targetCompatibility = JavaVersion.VERSION_17
        }
        if (withCompose) {
            buildFeatures { compose = true }
            sourceSets { named("main") { kotlin.srcDir("src/ui/kotlin") } }
            testOptions { unitTests.all { it.useJUnitPlatform() } }
        }
    }
    if (withCompose) {
        dependencies {
            "api"(coroutinesCore)
            "implementation"(platform(composeBom))
            "implementation"(composeUi)
            "implementation"(composeMaterial3)
            "implementation"(activityCompose)
            "implementation"(composeToolingPreview)
            "debugImplementation"(composeTooling)
            "testImplementation"(platform(junitBom))
            "testImplementation"(junitJupiter)
            "testImplementation"(coroutinesTest)
            "testRuntimeOnly"(junitLauncher)
        }
    }
}

innomedModules.forEach { (path, kind) ->
    project(path) {
        when (kind) {
            "kotlin", "fakes" -> plainKotlin()
            // The API over the generated bindings: an Android library, because the bindings are
            // one (an AAR carrying libinnomed_ffi.so per ABI and JNA's Android library).
            "bindings" -> androidLibrary("fr.innomed.android.$name", withCompose = false)
            // The theme, shared composables, labels, error texts and every string.
            "ui" -> androidLibrary("fr.innomed.android.$name", withCompose = true)
            // AGP wants the namespace to be a Java package, and `case` is a Java keyword: the
            // features' namespaces end in "feature" (their R is unused: the strings are the ui
            // library's, fr.innomed.android.ui.R).
            "feature" -> androidLibrary("fr.innomed.android.features.${name}feature", withCompose = true)
            "app" -> Unit // app/build.gradle.kts
            else -> error("modules.txt: unknown kind \"$kind\" for $path")
        }
    }
}

/** The modules of one kind, as projects. */
fun modulesOf(kind: String) = innomedModules.filterValues { it == kind }.keys.map { project(it) }

// What each module builds on, beyond its kind.
project(":libraries:test") {
    // The fakes: for presenter tests and Compose previews, never shipped in the app.
    dependencies { "api"(project(":libraries:api")) }
}
project(":libraries:ui") {
    dependencies { "api"(project(":libraries:api")) }
}
project(":libraries:impl") {
    dependencies {
        "api"(project(":libraries:api"))
        "implementation"(innomedSdk)
        "implementation"(coroutinesAndroid)
        // The Kotlin classes rustls-platform-verifier calls through JNI once PlatformVerifier
        // handed it the Context (the app's proguard-rules.pro keeps them).
        "implementation"("org.rustls:rustls-platform-verifier:$rustlsPlatformVerifierVersion")
    }
}
modulesOf("feature").forEach { feature ->
    feature.dependencies {
        "api"(project(":libraries:architecture"))
        "api"(project(":libraries:api"))
        "implementation"(project(":libraries:ui"))
        "testImplementation"(project(":libraries:test"))
    }
}
