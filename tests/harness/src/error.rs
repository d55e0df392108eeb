use std::io;
use std::path::Path;

/// Everything that can go wrong while installing, running or inspecting Synapse.
#[derive(Debug, thiserror::Error)]
pub enum HarnessError {
    /// A file system or process operation failed.
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: io::Error,
    },
    /// Installing Synapse into the virtualenv failed.
    #[error("installing Synapse failed: {message}\n--- log tail ---\n{log_tail}")]
    Install { message: String, log_tail: String },
    /// Synapse did not come up (exited early, timed out, or misconfigured).
    #[error("Synapse failed to start: {message}\n--- log tail ---\n{log_tail}")]
    Startup { message: String, log_tail: String },
    /// Synapse could not be stopped.
    #[error("stopping Synapse failed: {0}")]
    Stop(String),
    /// A raw HTTP request failed or returned something unparsable.
    #[error("HTTP {method} {url} failed: {message}")]
    Http {
        method: String,
        url: String,
        message: String,
    },
    /// Reading the homeserver database failed.
    #[error("reading the Synapse database failed: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl HarnessError {
    /// Builds a mapper for `io::Error` carrying what was being done.
    pub(crate) fn io(context: impl Into<String>) -> impl FnOnce(io::Error) -> Self {
        let context = context.into();
        move |source| Self::Io { context, source }
    }

    /// Like [`HarnessError::io`], naming a path.
    pub(crate) fn io_path(what: &str, path: &Path) -> impl FnOnce(io::Error) -> Self {
        Self::io(format!("{what} {}", path.display()))
    }
}
