// Android Gradle Plugin 9 compiles Kotlin itself ("built-in Kotlin"): no kotlin-android plugin.
plugins {
    id("com.android.library") version "9.3.1"
}

// Coordinates for `includeBuild` substitution: the app asks for "fr.innomed:innomed-sdk".
group = "fr.innomed"
version = "0.1.0"

android {
    namespace = "fr.innomed.sdk"
    compileSdk = 36

    defaultConfig {
        // Android 9. Keep in step with ANDROID_MIN_SDK in xtask/src/mobile.rs (cargo ndk --platform).
        minSdk = 28
        consumerProguardFiles("consumer-rules.pro")
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    sourceSets {
        named("main") {
            // Both written by `cargo xtask bindings android`: the generated fr.innomed.sdk
            // bindings, and libinnomed_ffi.so for arm64-v8a, armeabi-v7a and x86_64.
            kotlin.srcDir("../../../target/uniffi/kotlin")
            jniLibs.srcDir("build/rustJniLibs")
        }
    }
}

dependencies {
    // The AAR carries libjnidispatch.so for Android (16 KB page aligned since 5.17); the plain
    // jar does not. `api`: the generated public converters extend JNA types.
    api("net.java.dev.jna:jna:5.18.1@aar")
    // UniFFI's async calls suspend through kotlinx.coroutines.
    implementation("org.jetbrains.kotlinx:kotlinx-coroutines-android:1.11.0")
}

// Without the generated files the build would fail on unresolved references; say why instead.
tasks.matching { it.name == "preBuild" }.configureEach {
    val bindings = file("../../../target/uniffi/kotlin/fr/innomed/sdk/innomed_ffi.kt")
    val library = file("build/rustJniLibs/arm64-v8a/libinnomed_ffi.so")
    doFirst {
        check(bindings.isFile && library.isFile) {
            "Missing $bindings or $library: run `cargo xtask bindings android` at the " +
                "repository root first (./gradlew clean deletes the libraries)."
        }
    }
}
