//! Android only: hands the app's `Context` to rustls-platform-verifier before the first HTTPS
//! request.
//!
//! reqwest 0.13 over rustls checks certificates with rustls-platform-verifier by default. On
//! Android that crate asks Android's certificate store and trust manager through JNI, in the
//! Kotlin classes of its AAR (`org.rustls.platformverifier`, added by the app's Gradle build).
//! For that it needs the JVM, the app's `Context` and its class loader, kept once per process by
//! `rustls_platform_verifier::android::init_with_env`; until then every check it makes fails
//! ("Expect rustls-platform-verifier to be initialized").
//!
//! matrix-sdk 0.18.0 does not use it on Android yet: its HTTP client is given a rustls
//! configuration with webpki's verifier over Mozilla's roots (`webpki-roots`), its workaround for
//! rustls-platform-verifier#221 (certificates with a CRL but no OCSP address, Let's Encrypt's
//! since 2025, read as revoked). Later matrix-sdk releases drop that workaround; this entry point
//! makes the platform verifier ready for them, and for any reqwest client built with defaults.
//!
//! The app calls `PlatformVerifier.nativeInit(context)` (android/libraries/impl) once, before it
//! builds its first client. A failure reaches Kotlin as a Java exception (a `RuntimeException`
//! for a Rust error, or the exception a JNI call raised); a panic is caught and thrown as a
//! `RuntimeException`: nothing unwinds into the JVM.
//!
//! Compiled for `target_os = "android"` only, against jni 0.22 (the version
//! rustls-platform-verifier 0.7 uses; see Cargo.lock).

use jni::errors::ThrowRuntimeExAndDefault;
use jni::objects::{JClass, JObject};
use jni::EnvUnowned;

/// `fr.innomed.android.impl.PlatformVerifier.nativeInit(context)`: a static native method
/// (`@JvmStatic external fun` of a Kotlin `object`), linked by JNI's short name (no overloads).
/// `context` is the app's `android.content.Context` (the application's, so no activity is held).
///
/// Calling it again is harmless: the verifier keeps the first context for the process.
// SAFETY: `export_name` gives the symbol the name the JVM looks up for that native method; no
// other symbol of this library has it. The JVM calls it with this thread's `JNIEnv*` and local
// references valid for the call, which `EnvUnowned`, `JClass` and `JObject` wrap as they are
// (`repr(transparent)`). No unsafe block: `EnvUnowned::with_env` catches panics and
// `ThrowRuntimeExAndDefault` turns an error or a panic into a pending Java exception.
#[unsafe(export_name = "Java_fr_innomed_android_impl_PlatformVerifier_nativeInit")]
pub extern "system" fn platform_verifier_native_init<'caller>(
    mut unowned_env: EnvUnowned<'caller>,
    _class: JClass<'caller>,
    context: JObject<'caller>,
) {
    unowned_env
        .with_env(|env| rustls_platform_verifier::android::init_with_env(env, context))
        .resolve::<ThrowRuntimeExAndDefault>();
}
