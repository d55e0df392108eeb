package fr.innomed.android.app.documents

import android.content.ActivityNotFoundException
import android.content.Context
import android.content.Intent
import androidx.core.content.FileProvider
import fr.innomed.android.api.conversation.DocumentViewer
import java.io.File

/**
 * Received documents, opened in the phone's PDF viewer. The core writes each one, downloaded,
 * checked and cleaned, into the account's own folder
 * (`files/accounts/<user>/<device>/documents/<case>/`), and removes it when the doctor leaves
 * the case or signs out. The viewer gets a `content://` URI of [DocumentsProvider] with a
 * one-shot read grant (never a copy in shared storage); only a PDF of a `documents` folder of an
 * account is handed out, whatever path comes.
 *
 * @param context the application's: the viewer starts in its own task.
 */
class DocumentFiles(private val context: Context, private val accountsDir: File) : DocumentViewer {
    override fun open(path: String): Boolean {
        val file = File(path).canonicalFile
        val inAccount = generateSequence(file.parentFile) { it.parentFile }.any { it == accountsDir.canonicalFile }
        if (!inAccount || !file.isFile || file.extension != "pdf" || file.parentFile?.parentFile?.name != FOLDER) return false
        val uri = FileProvider.getUriForFile(context, "${context.packageName}.documents", file)
        val view = Intent(Intent.ACTION_VIEW)
            .setDataAndType(uri, PDF)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION or Intent.FLAG_ACTIVITY_NEW_TASK)
        return try {
            context.startActivity(view)
            true
        } catch (e: ActivityNotFoundException) {
            false
        }
    }

    private companion object {
        /** The core's folder of opened documents, in each account's. */
        const val FOLDER = "documents"
        const val PDF = "application/pdf"
    }
}

/** Its own provider class: one `FileProvider` per manifest entry, this one for the accounts' folder. */
class DocumentsProvider : FileProvider()
