// JVM STAND-IN: compose-ui-graphics' Android-only android.graphics.Bitmap → ImageBitmap wrapper
// (AndroidImageBitmap.android.kt), same signature, over the Skia image the stand-in Bitmap holds.
package androidx.compose.ui.graphics

import android.graphics.Bitmap

fun Bitmap.asImageBitmap(): ImageBitmap = image.toComposeImageBitmap()
