//! Reactions: the reaction key travels in clear on the wire (Matrix keeps `m.relates_to`
//! outside the ciphertext), so only a fixed set of harmless acknowledgements is sent or shown.

use matrix_sdk::ruma::{EventId, OwnedUserId};
use matrix_sdk_ui::timeline::{ReactionsByKeyBySender, TimelineEventItemId};

use super::{Conversation, ConversationError};

/// The only reactions Innomed sends or shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Reaction {
    /// 👍 agreed
    Agree,
    /// 👀 seen, looking at it
    Seen,
    /// 🙏 thanks
    Thanks,
    /// ✅ done
    Done,
}

impl Reaction {
    pub const ALL: [Reaction; 4] = [Self::Agree, Self::Seen, Self::Thanks, Self::Done];

    /// The key on the wire.
    pub fn key(self) -> &'static str {
        match self {
            Self::Agree => "👍",
            Self::Seen => "👀",
            Self::Thanks => "🙏",
            Self::Done => "✅",
        }
    }

    /// The allowed reaction with this key, if any (variation selectors ignored).
    pub fn from_key(key: &str) -> Option<Self> {
        let bare: String = key.chars().filter(|c| *c != '\u{fe0f}').collect();
        Self::ALL.into_iter().find(|r| {
            r.key()
                .chars()
                .filter(|c| *c != '\u{fe0f}')
                .eq(bare.chars())
        })
    }
}

/// One allowed reaction on a message, and who sent it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ReactionGroup {
    pub reaction: Reaction,
    pub senders: Vec<OwnedUserId>,
}

/// The allowed reactions on a message, in `Reaction::ALL` order; any other key is dropped.
pub(crate) fn groups(reactions: Option<&ReactionsByKeyBySender>) -> Vec<ReactionGroup> {
    let Some(reactions) = reactions else {
        return Vec::new();
    };
    Reaction::ALL
        .into_iter()
        .filter_map(|reaction| {
            let senders: Vec<OwnedUserId> = reactions
                .iter()
                .filter(|(key, _)| Reaction::from_key(key) == Some(reaction))
                .flat_map(|(_, by_sender)| by_sender.keys().cloned())
                .collect();
            (!senders.is_empty()).then_some(ReactionGroup { reaction, senders })
        })
        .collect()
}

impl Conversation {
    /// Adds the doctor's reaction to a message, or removes it if already there. Returns
    /// whether it is now present.
    pub async fn toggle_reaction(
        &self,
        event_id: &EventId,
        reaction: Reaction,
    ) -> Result<bool, ConversationError> {
        self.ensure_sendable().await?;
        let item = TimelineEventItemId::EventId(event_id.to_owned());
        self.timeline
            .toggle_reaction(&item, reaction.key())
            .await
            .map_err(|e| match e {
                matrix_sdk_ui::timeline::Error::EventNotInTimeline(_) => {
                    ConversationError::MessageNotFound
                }
                other => other.into(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_fixed_set_is_recognised() {
        for r in Reaction::ALL {
            assert_eq!(Reaction::from_key(r.key()), Some(r));
        }
        assert_eq!(Reaction::from_key("✅\u{fe0f}"), Some(Reaction::Done));
        for other in ["😂", "Mme Dupont", "👍🏽", "", "👍👍"] {
            assert_eq!(Reaction::from_key(other), None, "{other:?}");
        }
    }
}
