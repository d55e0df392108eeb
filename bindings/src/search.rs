//! Search across the cases on this device, the filtered case list and the archive.

use std::sync::Arc;

use innomed_core::{
    AccountError, CaseError, CaseFilter, CaseSummary, SearchError, SearchHit, SearchProgress,
};

use crate::{
    cases::{CaseListListener, CaseRoom},
    client::Client,
    platform::on_core,
    task::TaskHandle,
};

/// Receives where the first reading of the cases into the search index stands.
#[uniffi::export(foreign)]
pub trait SearchProgressListener: Send + Sync {
    fn on_progress(&self, progress: SearchProgress);
}

#[uniffi::export]
impl Client {
    /// Searches every case on this device (header, messages, captions, document titles,
    /// advice, closure, members, specialty, dates); best first, matched words marked.
    pub async fn search(&self, query: String) -> Result<Vec<SearchHit>, SearchError> {
        let client = self
            .core()
            .map_err(|_| SearchError::Store("closed".into()))?;
        on_core!(client, |c| c.search(&query))
    }

    /// Where the first reading of the cases stands, then each change (a progress bar while
    /// cases joined before this version are indexed).
    pub fn subscribe_search_progress(
        &self,
        listener: Arc<dyn SearchProgressListener>,
    ) -> Result<Arc<TaskHandle>, AccountError> {
        let mut progress = self.core()?.search_progress();
        Ok(TaskHandle::spawn(move |cancelled| async move {
            loop {
                let now = *progress.borrow_and_update();
                if cancelled.is_set() {
                    return;
                }
                listener.on_progress(now);
                if now.done || progress.changed().await.is_err() {
                    return;
                }
            }
        }))
    }

    /// The case list through a filter (the archive with `archived`), now.
    pub async fn cases_filtered(
        &self,
        filter: CaseFilter,
    ) -> Result<Vec<CaseSummary>, AccountError> {
        Ok(on_core!(self.core()?, |c| c
            .case_list_filtered(filter)
            .current()))
    }

    /// The case list through a filter, live: first a reset, then diffs.
    pub fn subscribe_cases_filtered(
        &self,
        filter: CaseFilter,
        listener: Arc<dyn CaseListListener>,
    ) -> Result<Arc<TaskHandle>, AccountError> {
        Ok(crate::cases::subscribe(self.core()?, filter, listener))
    }

    /// Archives every closed case idle for `days` days; returns how many.
    pub async fn archive_closed_older_than(&self, days: u32) -> Result<u32, CaseError> {
        let client = self.core().map_err(|_| CaseError::Closed)?;
        on_core!(client, |c| c.archive_closed_older_than(days))
    }
}

#[uniffi::export]
impl CaseRoom {
    /// Puts this closed case in the archive (`NotClosed` otherwise).
    pub async fn archive(&self) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.archive())
    }

    /// Brings this case back from the archive.
    pub async fn restore(&self) -> Result<(), CaseError> {
        on_core!(self.case, |case| case.restore())
    }
}
