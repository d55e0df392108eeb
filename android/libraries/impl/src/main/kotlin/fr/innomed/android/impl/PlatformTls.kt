package fr.innomed.android.impl

/**
 * What the platform sets up for TLS, once per process, before the first client is built. On
 * Android: rustls-platform-verifier is handed the app's Context ([PlatformVerifier.tls]).
 * [setUp] throws when it cannot be done.
 */
fun interface PlatformTls {
    fun setUp()

    companion object {
        /** Nothing to set up: on the JVM (the tests) the verifier reads the system's CA files itself. */
        val NONE: PlatformTls = PlatformTls {}
    }
}

/**
 * TLS could not be set up on this phone, so no client was built. [cause] is what the set-up
 * threw (the JNI call's exception, or the library or its symbol missing); it is never shown.
 * Sign-in and restore report it by its name: `SignInError.Other("PlatformTlsUnavailable")`,
 * `RestoreError.Other("PlatformTlsUnavailable")`.
 */
class PlatformTlsUnavailable(cause: Throwable) : Exception("the platform's TLS set-up failed", cause)

/**
 * The rule [RustSessionService] builds every client under: [PlatformTls.setUp] runs before the
 * first client, and once. After a failure nothing is built, the caller gets
 * [PlatformTlsUnavailable] (a typed error, not a crash), and the next client tries the set-up again.
 */
internal class TlsGate(private val tls: PlatformTls) {
    @Volatile
    private var ready = false

    /** Sets TLS up unless it already is, then [build]s; [build] never runs without it. */
    fun <T> beforeClient(build: () -> T): T {
        ensureReady()
        return build()
    }

    private fun ensureReady() {
        if (ready) return
        synchronized(this) {
            if (ready) return
            try {
                tls.setUp()
            } catch (e: Exception) {
                throw PlatformTlsUnavailable(e)
            } catch (e: LinkageError) {
                // UnsatisfiedLinkError: the library or the JNI symbol is missing; NoSuchMethodError
                // from inside the JNI call. Anything else (out of memory) is not the set-up's to catch.
                throw PlatformTlsUnavailable(e)
            }
            ready = true
        }
    }
}
