//! Call back: the number a GP asks to be called back on, checked as they type it, read by the
//! specialist who took the request, and the record that a call was placed.

use innomed_core::{CallBack, CptsError};

use crate::{cases::CaseRoom, platform::on_core};

/// The number a GP typed, checked and formatted (to dial, to read): the request form shows
/// `InvalidRequest(InvalidPhone)` at once instead of on sending.
#[uniffi::export]
pub fn check_call_back(typed: String) -> Result<CallBack, CptsError> {
    CallBack::parse(&typed).map_err(CptsError::InvalidRequest)
}

#[uniffi::export]
impl CaseRoom {
    /// The number the GP asked to be called back on, for the specialist who took the request;
    /// `None` when none was asked (or not readable yet).
    pub async fn call_back(&self) -> Result<Option<CallBack>, CptsError> {
        on_core!(self.case, |case| case.call_back())
    }

    /// Records in the case that this doctor placed a call (who and when, no content).
    pub async fn record_call(&self) -> Result<(), CptsError> {
        on_core!(self.case, |case| case.record_call())
    }
}
