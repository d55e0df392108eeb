package fr.innomed.android.app

import android.app.Application
import androidx.lifecycle.ProcessLifecycleOwner

class InnomedApplication : Application() {
    lateinit var graph: AppGraph
        private set

    override fun onCreate() {
        super.onCreate()
        graph = AppGraph(this)
        ProcessLifecycleOwner.get().lifecycle.addObserver(graph.appLock)
    }
}
