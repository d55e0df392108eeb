package fr.innomed.android.features.newrequest

import androidx.compose.foundation.Image
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.heightIn
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.Text
import androidx.compose.material3.TextButton
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.layout.ContentScale
import androidx.compose.ui.res.stringResource
import androidx.compose.ui.unit.dp
import fr.innomed.android.ui.DecodedImage
import fr.innomed.android.ui.R
import fr.innomed.android.ui.errorMessage
import fr.innomed.android.ui.rememberPreview
import fr.innomed.android.ui.text

/**
 * The optional photo of a request: taken with the camera into the app's private folder,
 * previewed here, sent with the request (only the specialist who takes it sees it). [onTakePhoto]
 * opens the camera.
 */
@Composable
fun RequestPhotoSection(state: NewRequestState, onEvent: (NewRequestEvent) -> Unit, onTakePhoto: () -> Unit) {
    Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
        Row(verticalAlignment = Alignment.CenterVertically, horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            OutlinedButton(onClick = onTakePhoto, enabled = state.canTakePhoto) {
                Text(stringResource(if (state.photo == null) R.string.photo_take else R.string.photo_retake))
            }
            if (state.photo != null) {
                TextButton(onClick = { onEvent(NewRequestEvent.PhotoRemoved) }, enabled = state.canTakePhoto) {
                    Text(stringResource(R.string.photo_remove))
                }
            }
        }
        val photo = state.photo
        if (photo != null) {
            when (val preview = rememberPreview(photo)) {
                is DecodedImage.Shown ->
                    Image(preview.bitmap, stringResource(R.string.photo_description), Modifier.heightIn(max = 200.dp), contentScale = ContentScale.Fit)
                DecodedImage.Decoding -> Unit
                DecodedImage.TooLarge, DecodedImage.Unreadable -> preview.text()?.let {
                    Text(errorMessage(it), color = MaterialTheme.colorScheme.error, style = MaterialTheme.typography.bodySmall)
                }
            }
            Text(stringResource(R.string.request_photo_attached), style = MaterialTheme.typography.bodySmall)
        }
    }
}
