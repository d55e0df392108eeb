package fr.innomed.android.app.reports

import android.content.ClipData
import android.content.Context
import android.content.Intent
import androidx.core.content.FileProvider
import java.io.File

/**
 * The closing reports, in app-private storage only (`files/reports/`, written by the core when
 * the requesting GP closes a request): opened in the phone's PDF viewer or handed to the share
 * sheet through a one-shot read grant on a `content://` URI (never a copy in shared storage),
 * and deleted at sign-out with the rest of the doctor's files.
 */
class ReportFiles(private val context: Context) {
    val folder: File = File(context.filesDir, FOLDER).apply { mkdirs() }

    /** "Ouvrir": the system's viewer for the report's PDF; null for a file outside the folder. */
    fun view(pdfPath: String): Intent? = grant(pdfPath)?.let { uri ->
        val view = Intent(Intent.ACTION_VIEW).setDataAndType(uri, PDF).addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        Intent.createChooser(view, null)
    }

    /** "Partager": the share sheet with the report's PDF (a secure mail, the patient's file). */
    fun share(pdfPath: String): Intent? = grant(pdfPath)?.let { uri ->
        val send = Intent(Intent.ACTION_SEND)
            .setType(PDF)
            .putExtra(Intent.EXTRA_STREAM, uri)
            .addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
        // The grant travels with the clip data to whichever app is picked.
        send.clipData = ClipData.newRawUri(null, uri)
        Intent.createChooser(send, null)
    }

    /** Deletes every report (sign-out). */
    fun wipe() {
        folder.listFiles()?.forEach { it.delete() }
    }

    /** A read-only URI for a PDF of this folder; the core's path is checked, never trusted. */
    private fun grant(pdfPath: String) = File(pdfPath).canonicalFile
        .takeIf { it.parentFile == folder.canonicalFile && it.isFile && it.extension == "pdf" }
        ?.let { FileProvider.getUriForFile(context, "${context.packageName}.reports", it) }

    companion object {
        const val FOLDER = "reports"
        private const val PDF = "application/pdf"
    }
}

/** Its own provider class: one `FileProvider` per manifest entry, this one for `files/reports/` only. */
class ReportsProvider : FileProvider()
