// Plugins are declared once here. AGP 9 compiles Kotlin in Android modules itself (built-in
// Kotlin); declaring the Kotlin Gradle plugin here pins its version for all modules.
//
// The library and feature modules are configured here rather than in build files of their own:
// their folders hold only the sources Maven (jvm/pom.xml) compiles and tests, and stay so.
plugins {
    alias(libs.plugins.android.application) apply false
    alias(libs.plugins.android.library) apply false
    alias(libs.plugins.kotlin.jvm) apply false
    alias(libs.plugins.kotlin.compose) apply false
}

val coroutinesCore = libs.kotlinx.coroutines.core
val coroutinesAndroid = libs.kotlinx.coroutines.android
val innomedSdk = libs.innomed.sdk

/** Plain Kotlin, no Android: the presenter shape, the API, the fakes and every presenter. */
fun Project.plainKotlin(vararg apis: String) {
    apply(plugin = "org.jetbrains.kotlin.jvm")
    extensions.configure<org.jetbrains.kotlin.gradle.dsl.KotlinJvmProjectExtension> { jvmToolchain(17) }
    dependencies {
        "api"(coroutinesCore)
        apis.forEach { "api"(project(it)) }
    }
}

project(":libraries:architecture") { plainKotlin() }
project(":libraries:api") { plainKotlin() }
// The fakes: for presenter tests and Compose previews, never shipped in the app.
project(":libraries:test") { plainKotlin(":libraries:api") }
listOf("signin", "caselist", "newrequest", "case", "directory", "verification", "recovery").forEach {
    project(":features:$it") { plainKotlin(":libraries:architecture", ":libraries:api") }
}

// The API over the generated bindings: an Android library, because the bindings are one (an
// AAR carrying libinnomed_ffi.so per ABI and JNA's Android library).
project(":libraries:impl") {
    apply(plugin = "com.android.library")
    extensions.configure<com.android.build.api.dsl.LibraryExtension> {
        namespace = "fr.innomed.android.impl"
        compileSdk = 36
        defaultConfig { minSdk = 28 }
        compileOptions {
            sourceCompatibility = JavaVersion.VERSION_17
            targetCompatibility = JavaVersion.VERSION_17
        }
    }
    dependencies {
        "api"(project(":libraries:api"))
        "implementation"(innomedSdk)
        "implementation"(coroutinesAndroid)
    }
}
