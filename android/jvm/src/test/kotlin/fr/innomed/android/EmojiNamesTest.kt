package fr.innomed.android

import java.io.File
import javax.xml.parsers.DocumentBuilderFactory
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import org.w3c.dom.Element

/**
 * The verification screen names each emoji by its index in the Matrix spec's SAS table
 * (`SasEmoji.index`, 0–63) from the app's string-array (libraries/ui): it must follow the spec's order in
 * English, and say in French what the iOS app says.
 */
class EmojiNamesTest {
    private val root = File(
        System.getProperty("innomed.android.root") ?: error("innomed.android.root is not set: run through Maven"),
    ).canonicalFile

    private val spec = listOf(
        "Dog", "Cat", "Lion", "Horse", "Unicorn", "Pig", "Elephant", "Rabbit", "Panda", "Rooster", "Penguin",
        "Turtle", "Fish", "Octopus", "Butterfly", "Flower", "Tree", "Cactus", "Mushroom", "Globe", "Moon", "Cloud",
        "Fire", "Banana", "Apple", "Strawberry", "Corn", "Pizza", "Cake", "Heart", "Smiley", "Robot", "Hat",
        "Glasses", "Spanner", "Santa", "Thumbs Up", "Umbrella", "Hourglass", "Clock", "Gift", "Light Bulb", "Book",
        "Pencil", "Paperclip", "Scissors", "Lock", "Key", "Hammer", "Telephone", "Flag", "Train", "Bicycle",
        "Aeroplane", "Rocket", "Trophy", "Ball", "Guitar", "Trumpet", "Bell", "Anchor", "Headphones", "Folder", "Pin",
    )

    private fun names(folder: String): List<String> {
        val file = File(root, "libraries/ui/src/main/res/$folder/strings.xml")
        val document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file)
        val arrays = document.getElementsByTagName("string-array")
        val array = (0 until arrays.length).map { arrays.item(it) as Element }
            .single { it.getAttribute("name") == "sas_emoji_names" }
        val items = array.getElementsByTagName("item")
        return (0 until items.length).map { items.item(it).textContent.replace("\\'", "'").trim() }
    }

    /** The iOS app's French names, `"sas.<english name in lower case>" = "<french>";`. */
    private fun iosFrench(): Map<String, String> {
        val strings = File(root, "../ios/Innomed/Resources/fr.lproj/Localizable.strings").readText()
        return Regex("\"sas\\.([^\"]+)\" = \"([^\"]*)\";").findAll(strings).associate { it.groupValues[1] to it.groupValues[2] }
    }

    @Test
    fun `the English names follow the spec's table`() {
        assertEquals(spec, names("values-en"))
    }

    @Test
    fun `the French names are the iOS app's, in the same order`() {
        val ios = iosFrench()
        val expected = spec.map { ios[it.lowercase()] ?: error("no sas.${it.lowercase()} in the iOS strings") }
        val french = names("values")
        assertEquals(expected, french)
        assertEquals("Chien", french[0])
        assertEquals("Père Noël", french[35])
        assertEquals("Punaise", french[63])
    }
}
