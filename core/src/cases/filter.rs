//! Which cases the list shows: the main list (archived cases left out), the archive, and the
//! filters a doctor combines (status, specialty, urgency, overdue, waiting for me, asked by me,
//! muted).

use super::{CaseStatus, CaseSummary, Membership, Urgency};
use crate::requests::DeadlineState;

/// A filter of the case list; the default is the main list, every case but the archived ones.
/// Every condition set must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CaseFilter {
    /// Any of these statuses (none: any status; an invitation has none and matches only then).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub statuses: Vec<CaseStatus>,
    /// A specialty code (`dermatology`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub specialty: Option<String>,
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub urgency: Option<Urgency>,
    /// Past their deadline.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub overdue: bool,
    /// Something is expected of this doctor (see [`CaseSummary::waiting_for_me`]).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub waiting_for_me: bool,
    /// Opened by this doctor.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub asked_by_me: bool,
    /// Muted cases only (`Some(true)`), unmuted only (`Some(false)`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub muted: Option<bool>,
    /// The archive instead of the main list.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub archived: bool,
}

impl CaseFilter {
    pub fn matches(&self, case: &CaseSummary) -> bool {
        case.archived == self.archived
            && (self.statuses.is_empty() || case.status.is_some_and(|s| self.statuses.contains(&s)))
            && self
                .specialty
                .as_ref()
                .is_none_or(|s| case.specialty.as_ref() == Some(s))
            && self.urgency.is_none_or(|u| case.urgency == u)
            && (!self.overdue
                || case
                    .deadline
                    .is_some_and(|d| d.state == DeadlineState::Overdue))
            && (!self.waiting_for_me || case.waiting_for_me)
            && (!self.asked_by_me || case.asked_by_me)
            && self.muted.is_none_or(|m| case.muted == m)
    }
}

/// Whether something is expected of the doctor: an invitation or a routed request to answer,
/// advice to give on a request they took, an answered request of theirs to close, unread
/// messages in an open case.
pub(crate) fn waiting_for(case: &CaseSummary, is_taker: bool) -> bool {
    match (case.membership, case.status) {
        (Membership::Invited, _) => true,
        (Membership::Left, _) => false,
        (_, Some(CaseStatus::Accepted)) => is_taker,
        (_, Some(CaseStatus::Answered)) => case.asked_by_me,
        (_, Some(CaseStatus::Open)) => case.unread > 0,
        _ => false,
    }
}

/// A plain summary for unit tests of what reads the list.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// A joined, open request of the CPTS, due nowhere, read.
    pub(crate) fn summary() -> CaseSummary {
        CaseSummary {
            room_id: "!a:cpts.test".try_into().expect("room id"),
            code: "IM-AAAAAA".into(),
            membership: Membership::Joined,
            status: Some(CaseStatus::Accepted),
            specialty: Some("dermatology".into()),
            urgency: Urgency::Soon,
            due_ms: None,
            deadline: None,
            cpts: None,
            last_message: None,
            unread: 0,
            muted: false,
            inviter: None,
            inviter_name: None,
            brief: None,
            archived: false,
            asked_by_me: false,
            waiting_for_me: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cases::Deadline;

    fn case(status: CaseStatus) -> CaseSummary {
        CaseSummary {
            status: Some(status),
            ..tests_support::summary()
        }
    }

    #[test]
    fn the_main_list_leaves_the_archive_out_and_filters_combine() {
        let open = case(CaseStatus::Open);
        let mut archived = case(CaseStatus::Closed);
        archived.archived = true;
        let main = CaseFilter::default();
        assert!(main.matches(&open));
        assert!(!main.matches(&archived));
        let archive = CaseFilter {
            archived: true,
            ..CaseFilter::default()
        };
        assert!(archive.matches(&archived) && !archive.matches(&open));

        let derm_soon = CaseFilter {
            specialty: Some("dermatology".into()),
            urgency: Some(Urgency::Soon),
            statuses: vec![CaseStatus::Open, CaseStatus::Accepted],
            ..CaseFilter::default()
        };
        assert!(derm_soon.matches(&open));
        let mut cardio = open.clone();
        cardio.specialty = Some("cardiology".into());
        assert!(!derm_soon.matches(&cardio));
        assert!(!derm_soon.matches(&case(CaseStatus::Answered)));

        let overdue = CaseFilter {
            overdue: true,
            ..CaseFilter::default()
        };
        assert!(!overdue.matches(&open));
        let mut late = open.clone();
        late.deadline = Some(Deadline {
            state: DeadlineState::Overdue,
            due_ms: 1,
        });
        assert!(overdue.matches(&late));

        let muted = CaseFilter {
            muted: Some(true),
            ..CaseFilter::default()
        };
        assert!(!muted.matches(&open));
    }

    #[test]
    fn what_waits_for_the_doctor() {
        let mut invited = case(CaseStatus::Open);
        invited.membership = Membership::Invited;
        invited.status = None;
        assert!(waiting_for(&invited, false));
        assert!(waiting_for(&case(CaseStatus::Accepted), true));
        assert!(!waiting_for(&case(CaseStatus::Accepted), false));
        let mut answered = case(CaseStatus::Answered);
        assert!(!waiting_for(&answered, false));
        answered.asked_by_me = true;
        assert!(waiting_for(&answered, false));
        let mut unread = case(CaseStatus::Open);
        assert!(!waiting_for(&unread, false));
        unread.unread = 2;
        assert!(waiting_for(&unread, false));
        assert!(!waiting_for(&case(CaseStatus::Closed), true));
    }
}
