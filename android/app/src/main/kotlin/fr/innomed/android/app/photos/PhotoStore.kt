package fr.innomed.android.app.photos

import android.Manifest
import android.content.Context
import android.content.pm.PackageManager
import android.net.Uri
import androidx.activity.compose.rememberLauncherForActivityResult
import androidx.activity.result.contract.ActivityResultContracts
import androidx.compose.runtime.Composable
import androidx.compose.runtime.remember
import androidx.compose.ui.platform.LocalContext
import androidx.core.content.ContextCompat
import androidx.core.content.FileProvider
import java.io.File
import java.util.UUID

/**
 * Camera photos, in app-private storage only: `files/photos/`, the one folder the FileProvider
 * exposes (res/xml/photo_paths.xml), through a URI granted to the camera app for one capture.
 * Never MediaStore, never the gallery; backups exclude the folder. The core re-encodes a photo
 * (no EXIF/GPS, orientation applied) before it is encrypted and sent.
 */
class PhotoStore(private val context: Context) {
    private val folder: File get() = File(context.filesDir, FOLDER).apply { mkdirs() }

    /** A new empty file for one capture, and the content URI the camera app writes to. */
    fun newCapture(): Pair<File, Uri> {
        val file = File(folder, "${UUID.randomUUID()}.jpg")
        val uri = FileProvider.getUriForFile(context, "${context.packageName}.photos", file)
        return file to uri
    }

    /** Deletes every photo (sign-out, or after sending). */
    fun wipe() {
        folder.listFiles()?.forEach { it.delete() }
    }

    companion object {
        const val FOLDER = "photos"
    }
}

/**
 * A camera launcher: call the returned function to take one photo. [onTaken] gets the private
 * file when the camera app saved a picture; a cancelled capture deletes its empty file. The
 * manifest declares CAMERA, so Android refuses the capture intent until it is granted: the
 * permission is asked first.
 */
@Composable
fun rememberTakePhoto(store: PhotoStore, onTaken: (File) -> Unit): () -> Unit {
    val context = LocalContext.current
    val pending = remember { arrayOfNulls<File>(1) }
    val camera = rememberLauncherForActivityResult(ActivityResultContracts.TakePicture()) { saved ->
        val file = pending[0] ?: return@rememberLauncherForActivityResult
        pending[0] = null
        if (saved && file.length() > 0) onTaken(file) else file.delete()
    }
    val capture = {
        val (file, uri) = store.newCapture()
        pending[0] = file
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
