package fr.innomed.android.app.photos

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.saveable.rememberSaveable
import androidx.compose.runtime.setValue
import androidx.compose.ui.platform.LocalContext
import androidx.core.content.ContextCompat
import androidx.core.content.FileProvider
import java.io.File
import java.io.IOException
import java.io.InputStream
import java.io.OutputStream
import java.util.UUID

/**
 * Camera photos, in app-private storage only: `files/photos/`, the one folder the FileProvider
 * exposes (res/xml/photo_paths.xml), through a URI granted to the camera app for one capture.
 * Never MediaStore, never the gallery; backups exclude the folder. The core re-encodes a photo
 * (no EXIF/GPS, orientation applied) before it is encrypted and sent. The photos and PDFs the
 * doctor picks are copied here too, until the core has read them.
 */
class PhotoStore(private val context: Context) {
    private val folder: File get() = File(context.filesDir, FOLDER).apply { mkdirs() }

    /** A new empty file for one capture, and the content URI the camera app writes to. */
    fun newCapture(): Pair<File, Uri> {
        val file = File(folder, "${UUID.randomUUID()}.jpg")
        val uri = FileProvider.getUriForFile(context, "${context.packageName}.photos", file)
        return file to uri
    }

    /**
     * Copies a file the doctor picked (a `content://` URI the system's picker granted) into this
     * folder, [COPY_LIMIT] bytes at most: more than any limit of the core, which refuses a bigger
     * file as too large all the same. A file that cannot be read leaves a path with nothing
     * behind it, which the core says it cannot read. Deleted like a capture once read.
     */
    fun copyIn(uri: Uri): File {
        val file = File(folder, UUID.randomUUID().toString())
        try {
            val input = context.contentResolver.openInputStream(uri) ?: return file
            input.use { source -> file.outputStream().use { copyAtMost(source, it, COPY_LIMIT) } }
        } catch (e: IOException) {
            file.delete()
        } catch (e: SecurityException) {
            file.delete()
        }
        return file
    }

    /**
     * Deletes one capture or picked copy once the core has read it (sent, refused, or left
     * unsent). Only a file of this folder is ever deleted.
     */
    fun discard(file: File) {
        if (file.canonicalFile.parentFile == folder.canonicalFile) file.delete()
    }

    /** Deletes every photo (sign-out). */
    fun wipe() {
        folder.listFiles()?.forEach { it.delete() }
    }

    /**
     * Once per cold start: deletes the photos a process death left behind. The pending capture a
     * screen saved cannot be read yet, so a recent file (the camera may still be in front) is kept.
     */
    fun sweepStale(now: Long = System.currentTimeMillis()) {
        folder.listFiles()?.forEach { if (now - it.lastModified() > STALE_AFTER_MS) it.delete() }
    }

    companion object {
        const val FOLDER = "photos"
        private const val STALE_AFTER_MS = 10 * 60 * 1000L

        /** Above the core's largest limit (40 Mo for a PDF). */
        private const val COPY_LIMIT = 64L * 1024 * 1024
    }
}

private fun copyAtMost(input: InputStream, output: OutputStream, limit: Long) {
    val buffer = ByteArray(DEFAULT_BUFFER_SIZE)
    var left = limit
    while (left > 0) {
        val read = input.read(buffer, 0, minOf(buffer.size.toLong(), left).toInt())
        if (read < 0) return
        output.write(buffer, 0, read)
        left -= read
    }
}

/**
 * A camera launcher: call the returned function to take one photo. [onTaken] gets the private
 * file when the camera app saved a picture; a cancelled capture deletes its empty file. The
 * pending file's path is saved with the screen: the activity is often recreated while the
 * camera app is in front (rotation, memory). The manifest declares CAMERA, so Android refuses
 * the capture intent until it is granted: the permission is asked first.
 */
@Composable
fun rememberTakePhoto(store: PhotoStore, onTaken: (File) -> Unit): () -> Unit {
    val context = LocalContext.current
    var pending by rememberSaveable { mutableStateOf<String?>(null) }
    val camera = rememberLauncherForActivityResult(ActivityResultContracts.TakePicture()) { saved ->
        val file = pending?.let(::File) ?: return@rememberLauncherForActivityResult
        pending = null
        if (saved && file.length() > 0) onTaken(file) else store.discard(file)
    }
    val capture = {
        val (file, uri) = store.newCapture()
        pending = file.path
        camera.launch(uri)
    }
    val permission = rememberLauncherForActivityResult(ActivityResultContracts.RequestPermission()) { granted ->
        if (granted) capture()
    }
    return {
        if (ContextCompat.checkSelfPermission(context, Manifest.permission.CAMERA) == PackageManager.PERMISSION_GRANTED) {
            capture()
        } else {
            permission.launch(Manifest.permission.CAMERA)
        }
    }
}
