//! A text edit as the splices that make it: the characters both versions
//! share are kept, and only what was removed or typed is spliced. Two
//! people editing different parts of a field then merge as text, even when
//! one of them typed in several places while offline, instead of one
//! overwriting the other.

/// How a document counts positions in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Units {
    CodePoints,
    Utf8,
    Utf16,
}

impl Units {
    pub fn width(self, text: &str) -> usize {
        match self {
            Units::CodePoints => text.chars().count(),
            Units::Utf8 => text.len(),
            Units::Utf16 => text.encode_utf16().count(),
        }
    }
}

/// Delete `delete` units at `at`, then insert `insert` there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub at: usize,
    pub delete: usize,
    pub insert: String,
}

/// The splice that turns `old` into `new`, or `None` when they are equal.
pub fn splice(old: &str, new: &str, units: Units) -> Option<Splice> {
    if old == new {
        return None;
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    let prefix = old_chars
        .iter()
        .zip(&new_chars)
        .take_while(|(a, b)| a == b)
        .count();
    let max_suffix = old_chars.len().min(new_chars.len()) - prefix;
    let suffix = old_chars
        .iter()
        .rev()
        .zip(new_chars.iter().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    let text = |chars: &[char]| chars.iter().collect::<String>();
    let kept_start = text(&old_chars[..prefix]);
    let removed = text(&old_chars[prefix..old_chars.len() - suffix]);
    Some(Splice {
        at: units.width(&kept_start),
        delete: units.width(&removed),
        insert: text(&new_chars[prefix..new_chars.len() - suffix]),
    })
}

/// How long the diff may look for the smallest edit before settling for a
/// larger one (still correct, merges less finely).
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_millis(200);

/// The splices that turn `old` into `new`, last position first, so each
/// can be applied in turn without moving the ones after it.
pub fn splices(old: &str, new: &str, units: Units) -> Vec<Splice> {
    use similar::{Algorithm, DiffOp};
    if old == new {
        return Vec::new();
    }
    let old_chars: Vec<char> = old.chars().collect();
    let new_chars: Vec<char> = new.chars().collect();
    // Where each old character starts, in the document's units.
    let mut offsets = Vec::with_capacity(old_chars.len() + 1);
    let mut at = 0;
    for c in &old_chars {
        offsets.push(at);
        let mut buffer = [0u8; 4];
        at += units.width(c.encode_utf8(&mut buffer));
    }
    offsets.push(at);
    let deadline = std::time::Instant::now() + DIFF_DEADLINE;
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Myers,
        &old_chars,
        &new_chars,
        Some(deadline),
    );
    let mut out: Vec<Splice> = Vec::new();
    for op in ops {
        let (old_range, new_range) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        out.push(Splice {
            at: offsets[old_range.start],
            delete: offsets[old_range.end] - offsets[old_range.start],
            insert: new_chars[new_range].iter().collect(),
        });
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, s: &Splice) -> String {
        let chars: Vec<char> = old.chars().collect();
        let mut out: String = chars[..s.at].iter().collect();
        out.push_str(&s.insert);
        out.extend(&chars[s.at + s.delete..]);
        out
    }

    #[test]
    fn a_splice_replaces_only_the_middle_and_round_trips() {
        for (old, new) in [
            ("Churn rose to 4%.", "Churn rose to 4.6% in May."),
            ("abc", ""),
            ("", "new text"),
            ("aaaa", "aaaaa"),
            ("Zürich — Genève", "Zürich → Genève"),
            ("日本語のテキスト", "日本語テキスト"),
        ] {
            let s = splice(old, new, Units::CodePoints).unwrap();
            assert_eq!(apply(old, &s), new, "{old:?} → {new:?}");
        }
        assert_eq!(splice("same", "same", Units::CodePoints), None);
        let s = splice("Churn rose.", "Churn fell.", Units::CodePoints).unwrap();
        assert_eq!((s.at, s.delete, s.insert.as_str()), (6, 4, "fell"));
    }

    fn apply_all(old: &str, all: &[Splice]) -> String {
        all.iter().fold(old.to_owned(), |text, s| apply(&text, s))
    }

    #[test]
    fn edits_in_several_places_are_several_small_splices() {
        let old = "Start of the conflict text here.";
        let new = "[a1] Start of the [a2] conflict text here. [a3]";
        let all = splices(old, new, Units::CodePoints);
        assert_eq!(all.len(), 3, "{all:?}");
        assert!(all.iter().all(|s| s.delete == 0));
        assert_eq!(apply_all(old, &all), new);
        for (old, new) in [
            ("", "x"),
            ("x", ""),
            ("abc", "axbyc"),
            ("Zürich — Genève", "Genève — Zürich"),
        ] {
            assert_eq!(apply_all(old, &splices(old, new, Units::CodePoints)), new);
        }
        assert!(splices("same", "same", Units::CodePoints).is_empty());
    }

    #[test]
    fn positions_follow_the_documents_units() {
        let s = splice("é-a", "é-b", Units::Utf8).unwrap();
        assert_eq!((s.at, s.delete), (3, 1));
        let s = splice("😀a", "😀b", Units::Utf16).unwrap();
        assert_eq!((s.at, s.delete), (2, 1));
    }
}
