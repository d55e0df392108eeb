// STUB (type-check only): android.content.ActivityNotFoundException.
package android.content

open class ActivityNotFoundException : RuntimeException()
