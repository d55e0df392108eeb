// STUB (type-check only): the permission names the included files ask for.
package android

class Manifest {
    object permission {
        const val CAMERA: String = "android.permission.CAMERA"
        const val POST_NOTIFICATIONS: String = "android.permission.POST_NOTIFICATIONS"
    }
}
