// JVM STAND-IN: the members of android.content.res.Configuration the UI reads (the locales).
package android.content.res

import android.os.LocaleList
import java.util.Locale

class Configuration(val locales: LocaleList = LocaleList(Locale.FRENCH))
