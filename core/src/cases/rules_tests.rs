//! The rules of a case on hand-made histories.

use super::*;

fn user(name: &str) -> OwnedUserId {
    UserId::parse(format!("@{name}:innomed.test")).expect("user id")
}

fn member(sender: &str, target: &str, membership: &str) -> HistoryEvent {
    HistoryEvent {
        event_id: None,
        event_type: MEMBER_TYPE.to_owned(),
        sender: user(sender),
        state_key: Some(user(target).to_string()),
        membership: Some(membership.to_owned()),
        has_content: true,
        origin_server_ts: next_ts(),
        accepted_by: None,
    }
}

/// Timestamps in the order the events are made, unless a test sets them.
fn next_ts() -> u64 {
    static TS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1_000);
    TS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn claim(sender: &str) -> HistoryEvent {
    HistoryEvent {
        event_id: None,
        event_type: CASE_CLAIM_TYPE.to_owned(),
        sender: user(sender),
        state_key: Some(user(sender).to_string()),
        membership: None,
        has_content: true,
        origin_server_ts: next_ts(),
        accepted_by: None,
    }
}

fn claim_at(sender: &str, ts: u64, event_id: &str) -> HistoryEvent {
    HistoryEvent {
        origin_server_ts: ts,
        event_id: Some(OwnedEventId::try_from(event_id).expect("event id")),
        ..claim(sender)
    }
}

fn status_naming(sender: &str, taker: &str) -> HistoryEvent {
    HistoryEvent {
        event_id: None,
        event_type: CASE_STATUS_TYPE.to_owned(),
        sender: user(sender),
        state_key: Some(String::new()),
        membership: None,
        has_content: true,
        origin_server_ts: next_ts(),
        accepted_by: Some(user(taker)),
    }
}

#[test]
fn claims_are_ordered_by_their_timestamp_then_id_not_by_the_rooms_order() {
    // Two homeservers deliver two concurrent claims in opposite orders: both readers name
    // the same taker.
    let early = claim_at("derm2", 5_000, "$bbb");
    let late = claim_at("derm1", 5_001, "$aaa");
    for order in [[early.clone(), late.clone()], [late.clone(), early.clone()]] {
        let mut events = routed_request();
        events.extend(order);
        assert_eq!(taker(&user("gp"), &events), Some(user("derm2")));
    }
    // The same millisecond: the smaller event id.
    let tie = claim_at("derm1", 5_000, "$aaa");
    for order in [[early.clone(), tie.clone()], [tie.clone(), early.clone()]] {
        let mut events = routed_request();
        events.extend(order);
        assert_eq!(taker(&user("gp"), &events), Some(user("derm1")));
    }
}

#[test]
fn the_creators_hand_over_is_final_for_every_reader() {
    let mut events = routed_request();
    events.push(claim_at("derm1", 5_001, "$aaa"));
    assert_eq!(recorded_taker(&user("gp"), &events), None);
    // The GP's device handed the request to derm1; derm2's earlier claim arrives after.
    events.push(status_naming("gp", "derm1"));
    events.push(claim_at("derm2", 5_000, "$bbb"));
    assert_eq!(taker(&user("gp"), &events), Some(user("derm1")));
    assert_eq!(recorded_taker(&user("gp"), &events), Some(user("derm1")));
    // A status from anyone else, or naming someone without a valid claim, decides nothing.
    let mut events = routed_request();
    events.push(claim_at("derm1", 5_001, "$aaa"));
    events.push(claim_at("derm2", 5_000, "$bbb"));
    events.push(status_naming("derm1", "derm1"));
    events.push(status_naming("gp", "friend"));
    assert_eq!(taker(&user("gp"), &events), Some(user("derm2")));
    assert_eq!(recorded_taker(&user("gp"), &events), None);
}

#[test]
fn a_claimant_the_creator_withdrew_is_out_until_the_hand_over_is_recorded() {
    // The GP's device withdrew derm2 on derm1's claim; derm2's earlier claim arrives late.
    let mut events = routed_request();
    events.push(claim_at("derm1", 5_001, "$aaa"));
    events.push(member("gp", "derm2", "leave"));
    events.push(claim_at("derm2", 5_000, "$bbb"));
    assert_eq!(taker(&user("gp"), &events), Some(user("derm1")));
    // Leaving of one's own accord is not a withdrawal.
    let mut events = routed_request();
    events.push(claim_at("derm1", 5_001, "$aaa"));
    events.push(claim_at("derm2", 5_000, "$bbb"));
    events.push(member("derm2", "derm2", "leave"));
    assert_eq!(taker(&user("gp"), &events), Some(user("derm2")));
}

fn routed_request() -> Vec<HistoryEvent> {
    vec![
        member("gp", "gp", "join"),
        member("gp", "derm1", "invite"),
        member("gp", "derm2", "invite"),
        member("derm1", "derm1", "join"),
        member("derm2", "derm2", "join"),
    ]
}

#[test]
fn the_first_routed_claim_wins() {
    let mut events = routed_request();
    events.push(claim("derm2"));
    events.push(claim("derm1"));
    assert_eq!(taker(&user("gp"), &events), Some(user("derm2")));
}

#[test]
fn the_requester_cannot_take_his_own_request() {
    let mut events = routed_request();
    events.insert(1, claim("gp"));
    events.push(claim("derm1"));
    assert_eq!(taker(&user("gp"), &events), Some(user("derm1")));
}

