//! Integration suites of Innomed. The tests live in `tests/suite/` (one binary, one module per
//! feature); the Synapse harness they use is the `innomed-harness` crate in `tests/harness/`.
