package fr.innomed.android.impl

import fr.innomed.android.api.RoomId
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.sdk.FileUploadListener
import fr.innomed.sdk.PhotoSending
import fr.innomed.sdk.PhotoUploadListener
import fr.innomed.core.UploadProgress as SdkUploadProgress
import fr.innomed.sdk.TaskHandle
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.flow.update

/**
 * The progress of the photos and documents this device is sending, per case, for any screen to
 * follow (the new-request form sends, the case screen shows the progress).
 *
 * The bindings report through a listener whose `TaskHandle` must stay alive until the photo is
 * sent: dropping it stops the reports (not the upload). Handles of finished uploads are freed
 * at the next send, and every handle at [close] (the session's end). Nothing is freed from
 * within a listener call, which runs on the core's thread.
 */
internal class PhotoUploads : AutoCloseable {
    private val progress = MutableStateFlow<Map<RoomId, Map<String, UploadProgress>>>(emptyMap())
    private val handles = HashMap<String, TaskHandle>()
    private val finished = HashSet<String>()

    fun of(roomId: RoomId): Flow<Map<String, UploadProgress>> =
        progress.map { it[roomId].orEmpty() }.distinctUntilChanged()

    /** A listener for one photo of [roomId]; give it to [started] once the photo is queued. */
    fun listener(roomId: RoomId): Listener = Listener(roomId)

    /** The photo is queued: keep its handle and attach the reports to its transaction id. */
    fun started(listener: Listener, sending: PhotoSending) {
        val freed = synchronized(handles) {
            handles[sending.transactionId] = sending.progress
            sweep()
        }
        freed.forEach(TaskHandle::close)
        listener.bind(sending.transactionId)
    }

    /** One listener for files sent together into [roomId]: its reports name their transaction. */
    fun filesListener(roomId: RoomId): FilesListener = FilesListener(roomId)

    /** The files are queued: keep their handles; each shows as queued unless it already reported. */
    fun started(listener: FilesListener, sendings: List<PhotoSending>) {
        val freed = synchronized(handles) {
            sendings.forEach { handles[it.transactionId] = it.progress }
            sweep()
        }
        freed.forEach(TaskHandle::close)
        sendings.forEach { listener.queued(it.transactionId) }
    }

    override fun close() {
        val all = synchronized(handles) {
            handles.values.toList().also {
                handles.clear()
                finished.clear()
            }
        }
        all.forEach {
            it.cancel()
            it.close()
        }
        progress.value = emptyMap()
    }

    /** The handles of finished uploads, removed from the map; the caller closes them. */
    private fun sweep(): List<TaskHandle> {
        val done = finished.mapNotNull { handles.remove(it) }
        finished.clear()
        return done
    }

    private fun report(roomId: RoomId, transactionId: String, update: UploadProgress?) {
        val done = update == null || (update is UploadProgress.Failed && !update.recoverable)
        if (done) synchronized(handles) { finished.add(transactionId) }
        progress.update { all ->
            val ofRoom = all[roomId].orEmpty()
            val changed = if (update == null) ofRoom - transactionId else ofRoom + (transactionId to update)
            if (changed.isEmpty()) all - roomId else all + (roomId to changed)
        }
    }

    /**
     * Reports may arrive before the bindings' call returns the transaction id: they wait here
     * and are replayed, in order, by [bind]. A null report means sent.
     */
    inner class Listener internal constructor(private val roomId: RoomId) : PhotoUploadListener {
        private var transactionId: String? = null
        private val early = ArrayList<UploadProgress?>()

        internal fun bind(id: String) {
            synchronized(this) {
                transactionId = id
                report(roomId, id, UploadProgress.Queued)
                early.forEach { report(roomId, id, it) }
                early.clear()
            }
        }

        private fun reported(update: UploadProgress?) {
            synchronized(this) {
                val id = transactionId
                if (id == null) early.add(update) else report(roomId, id, update)
            }
        }

        override fun onProgress(progress: SdkUploadProgress) = reported(progress.toApi())
    }

    /**
     * Reports of files sent together, each with its transaction id: they may come before the
     * bindings' call returns, so a file is shown as queued only if it has not reported yet.
     */
    inner class FilesListener internal constructor(private val roomId: RoomId) : FileUploadListener {
        private val reported = HashSet<String>()

        internal fun queued(transactionId: String) {
            synchronized(this) { if (reported.add(transactionId)) report(roomId, transactionId, UploadProgress.Queued) }
        }

        override fun onProgress(transactionId: String, progress: SdkUploadProgress) {
            synchronized(this) {
                reported.add(transactionId)
                report(roomId, transactionId, progress.toApi())
            }
        }
    }
}

/** Null once sent. */
private fun SdkUploadProgress.toApi(): UploadProgress? = when (this) {
    is SdkUploadProgress.Uploading -> UploadProgress.Uploading(sent.toLongClamped(), total.toLongClamped())
    is SdkUploadProgress.Sent -> null
    is SdkUploadProgress.Failed -> UploadProgress.Failed(recoverable)
}
