// STUB (type-check only): compose-ui-graphics' Android-only android.graphics.Bitmap → ImageBitmap
// wrapper (AndroidImageBitmap.android.kt), same signature. The desktop artifact has only the
// Skia overloads.
package androidx.compose.ui.graphics

import android.graphics.Bitmap

fun Bitmap.asImageBitmap(): ImageBitmap = throw UnsupportedOperationException("uicheck stub: type-check only")
