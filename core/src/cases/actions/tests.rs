use matrix_sdk::ruma::{owned_room_id, owned_user_id, OwnedUserId};

use super::*;
use crate::cases::Urgency;
use CaseAction::*;

const NOW: i64 = 1_000_000_000_000;
const HOUR: u64 = 3_600_000;

fn gp() -> OwnedUserId {
    owned_user_id!("@gp:hs")
}
fn derm() -> OwnedUserId {
    owned_user_id!("@derm:hs")
}
fn other() -> OwnedUserId {
    owned_user_id!("@other:hs")
}

fn request(status: CaseStatus, taker: Option<OwnedUserId>) -> CaseStatusEventContent {
    CaseStatusEventContent {
        status,
        specialty: Some("dermatology".into()),
        urgency: Urgency::Urgent,
        due_ms: Some(NOW as u64 + 20 * HOUR),
        cpts: Some(owned_room_id!("!cpts:hs")),
        accepted_by: taker,
    }
}

fn colleague(status: CaseStatus) -> CaseStatusEventContent {
    CaseStatusEventContent {
        status,
        specialty: None,
        urgency: Urgency::Routine,
        due_ms: None,
        cpts: None,
        accepted_by: None,
    }
}

fn decide_for(
    me: &OwnedUserId,
    membership: Membership,
    status: Option<&CaseStatusEventContent>,
    awaiting_handover: bool,
) -> CaseActions {
    let creator = gp();
    decide(&Facts {
        me,
        membership,
        routed: false,
        status,
        creator: Some(&creator),
        awaiting_handover,
        uninvited_present: false,
        unconfirmed_present: false,
        taker_unconfirmed: false,
        now_ms: NOW,
    })
}

#[test]
fn invitations_are_accepted_or_taken_when_routed() {
    let plain = decide_for(&derm(), Membership::Invited, None, false);
    assert_eq!(plain.role, CaseRole::Invited);
    assert_eq!(plain.actions, vec![Accept, Decline]);
    let routed = decide(&Facts {
        me: &derm(),
        membership: Membership::Invited,
        routed: true,
        status: None,
        creator: None,
        awaiting_handover: false,
        uninvited_present: false,
        unconfirmed_present: false,
        taker_unconfirmed: false,
        now_ms: NOW,
    });
    assert_eq!(routed.actions, vec![Take, Decline]);
}

#[test]
fn a_request_before_it_is_taken_is_taken_by_a_routed_member_and_written_by_nobody() {
    let s = request(CaseStatus::Requested, None);
    let member = decide_for(&derm(), Membership::Joined, Some(&s), true);
    assert_eq!(member.role, CaseRole::Member);
    assert_eq!(member.actions, vec![Take]);
    assert_eq!(member.handover, Some(HandoverWait::NotTaken));
    let requester = decide_for(&gp(), Membership::Joined, Some(&s), true);
    assert_eq!(requester.role, CaseRole::Requester);
    assert!(requester.actions.is_empty(), "{:?}", requester.actions);
}

#[test]
fn a_taken_request_waits_for_its_hand_over_then_the_taker_advises() {
    let s = request(CaseStatus::Accepted, Some(derm()));
    let waiting = decide_for(&derm(), Membership::Joined, Some(&s), true);
    assert_eq!(waiting.role, CaseRole::Taker);
    assert!(waiting.actions.is_empty());
    assert_eq!(waiting.handover, Some(HandoverWait::AwaitingRequester));
    let gp_side = decide_for(&gp(), Membership::Joined, Some(&s), true);
    assert_eq!(gp_side.handover, Some(HandoverWait::HandingOver));

    let taker = decide_for(&derm(), Membership::Joined, Some(&s), false);
    assert_eq!(taker.actions, vec![Write, Advise]);
    assert_eq!(taker.handover, None);
    let requester = decide_for(&gp(), Membership::Joined, Some(&s), false);
    assert_eq!(requester.actions, vec![Write]);
    // Another member of a taken request (withdrawn, or joined on his own) does nothing.
    let stranger = decide_for(&other(), Membership::Joined, Some(&s), false);
    assert!(stranger.actions.is_empty());
}

#[test]
fn only_the_requester_closes_an_answered_request_with_its_report() {
    let s = request(CaseStatus::Answered, Some(derm()));
    let requester = decide_for(&gp(), Membership::Joined, Some(&s), false);
    assert_eq!(requester.actions, vec![Write, CloseWithReport]);
    let taker = decide_for(&derm(), Membership::Joined, Some(&s), false);
    assert_eq!(
        taker.actions,
        vec![Write, Advise],
        "a second advice replaces the first"
    );
    let closed = request(CaseStatus::Closed, Some(derm()));
    for me in [gp(), derm()] {
        assert!(decide_for(&me, Membership::Joined, Some(&closed), false)
            .actions
            .is_empty());
    }
}

