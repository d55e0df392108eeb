// JVM STAND-IN: Android's string resources read from the res folders, as AAPT and Resources
// would serve them: `values` (the default: French) overlaid by `values-<language>`, Android's
// escapes undone, plurals chosen by the language's rule (French: 0 and 1 are "one"), arguments
// formatted with the screen's locale. The folder is the system property `innomed.res`.
package androidx.compose.ui.res

import java.io.File
import java.util.Locale
import java.util.concurrent.ConcurrentHashMap
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element

class AndroidStrings private constructor(private val locale: Locale, private val entries: Map<String, Entry>) {
    sealed interface Entry {
        data class Text(val value: String) : Entry

        data class Plural(val byQuantity: Map<String, String>) : Entry

        data class Items(val values: List<String>) : Entry
    }

    fun string(id: Int, vararg args: Any): String {
        val text = (entry(id) as? Entry.Text ?: error("not a string: ${name(id)}")).value
        return if (args.isEmpty()) text else String.format(locale, text, *args)
    }

    fun plural(id: Int, count: Int, vararg args: Any): String {
        val forms = (entry(id) as? Entry.Plural ?: error("not a plural: ${name(id)}")).byQuantity
        val form = forms[quantity(count)] ?: forms.getValue("other")
        return if (args.isEmpty()) form else String.format(locale, form, *args)
    }

    fun array(id: Int): Array<String> =
        (entry(id) as? Entry.Items ?: error("not a string-array: ${name(id)}")).values.toTypedArray()

    private fun entry(id: Int): Entry = entries[name(id)] ?: error("no resource ${name(id)} for $locale")

    private fun quantity(count: Int): String = when {
        locale.language == "fr" && (count == 0 || count == 1) -> "one"
        locale.language != "fr" && count == 1 -> "one"
        else -> "other"
    }

    companion object {
        private val loaded = ConcurrentHashMap<String, AndroidStrings>()

        /** French unless the locale's language has its own folder (English: values-en). */
        fun of(locale: Locale): AndroidStrings {
            val root = File(System.getProperty("innomed.res") ?: error("system property innomed.res: the res folder"))
            val language = locale.language.takeIf { File(root, "values-$it").isDirectory } ?: "fr"
            return loaded.getOrPut(language) {
                val base = read(File(root, "values"))
                val overlay = if (language == "fr") emptyMap() else read(File(root, "values-$language"))
                AndroidStrings(Locale.forLanguageTag(language), base + overlay)
            }
        }

        fun name(id: Int): String = resourceNames.getOrNull(id - FIRST_RESOURCE_ID) ?: error("unknown resource id $id")

        private fun read(folder: File): Map<String, Entry> {
            val entries = mutableMapOf<String, Entry>()
            folder.listFiles { f -> f.name.endsWith(".xml") }.orEmpty().sorted().forEach { file ->
                val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
                val children = doc.documentElement.childNodes
                for (i in 0 until children.length) {
                    val element = children.item(i) as? Element ?: continue
                    val name = element.getAttribute("name").replace('.', '_')
                    when (element.tagName) {
                        "string" -> entries["string/$name"] = Entry.Text(unescape(element.textContent))
                        "plurals" -> entries["plurals/$name"] = Entry.Plural(
                            items(element).associate { it.getAttribute("quantity") to unescape(it.textContent) },
                        )
                        "string-array" -> entries["array/$name"] = Entry.Items(items(element).map { unescape(it.textContent) })
                    }
                }
            }
            return entries
        }

        private fun items(element: Element): List<Element> {
            val nodes = element.getElementsByTagName("item")
            return (0 until nodes.length).map { nodes.item(it) as Element }
        }

        /** AAPT's rules: whitespace collapsed outside double quotes, quotes dropped, backslash escapes. */
        internal fun unescape(raw: String): String {
            val out = StringBuilder()
            var quoted = false
            var space = false
            var i = 0
            while (i < raw.length) {
                val c = raw[i]
                when {
                    c == '\\' && i + 1 < raw.length -> {
                        i++
                        out.append(
                            when (val e = raw[i]) {
                                'n' -> '\n'
                                't' -> '\t'
                                'u' -> raw.substring(i + 1, i + 5).toInt(16).toChar().also { i += 4 }
                                else -> e
                            },
                        )
                        space = false
                    }
                    c == '"' -> quoted = !quoted
                    !quoted && c.isWhitespace() -> {
                        if (!space) out.append(' ')
                        space = true
                    }
                    else -> {
                        out.append(c)
                        space = false
                    }
                }
                i++
            }
            return out.toString().trim()
        }
    }
}
