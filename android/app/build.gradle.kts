// The Innomed app: Compose screens over the presenters, the Keystore-backed store, the app
// lock, camera capture to private storage, and the push hook. AGP 9 compiles its Kotlin.
plugins {
    alias(libs.plugins.android.application)
    alias(libs.plugins.kotlin.compose)
}

android {
    namespace = "fr.innomed.android.app"
    compileSdk = 36

    defaultConfig {
        applicationId = "fr.innomed.android"
        // Keep in step with bindings/kotlin/android and ANDROID_MIN_SDK in xtask/src/mobile.rs.
        minSdk = 28
        targetSdk = 36
        versionCode = 1
        versionName = "0.1.0"
        ndk { abiFilters += listOf("arm64-v8a", "armeabi-v7a", "x86_64") }
    }

    buildTypes {
        release {
            isMinifyEnabled = true
            proguardFiles(getDefaultProguardFile("proguard-android-optimize.txt"), "proguard-rules.pro")
        }
    }

    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }

    buildFeatures { compose = true }

    // French is the default locale (res/values); English in res/values-en. Nothing else ships.
    androidResources { localeFilters += listOf("fr", "en") }
}

/** Module path to kind, from modules.txt (read by settings.gradle.kts). */
@Suppress("UNCHECKED_CAST")
val innomedModules = rootProject.extra["innomedModules"] as Map<String, String>

dependencies {
    implementation(project(":libraries:api"))
    implementation(project(":libraries:impl"))
    // The theme and every string (French and English).
    implementation(project(":libraries:ui"))
    // Every feature of modules.txt: its presenter and its view.
    innomedModules.filterValues { it == "feature" }.keys.forEach { implementation(project(it)) }
    // The platform package (KeystoreSecureStore) implements the bindings' traits.
    implementation(libs.innomed.sdk)

    implementation(libs.kotlinx.coroutines.android)
    implementation(libs.androidx.core.ktx)
    implementation(libs.androidx.activity.compose)
    implementation(libs.androidx.fragment)
    implementation(libs.androidx.lifecycle.process)
    implementation(libs.androidx.lifecycle.runtime.compose)
    implementation(libs.androidx.lifecycle.viewmodel.compose)
    implementation(libs.androidx.navigation.compose)
    implementation(libs.androidx.biometric)
    implementation(libs.androidx.browser)
    implementation(platform(libs.compose.bom))
    implementation(libs.compose.ui)
    implementation(libs.compose.material3)
    implementation(libs.compose.ui.tooling.preview)
    debugImplementation(libs.compose.ui.tooling)
}
