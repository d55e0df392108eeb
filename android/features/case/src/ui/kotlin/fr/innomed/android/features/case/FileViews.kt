package fr.innomed.android.features.case

import androidx.annotation.StringRes
import androidx.compose.foundation.Image
import androidx.compose.foundation.background
import androidx.compose.foundation.border
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.size
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.LinearProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.clip
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.conversation.ImageBytes
import fr.innomed.android.api.conversation.ImageLimits
import fr.innomed.android.api.conversation.UploadProgress
import fr.innomed.android.ui.DecodedImage
import fr.innomed.android.ui.rememberImage

/**
 * A file's small picture: the thumbnail the core made (a photo's, a document's first page),
 * decoded within the thumbnail's limits; a spinner while it comes; else [badge] ("PDF") on
 * a blank page. The caller gives the size.
 */
@Composable
internal fun FileThumbnail(image: ImageBytes?, loading: Boolean, badge: String?, description: String, modifier: Modifier) {
    val shape = MaterialTheme.shapes.small
    Box(
        modifier
            .clip(shape)
            .background(MaterialTheme.colorScheme.surface)
            .border(1.dp, MaterialTheme.colorScheme.outlineVariant, shape),
        contentAlignment = Alignment.Center,
    ) {
        val decoded = if (image != null) rememberImage(image, maxEdge = ImageLimits.THUMBNAIL_EDGE) else null
        when {
            decoded is DecodedImage.Shown ->
                Image(decoded.bitmap, description, Modifier.fillMaxSize(), contentScale = ContentScale.Crop)
            loading || decoded == DecodedImage.Decoding -> CircularProgressIndicator(Modifier.size(20.dp), strokeWidth = 2.dp)
            badge != null -> Text(badge, style = MaterialTheme.typography.labelMedium, color = MaterialTheme.colorScheme.onSurfaceVariant)
        }
    }
}

/** How a photo or document sent from this phone is leaving it: a bar, or why it waits. */
@Composable
internal fun UploadLine(progress: UploadProgress, @StringRes waiting: Int, @StringRes failed: Int) {
    when (progress) {
        UploadProgress.Queued -> LinearProgressIndicator(Modifier.fillMaxWidth())
        is UploadProgress.Uploading -> LinearProgressIndicator(progress = { progress.fraction }, modifier = Modifier.fillMaxWidth())
        is UploadProgress.Failed -> Text(
            stringResource(if (progress.recoverable) waiting else failed),
            color = MaterialTheme.colorScheme.error,
            style = MaterialTheme.typography.labelSmall,
        )
    }
}
