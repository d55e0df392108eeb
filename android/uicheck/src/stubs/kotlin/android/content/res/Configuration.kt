// STUB (type-check only): the members of android.content.res.Configuration the UI reads.
package android.content.res

import android.os.LocaleList

class Configuration {
    val locales: LocaleList = LocaleList()
}
