package fr.innomed.android.features.case

import androidx.activity.compose.BackHandler
import androidx.compose.foundation.Image
import androidx.compose.foundation.background
import androidx.compose.foundation.clickable
import androidx.compose.foundation.gestures.rememberTransformableState
import androidx.compose.foundation.gestures.transformable
import androidx.compose.foundation.layout.Box
import androidx.compose.foundation.layout.aspectRatio
import androidx.compose.foundation.layout.fillMaxSize
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.CircularProgressIndicator
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableFloatStateOf
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.draw.clip
import androidx.compose.ui.geometry.Offset
import androidx.compose.ui.graphics.Color
import androidx.compose.ui.graphics.graphicsLayer
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.api.conversation.CaseMessage
import fr.innomed.android.api.conversation.ImageLimits
import fr.innomed.android.api.conversation.PhotoMessage
import fr.innomed.android.ui.DecodedImage
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.rememberImage
import fr.innomed.android.ui.text

/** A photo message: its thumbnail (asked for when it first shows), its upload, its caption. */
@Composable
fun PhotoMessageView(
    message: CaseMessage,
    photo: PhotoMessage,
    photos: CasePhotosState,
    onEvent: (CaseEvent) -> Unit,
) {
    val key = message.key
    LaunchedEffect(key) { if (key != null) onEvent(CaseEvent.ShowThumbnail(message)) }
    val width = photo.width
    val height = photo.height
    val ratio = if (width != null && height != null && width > 0 && height > 0) width.toFloat() / height else 4f / 3f
    Box(
        modifier = Modifier
            .fillMaxWidth()
            .aspectRatio(ratio.coerceIn(0.5f, 2f))
            .clip(MaterialTheme.shapes.medium)
            .background(MaterialTheme.colorScheme.surfaceVariant)
            .clickable(enabled = key != null) { onEvent(CaseEvent.OpenPhoto(message)) },
        contentAlignment = Alignment.Center,
    ) {
        when (val load = key?.let { photos.thumbnails[it] }) {
            is PhotoLoad.Loaded -> when (val decoded = rememberImage(load.image, maxEdge = ImageLimits.THUMBNAIL_EDGE)) {
                is DecodedImage.Shown ->
                    Image(decoded.bitmap, stringResource(R.string.photo_description), Modifier.fillMaxSize(), contentScale = ContentScale.Crop)
                DecodedImage.Decoding -> CircularProgressIndicator()
                DecodedImage.TooLarge, DecodedImage.Unreadable -> decoded.text()?.let {
                    Text(errorMessage(it), color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(8.dp))
                }
            }
            is PhotoLoad.Failed -> Text(errorMessage(load.error.text()), color = MaterialTheme.colorScheme.error, modifier = Modifier.padding(8.dp))
            PhotoLoad.Loading, null -> CircularProgressIndicator()
        }
    }
    message.transactionId?.let { photos.uploads[it] }?.let { UploadLine(it, R.string.photo_upload_waiting, R.string.photo_upload_failed) }
    photo.caption?.let { Text(it) }
}

/**
 * The full image over the whole case screen (same window, so FLAG_SECURE covers it): the
 * thumbnail until the full image is decrypted, pinch to zoom, back or the button to close.
 */
@Composable
fun PhotoViewerOverlay(viewer: PhotoViewer, thumbnail: PhotoLoad?, onClose: () -> Unit) {
    BackHandler(onBack = onClose)
    var scale by remember(viewer.key) { mutableFloatStateOf(1f) }
    var offset by remember(viewer.key) { mutableStateOf(Offset.Zero) }
    val gestures = rememberTransformableState { zoom, pan, _ ->
        scale = (scale * zoom).coerceIn(1f, MAX_ZOOM)
        offset = if (scale == 1f) Offset.Zero else offset + pan
    }
    Box(Modifier.fillMaxSize().background(Color.Black), contentAlignment = Alignment.Center) {
        val shown = (viewer.full as? PhotoLoad.Loaded)?.image ?: (thumbnail as? PhotoLoad.Loaded)?.image
        val decoded = rememberImage(shown)
        if (decoded is DecodedImage.Shown) {
            Image(
                bitmap = decoded.bitmap,
                contentDescription = stringResource(R.string.photo_description),
                contentScale = ContentScale.Fit,
                modifier = Modifier
                    .fillMaxSize()
                    .graphicsLayer(scaleX = scale, scaleY = scale, translationX = offset.x, translationY = offset.y)
                    .transformable(gestures),
            )
        }
        when (val full = viewer.full) {
            PhotoLoad.Loading -> CircularProgressIndicator()
            is PhotoLoad.Failed -> Text(errorMessage(full.error.text()), color = Color.White, modifier = Modifier.padding(24.dp))
            is PhotoLoad.Loaded -> decoded.text()?.let { Text(errorMessage(it), color = Color.White, modifier = Modifier.padding(24.dp)) }
        }
        TextButton(onClick = onClose, modifier = Modifier.align(Alignment.TopEnd).padding(16.dp)) {
            Text(stringResource(R.string.photo_close), color = Color.White)
        }
    }
}

private const val MAX_ZOOM = 5f
