package fr.innomed.android

import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The layering of `android/`, checked on the sources: only `libraries/impl` sees the bindings. */
class ModuleBoundaryTest {
    private val root = File(
        System.getProperty("innomed.android.root") ?: error("innomed.android.root is not set: run through Maven"),
    ).canonicalFile

    private fun kotlinFiles(folder: String): List<File> =
        File(root, folder).walkTopDown().filter { it.isFile && it.extension == "kt" }.toList()

    @Test
    fun `presenters, views, the API and the fakes never import the generated bindings`() {
        val folders = listOf("libraries/api", "libraries/architecture", "libraries/test", "libraries/ui", "features")
        val files = folders.flatMap(::kotlinFiles)
        assertTrue(files.size > 20, "found the sources under $root")
        val offenders = files.filter { file -> file.readLines().any { it.trimStart().startsWith("import fr.innomed.sdk") } }
        assertEquals(emptyList<File>(), offenders)
    }

    @Test
    fun `presenters do not log`() {
        val logging = Regex("""\b(println|print|Log\.[dviwe]|Timber|Logger)\s*\(""")
        val offenders = kotlinFiles("features").filter { file -> file.readLines().any(logging::containsMatchIn) }
        assertEquals(emptyList<File>(), offenders)
    }

    @Test
    fun `source files stay small`() {
        val big = (kotlinFiles("libraries") + kotlinFiles("features") + kotlinFiles("jvm/src"))
            .filter { it.readLines().size > 300 }
        assertEquals(emptyList<File>(), big)
    }
}
