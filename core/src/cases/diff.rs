//! Turning successive snapshots of the case list into diffs, so a phone's list view updates
//! rows in place instead of redrawing everything on every sync.

use eyeball_im::VectorDiff;

/// The diffs that turn `old` into `new`, matching rows by `key`. A row whose key stays at the
/// same place but whose content changed becomes a `Set`; rows that moved are removed and
/// inserted again. When that would take more steps than the list has rows, one `Reset`.
pub(crate) fn keyed_diff<T, K>(old: &[T], new: &[T], key: impl Fn(&T) -> K) -> Vec<VectorDiff<T>>
where
    T: Clone + PartialEq,
    K: PartialEq,
{
    let mut current: Vec<&T> = old.iter().collect();
    let mut diffs = Vec::new();
    let mut i = 0;
    while i < new.len() {
        let target = &new[i];
        match current.get(i) {
            Some(row) if key(row) == key(target) => {
                if *row != target {
                    diffs.push(VectorDiff::Set {
                        index: i,
                        value: target.clone(),
                    });
                    current[i] = target;
                }
                i += 1;
            }
            Some(row) if new[i..].iter().any(|n| key(n) == key(row)) => {
                // The row here is needed later: the target is new here, or moved up.
                if let Some(j) = current[i..].iter().position(|c| key(c) == key(target)) {
                    current.remove(i + j);
                    diffs.push(VectorDiff::Remove { index: i + j });
                }
                current.insert(i, target);
                diffs.push(VectorDiff::Insert {
                    index: i,
                    value: target.clone(),
                });
                i += 1;
            }
            Some(_) => {
                // The row here is gone from the new list.
                current.remove(i);
                diffs.push(VectorDiff::Remove { index: i });
            }
            None => {
                current.push(target);
                diffs.push(VectorDiff::PushBack {
                    value: target.clone(),
                });
                i += 1;
            }
        }
    }
    if current.len() > new.len() {
        diffs.push(VectorDiff::Truncate { length: new.len() });
    }
    if diffs.len() > new.len().max(1) {
        return vec![VectorDiff::Reset {
            values: new.iter().cloned().collect(),
        }];
    }
    diffs
}

#[cfg(test)]
mod tests {
    use super::*;
    use eyeball_im::Vector;
    use rand::{seq::SliceRandom, Rng};

    fn apply(old: &[(u8, u8)], diffs: Vec<VectorDiff<(u8, u8)>>) -> Vec<(u8, u8)> {
        let mut v: Vector<(u8, u8)> = old.iter().cloned().collect();
        for d in diffs {
            d.apply(&mut v);
        }
        v.into_iter().collect()
    }

    #[test]
    fn diffs_turn_the_old_list_into_the_new_one() {
        let mut rng = rand::thread_rng();
        for _ in 0..5_000 {
            let mut keys: Vec<u8> = (0..12).collect();
            keys.shuffle(&mut rng);
            let old: Vec<(u8, u8)> = keys[..rng.gen_range(0..12)]
                .iter()
                .map(|k| (*k, 0))
                .collect();
            keys.shuffle(&mut rng);
            let new: Vec<(u8, u8)> = keys[..rng.gen_range(0..12)]
                .iter()
                .map(|k| (*k, rng.gen_range(0..2)))
                .collect();
            let diffs = keyed_diff(&old, &new, |r| r.0);
            assert_eq!(apply(&old, diffs), new, "{old:?} -> {new:?}");
        }
    }

    #[test]
    fn small_changes_are_small_diffs() {
        let old = [(1, 0), (2, 0), (3, 0)];
        assert!(keyed_diff(&old, &old, |r| r.0).is_empty());
        // A new message in case 2: it moves to the top, its content changed.
        let new = [(2, 1), (1, 0), (3, 0)];
        assert_eq!(
            keyed_diff(&old, &new, |r| r.0),
            vec![
                VectorDiff::Remove { index: 1 },
                VectorDiff::Insert {
                    index: 0,
                    value: (2, 1)
                },
            ]
        );
        // A status change in place.
        let new = [(1, 0), (2, 1), (3, 0)];
        assert_eq!(
            keyed_diff(&old, &new, |r| r.0),
            vec![VectorDiff::Set {
                index: 1,
                value: (2, 1)
            }]
        );
    }
}
