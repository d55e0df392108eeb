package fr.innomed.android.test

/**
 * The default of every scriptable call of the fakes: a test that reaches a call it did not
 * script fails at once, naming the call, instead of running on a made-up answer.
 */
fun notScripted(call: String): Nothing = throw AssertionError("$call was called, but the test did not script it")

/** Records the calls a fake received, in order, for assertions. */
class Calls<T> {
    private val recorded = mutableListOf<T>()

    val all: List<T> get() = synchronized(recorded) { recorded.toList() }

    val last: T? get() = synchronized(recorded) { recorded.lastOrNull() }

    internal fun add(call: T) = synchronized(recorded) { recorded.add(call) }

    override fun toString() = "Calls($all)"
}