#[test]
fn between_colleagues_the_doctor_who_opened_the_case_runs_it() {
    let open = colleague(CaseStatus::Open);
    let creator = decide_for(&gp(), Membership::Joined, Some(&open), false);
    assert_eq!(
        creator.actions,
        vec![Write, MarkAnswered, Close, Invite, Remove]
    );
    let member = decide_for(&derm(), Membership::Joined, Some(&open), false);
    assert_eq!(member.actions, vec![Write]);
    let answered = colleague(CaseStatus::Answered);
    assert_eq!(
        decide_for(&gp(), Membership::Joined, Some(&answered), false).actions,
        vec![Write, Close, Invite, Remove]
    );
    let closed = colleague(CaseStatus::Closed);
    assert!(decide_for(&gp(), Membership::Joined, Some(&closed), false)
        .actions
        .is_empty());
    // A colleague case has no deadline and never waits for a hand-over.
    assert_eq!(creator.deadline, None);
    assert_eq!(
        decide_for(&gp(), Membership::Joined, Some(&open), true).handover,
        None
    );
}

#[test]
fn left_cases_allow_nothing() {
    let open = colleague(CaseStatus::Open);
    let left = decide_for(&gp(), Membership::Left, Some(&open), false);
    assert_eq!(left.role, CaseRole::Outside);
    assert!(left.actions.is_empty());
}

#[test]
fn the_deadline_runs_until_the_answer() {
    let mut s = request(CaseStatus::Accepted, Some(derm()));
    let on_time = decide_for(&derm(), Membership::Joined, Some(&s), false);
    assert_eq!(
        on_time.deadline,
        Some(Deadline {
            state: DeadlineState::OnTime,
            due_ms: NOW as u64 + 20 * HOUR
        })
    );
    // Urgent: 24 h window, a quarter of it (6 h) left is due soon.
    s.due_ms = Some(NOW as u64 + 5 * HOUR);
    let soon = decide_for(&derm(), Membership::Joined, Some(&s), false);
    assert_eq!(soon.deadline.map(|d| d.state), Some(DeadlineState::DueSoon));
    s.due_ms = Some(NOW as u64 - 1);
    let late = decide_for(&derm(), Membership::Joined, Some(&s), false);
    assert_eq!(late.deadline.map(|d| d.state), Some(DeadlineState::Overdue));
    s.status = CaseStatus::Answered;
    let done = decide_for(&derm(), Membership::Joined, Some(&s), false);
    assert_eq!(done.deadline.map(|d| d.state), Some(DeadlineState::Done));
}

#[test]
fn nothing_is_written_while_someone_nobody_invited_is_in_the_case() {
    let open = colleague(CaseStatus::Open);
    let creator = gp();
    let actions = decide(&Facts {
        me: &creator,
        membership: Membership::Joined,
        routed: false,
        status: Some(&open),
        creator: Some(&creator),
        awaiting_handover: false,
        uninvited_present: true,
        unconfirmed_present: false,
        taker_unconfirmed: false,
        now_ms: NOW,
    });
    // The doctor who opened the case can still remove them (and close the case).
    assert_eq!(actions.actions, vec![MarkAnswered, Close, Invite, Remove]);
}

#[test]
fn nothing_is_written_until_the_doctor_confirms_a_member_they_never_decided_about() {
    let open = colleague(CaseStatus::Open);
    let creator = gp();
    let facts = |me: &OwnedUserId, uninvited: bool| {
        decide(&Facts {
            me,
            membership: Membership::Joined,
            routed: false,
            status: Some(&open),
            creator: Some(&creator),
            awaiting_handover: false,
            uninvited_present: uninvited,
            unconfirmed_present: true,
            taker_unconfirmed: false,
            now_ms: NOW,
        })
    };
    assert_eq!(
        facts(&creator, false).actions,
        vec![MarkAnswered, Close, Invite, Remove, ConfirmMember]
    );
    assert_eq!(facts(&derm(), false).actions, vec![ConfirmMember]);
    // Someone nobody invited is removed, never confirmed.
    assert_eq!(
        facts(&creator, true).actions,
        vec![MarkAnswered, Close, Invite, Remove]
    );
}

#[test]
fn a_request_taken_by_someone_the_gp_never_decided_about_waits_for_the_gps_confirmation() {
    let taken = request(CaseStatus::Accepted, Some(derm()));
    let creator = gp();
    let facts = |me: &OwnedUserId, taker_unconfirmed: bool| {
        decide(&Facts {
            me,
            membership: Membership::Joined,
            routed: false,
            status: Some(&taken),
            creator: Some(&creator),
            awaiting_handover: true,
            uninvited_present: false,
            unconfirmed_present: false,
            taker_unconfirmed,
            now_ms: NOW,
        })
    };
    let gp_asked = facts(&creator, true);
    assert_eq!(gp_asked.handover, Some(HandoverWait::ConfirmTaker));
    assert_eq!(gp_asked.actions, vec![ConfirmMember]);
    let gp_handing = facts(&creator, false);
    assert_eq!(gp_handing.handover, Some(HandoverWait::HandingOver));
    assert!(gp_handing.actions.is_empty());
    // The taker only waits.
    let taker = facts(&derm(), true);
    assert_eq!(taker.handover, Some(HandoverWait::AwaitingRequester));
    assert!(!taker.allows(ConfirmMember));
}
