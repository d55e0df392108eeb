package fr.innomed.android.impl

/**
 * rustls-platform-verifier's Android set-up. Its Rust half checks certificates with Android's
 * certificate store and trust manager, through JNI, in the Kotlin classes of its AAR
 * (`org.rustls:rustls-platform-verifier`, which the Gradle build adds to this module); it must be
 * handed the app's Context before its first check. [RustSessionService] does it through [tls],
 * before its first client (the app passes `PlatformVerifier.tls(context.applicationContext)`).
 *
 * matrix-sdk 0.18 still checks the homeserver's certificate with webpki and Mozilla's roots on
 * Android (its workaround for rustls-platform-verifier#221); this readies the verifier for the
 * releases that drop the workaround, and for any reqwest client built with defaults.
 *
 * Android only at run time: [nativeInit] is in libinnomed_ffi (bindings/src/android_tls.rs, built
 * for Android only), never called on the JVM.
 */
object PlatformVerifier {
    /**
     * The app's [PlatformTls]. [applicationContext] is its `android.content.Context` (typed `Any`:
     * this module is also compiled on the JVM, without the Android SDK). The generated bindings
     * load the library through JNA, but JNI binds an `external` function only in a library
     * `System.loadLibrary` loaded: loading it here again is the same library, the system's
     * linker keeps one copy.
     */
    fun tls(applicationContext: Any): PlatformTls = PlatformTls {
        System.loadLibrary(LIBRARY)
        nativeInit(applicationContext)
    }

    /**
     * `Java_fr_innomed_android_impl_PlatformVerifier_nativeInit`: hands [context] to
     * `rustls_platform_verifier::android::init_with_env`. Throws when the verifier refuses it (a
     * RuntimeException for a Rust error or panic); a second call changes nothing. Static
     * (`@JvmStatic`) and public, so the JVM name stays the one the Rust symbol spells.
     */
    @JvmStatic
    external fun nativeInit(context: Any)

    /** The bindings' library, as the generated Kotlin names it for JNA. */
    private const val LIBRARY = "innomed_ffi"
}
