package fr.innomed.android.app.platform

import android.content.Context
import android.security.keystore.KeyGenParameterSpec
import android.security.keystore.KeyProperties
import android.security.keystore.StrongBoxUnavailableException
import android.util.Base64
import fr.innomed.sdk.SecureStore
import fr.innomed.sdk.SecureStoreException
import fr.innomed.core.Session
import java.io.IOException
import java.security.GeneralSecurityException
import java.security.KeyStore
import javax.crypto.Cipher
import javax.crypto.KeyGenerator
import javax.crypto.SecretKey
import javax.crypto.spec.GCMParameterSpec
import org.json.JSONException
import org.json.JSONObject

/**
 * The bindings' [SecureStore] over the Android Keystore.
 *
 * The session (tokens) and the 32-byte key of the local stores are sealed with AES-256-GCM by a
 * key that never leaves the Keystore (StrongBox when the phone has one), and kept sealed in
 * app-private SharedPreferences, which backups exclude. Each entry's name is the GCM associated
 * data, so a sealed session cannot be read back as the store key. Nothing here logs.
 */
class KeystoreSecureStore(context: Context) : SecureStore {
    private val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
    private val lock = Any()

    override fun readSession(): Session? = guarded {
        val json = unseal(SESSION) ?: return@guarded null
        try {
            sessionFrom(JSONObject(String(json, Charsets.UTF_8)))
        } finally {
            json.fill(0)
        }
    }

    override fun writeSession(session: Session) = guarded {
        val json = sessionJson(session).toString().toByteArray(Charsets.UTF_8)
        try {
            seal(SESSION, json)
        } finally {
            json.fill(0)
        }
    }

    override fun deleteSession() = guarded { remove(SESSION) }

    override fun readStoreKey(): ByteArray? = guarded { unseal(STORE_KEY) }

    override fun writeStoreKey(key: ByteArray) = guarded { seal(STORE_KEY, key) }

    override fun deleteStoreKey() = guarded { remove(STORE_KEY) }

    private fun seal(name: String, plain: ByteArray) {
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.ENCRYPT_MODE, keystoreKey())
        cipher.updateAAD(name.toByteArray(Charsets.UTF_8))
        val sealed = cipher.iv + cipher.doFinal(plain)
        check(prefs.edit().putString(name, Base64.encodeToString(sealed, Base64.NO_WRAP)).commit()) {
            "SharedPreferences commit failed"
        }
    }

    private fun unseal(name: String): ByteArray? {
        val stored = prefs.getString(name, null) ?: return null
        val sealed = Base64.decode(stored, Base64.NO_WRAP)
        val cipher = Cipher.getInstance(TRANSFORMATION)
        cipher.init(Cipher.DECRYPT_MODE, keystoreKey(), GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES))
        cipher.updateAAD(name.toByteArray(Charsets.UTF_8))
        return cipher.doFinal(sealed, IV_BYTES, sealed.size - IV_BYTES)
    }

    private fun remove(name: String) {
        check(prefs.edit().remove(name).commit()) { "SharedPreferences commit failed" }
    }

    private fun keystoreKey(): SecretKey {
        val keyStore = KeyStore.getInstance(ANDROID_KEYSTORE).apply { load(null) }
        (keyStore.getKey(KEY_ALIAS, null) as? SecretKey)?.let { return it }
        return try {
            generateKey(strongBox = true)
        } catch (e: StrongBoxUnavailableException) {
            generateKey(strongBox = false)
        }
    }

    private fun generateKey(strongBox: Boolean): SecretKey {
        val spec = KeyGenParameterSpec.Builder(KEY_ALIAS, KeyProperties.PURPOSE_ENCRYPT or KeyProperties.PURPOSE_DECRYPT)
            .setBlockModes(KeyProperties.BLOCK_MODE_GCM)
            .setEncryptionPaddings(KeyProperties.ENCRYPTION_PADDING_NONE)
            .setKeySize(256)
            .setRandomizedEncryptionRequired(true)
            .setIsStrongBoxBacked(strongBox)
            .build()
        val generator = KeyGenerator.getInstance(KeyProperties.KEY_ALGORITHM_AES, ANDROID_KEYSTORE)
        generator.init(spec)
        return generator.generateKey()
    }

    /** One call at a time; Keystore and JSON failures become the bindings' typed error (no secret in it). */
    private inline fun <T> guarded(block: () -> T): T = synchronized(lock) {
        try {
            block()
        } catch (e: GeneralSecurityException) {
            throw SecureStoreException.Unavailable("keystore: ${e.javaClass.simpleName}")
        } catch (e: IOException) {
            throw SecureStoreException.Unavailable("keystore io: ${e.javaClass.simpleName}")
        } catch (e: JSONException) {
            throw SecureStoreException.Unavailable("session record unreadable")
        } catch (e: IllegalArgumentException) {
            throw SecureStoreException.Unavailable("sealed entry malformed")
        } catch (e: IllegalStateException) {
            throw SecureStoreException.Unavailable("preferences: ${e.message}")
        }
    }

    private fun sessionJson(session: Session) = JSONObject()
        .put("homeserverUrl", session.homeserverUrl)
        .put("userId", session.userId)
        .put("deviceId", session.deviceId)
        .put("accessToken", session.accessToken)
        .put("refreshToken", session.refreshToken ?: JSONObject.NULL)

    private fun sessionFrom(json: JSONObject) = Session(
        homeserverUrl = json.getString("homeserverUrl"),
        userId = json.getString("userId"),
        deviceId = json.getString("deviceId"),
        accessToken = json.getString("accessToken"),
        refreshToken = if (json.isNull("refreshToken")) null else json.getString("refreshToken"),
    )

    private companion object {
        const val PREFS = "innomed_secure_store"
        const val SESSION = "session"
        const val STORE_KEY = "store_key"
        const val ANDROID_KEYSTORE = "AndroidKeyStore"
        const val KEY_ALIAS = "fr.innomed.secure_store"
        const val TRANSFORMATION = "AES/GCM/NoPadding"
        const val IV_BYTES = 12
        const val TAG_BITS = 128
    }
}
