//! The time the télé-expertise rules are checked against (duty rota, deadlines, reminders).
//! Real time in the apps; a clock the tests move by hand.

use std::{
    fmt,
    sync::{
        atomic::{AtomicI64, Ordering},
        Arc, RwLock,
    },
    time::{SystemTime, UNIX_EPOCH},
};

/// A source of "now", in milliseconds since the Unix epoch.
pub trait Clock: Send + Sync + fmt::Debug {
    fn now_ms(&self) -> i64;
}

/// The device's clock.
#[derive(Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
    }
}

/// A clock that only moves when told to.
#[derive(Debug, Default)]
pub struct ManualClock(AtomicI64);

impl ManualClock {
    pub fn new(now_ms: i64) -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(now_ms)))
    }

    pub fn set(&self, now_ms: i64) {
        self.0.store(now_ms, Ordering::SeqCst);
    }

    pub fn advance_minutes(&self, minutes: i64) {
        self.0.fetch_add(minutes * 60_000, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// The clock of one signed-in account, shared by its clones.
#[derive(Clone, Debug)]
pub(crate) struct ClockCell(Arc<RwLock<Arc<dyn Clock>>>);

impl Default for ClockCell {
    fn default() -> Self {
        Self(Arc::new(RwLock::new(Arc::new(SystemClock))))
    }
}

impl ClockCell {
    pub(crate) fn now_ms(&self) -> i64 {
        match self.0.read() {
            Ok(clock) => clock.now_ms(),
            Err(poisoned) => poisoned.into_inner().now_ms(),
        }
    }

    pub(crate) fn set(&self, clock: Arc<dyn Clock>) {
        match self.0.write() {
            Ok(mut slot) => *slot = clock,
            Err(poisoned) => *poisoned.into_inner() = clock,
        }
    }
}
