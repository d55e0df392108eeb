//! One shape of change for every live list (case list, conversation): the shells apply them
//! with one helper each.

use innomed_core::{CaseSummary, ConversationItem, VectorDiff};

/// A change to a live list, the same shape for every list the core exposes (UniFFI has no
/// generics: one enum per item type, from this one definition).
macro_rules! list_diff {
    ($(#[$meta:meta])* $name:ident of $item:ty) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, uniffi::Enum)]
        pub enum $name {
            Append { values: Vec<$item> },
            Clear,
            PushFront { value: $item },
            PushBack { value: $item },
            PopFront,
            PopBack,
            Insert { index: u32, value: $item },
            Set { index: u32, value: $item },
            Remove { index: u32 },
            Truncate { length: u32 },
            Reset { values: Vec<$item> },
        }

        impl From<VectorDiff<$item>> for $name {
            fn from(d: VectorDiff<$item>) -> Self {
                let index = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
                match d {
                    VectorDiff::Append { values } => Self::Append { values: values.into_iter().collect() },
                    VectorDiff::Clear => Self::Clear,
                    VectorDiff::PushFront { value } => Self::PushFront { value },
                    VectorDiff::PushBack { value } => Self::PushBack { value },
                    VectorDiff::PopFront => Self::PopFront,
                    VectorDiff::PopBack => Self::PopBack,
                    VectorDiff::Insert { index: i, value } => Self::Insert { index: index(i), value },
                    VectorDiff::Set { index: i, value } => Self::Set { index: index(i), value },
                    VectorDiff::Remove { index: i } => Self::Remove { index: index(i) },
                    VectorDiff::Truncate { length } => Self::Truncate { length: index(length) },
                    VectorDiff::Reset { values } => Self::Reset { values: values.into_iter().collect() },
                }
            }
        }
    };
}

list_diff!(
    /// A change to the case list.
    CaseListDiff of CaseSummary
);
list_diff!(
    /// A change to a conversation.
    ConversationDiff of ConversationItem
);