#[test]
fn a_claim_from_someone_the_creator_did_not_invite_counts_for_nothing() {
    let mut events = routed_request();
    // The first dermatologist brings a colleague, who claims first.
    events.push(member("derm1", "friend", "invite"));
    events.push(member("friend", "friend", "join"));
    events.push(claim("friend"));
    assert_eq!(taker(&user("gp"), &events), None);
    events.push(claim("derm1"));
    assert_eq!(taker(&user("gp"), &events), Some(user("derm1")));
}

#[test]
fn a_claim_under_someone_elses_key_or_without_content_counts_for_nothing() {
    let mut events = routed_request();
    let mut forged = claim("derm2");
    forged.state_key = Some(user("derm1").to_string());
    events.push(forged);
    let mut empty = claim("derm2");
    empty.has_content = false;
    events.push(empty);
    assert_eq!(taker(&user("gp"), &events), None);
}

#[test]
fn history_is_shared_again_only_for_a_first_invitation_then_join() {
    let gp = user("gp");
    let derm = user("derm1");
    let mut events = vec![member("gp", "gp", "join"), member("gp", "derm1", "invite")];
    assert!(!reshare_allowed(&gp, &derm, &events), "not joined yet");
    events.push(member("derm1", "derm1", "join"));
    assert!(reshare_allowed(&gp, &derm, &events));
    // Invited by someone else: not this doctor's invitation to honour.
    assert!(!reshare_allowed(&user("other"), &derm, &events));
}

#[test]
fn no_history_again_after_a_decline_a_withdrawal_or_a_removal() {
    let gp = user("gp");
    let derm = user("derm1");
    for (sender, membership) in [("derm1", "leave"), ("gp", "leave"), ("gp", "ban")] {
        let events = vec![
            member("gp", "gp", "join"),
            member("gp", "derm1", "invite"),
            member(sender, "derm1", membership),
            member("gp", "derm1", "invite"),
            member("derm1", "derm1", "join"),
        ];
        assert!(
            !reshare_allowed(&gp, &derm, &events),
            "{sender} {membership}"
        );
    }
}

#[test]
fn a_join_without_an_invitation_from_a_member_is_flagged() {
    let mut events = routed_request();
    assert!(uninvited_members(&user("gp"), &events, None).is_empty());
    events.push(member("admin", "admin", "join"));
    events.push(member("admin", "spy", "invite"));
    events.push(member("spy", "spy", "join"));
    assert_eq!(
        uninvited_members(&user("gp"), &events, None),
        vec![user("admin"), user("spy")],
        "nobody of the case invited the admin, and the admin's invitation counts for nothing"
    );
}

#[test]
fn someone_invited_by_a_member_nobody_invited_is_flagged_while_only_invited() {
    let mut events = routed_request();
    events.push(member("admin", "admin", "join"));
    events.push(member("admin", "spy", "invite"));
    // Still only invited: an invitee already receives room keys (shared history).
    assert_eq!(
        uninvited_members(&user("gp"), &events, None),
        vec![user("admin"), user("spy")]
    );
}

fn records(pairs: &[(&str, &str)]) -> HashSet<(OwnedUserId, OwnedUserId)> {
    pairs.iter().map(|(a, b)| (user(a), user(b))).collect()
}

#[test]
fn an_invitation_in_a_members_name_without_their_record_is_flagged() {
    // The homeserver's admin API invites its own account "from" the creator.
    let mut events = routed_request();
    events.push(member("gp", "ghost", "invite"));
    events.push(member("ghost", "ghost", "join"));
    let vouched = records(&[("gp", "derm1"), ("gp", "derm2")]);
    for me in ["gp", "derm1"] {
        let me = user(me);
        let v = Vouched {
            me: &me,
            records: &vouched,
        };
        assert_eq!(
            uninvited_members(&user("gp"), &events, Some(&v)),
            vec![user("ghost")],
            "{me} was in the case when the invitation came, without its record"
        );
    }
    // The same invitation with the creator's record is a colleague's.
    let with_record = records(&[("gp", "derm1"), ("gp", "derm2"), ("gp", "ghost")]);
    let me = user("derm1");
    let v = Vouched {
        me: &me,
        records: &with_record,
    };
    assert!(uninvited_members(&user("gp"), &events, Some(&v)).is_empty());
}

#[test]
fn invitations_before_this_doctor_joined_are_left_to_the_members_then() {
    // derm2 joined last: the invitations before it were judged by who was in the case.
    let events = vec![
        member("gp", "gp", "join"),
        member("gp", "derm1", "invite"),
        member("derm1", "derm1", "join"),
        member("gp", "derm2", "invite"),
        member("derm2", "derm2", "join"),
    ];
    let none = records(&[]);
    let me = user("derm2");
    let v = Vouched {
        me: &me,
        records: &none,
    };
    assert!(uninvited_members(&user("gp"), &events, Some(&v)).is_empty());
    let me = user("gp");
    let v = Vouched {
        me: &me,
        records: &none,
    };
    assert_eq!(
        uninvited_members(&user("gp"), &events, Some(&v)),
        vec![user("derm1"), user("derm2")],
        "the creator was in the case for both"
    );
}

#[test]
fn the_membership_events_read_are_the_ones_judged() {
    let mut invite = member("gp", "derm", "invite");
    invite.event_id = Some("$invite".try_into().expect("event id"));
    let mut leave = member("derm", "derm", "leave");
    leave.event_id = Some("$leave".try_into().expect("event id"));
    let judged = judged_memberships(&[invite, leave]);
    assert_eq!(
        judged,
        vec![OwnedEventId::try_from("$invite").expect("event id")]
    );
}
