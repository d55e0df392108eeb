//! The process-wide runtime and logging.

use std::{future::Future, sync::OnceLock};

use tokio::runtime::Runtime;
use tracing_subscriber::{fmt, EnvFilter};

static RUNTIME: OnceLock<Runtime> = OnceLock::new();
static LOGS: OnceLock<()> = OnceLock::new();

/// How the app wants the core to run.
#[derive(uniffi::Record)]
pub struct PlatformConfig {
    /// A `tracing` filter such as `info` or `innomed_core=debug,warn`. Logs carry ids only:
    /// never message bodies, case details, names, tokens or keys.
    pub log_filter: String,
    /// Worker threads of the core's runtime (0: the number of cores).
    pub worker_threads: u32,
}

/// Starts the core's runtime and logging. Call once at app start; later calls change nothing.
#[uniffi::export]
pub fn init_platform(config: PlatformConfig) {
    LOGS.get_or_init(|| {
        let filter =
            EnvFilter::try_new(&config.log_filter).unwrap_or_else(|_| EnvFilter::new("info"));
        // Logcat / the Xcode console read stderr; no ANSI colours there.
        let _ = fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(std::io::stderr)
            .try_init();
    });
    let threads = config.worker_threads as usize;
    RUNTIME.get_or_init(|| build_runtime(threads));
}

fn build_runtime(threads: usize) -> Runtime {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    if threads > 0 {
        builder.worker_threads(threads);
    }
    builder
        .enable_all()
        .thread_name("innomed-core")
        .build()
        // Without threads the app cannot do anything at all; UniFFI reports this panic as an
        // internal error to the caller.
        .expect("the core's runtime could not start")
}

/// The runtime, started with defaults if the app did not call [`init_platform`].
pub(crate) fn runtime() -> &'static Runtime {
    RUNTIME.get_or_init(|| build_runtime(0))
}

/// Runs `future` on the core's runtime and waits for it from whatever executor polls. A panic
/// carries on into the UniFFI call polling this, which reports it as an internal error.
pub(crate) async fn run<F>(future: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    match runtime().spawn(future).await {
        Ok(output) => output,
        Err(e) => match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(_) => panic!("the core's runtime stopped"),
        },
    }
}

/// One call of the core on its runtime, with a clone of the handle it is made on:
/// `on_core!(self.case, |case| case.invite(&user_id))`.
macro_rules! on_core {
    ($handle:expr, |$name:ident| $call:expr) => {{
        let $name = $handle.clone();
        $crate::platform::run(async move { $call.await }).await
    }};
}

pub(crate) use on_core;
