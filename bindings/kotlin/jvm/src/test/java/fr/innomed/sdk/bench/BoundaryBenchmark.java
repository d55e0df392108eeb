package fr.innomed.sdk.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The cost of the FFI boundary itself, no homeserver involved: one call round trip
 * (Kotlin → Rust → Kotlin with a string argument and a boolean result), and handing a
 * 1,000-message timeline reset to a Kotlin listener (Rust builds the items through the same
 * conversions as a real conversation, UniFFI serialises them, Kotlin deserialises them).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BoundaryBenchmark {
    private Blackhole sink;

    @Setup
    public void setup(Blackhole blackhole) {
        Boundary.init();
        sink = blackhole;
    }

    @Benchmark
    public boolean callRoundTrip() {
        return Boundary.callRoundTrip();
    }

    @Benchmark
    public void timelineResetOf1000() {
        Boundary.timelineReset(1000, sink::consume);
    }
}
