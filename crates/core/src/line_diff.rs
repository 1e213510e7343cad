//! A line diff for reading what changed between two versions (a journal's
//! revisions, an update's history): each line kept ("  "), added ("+ ")
//! or removed ("− "). The common head and tail are matched first; what is
//! left is matched line by line within a fixed budget, past which the
//! middle shows as removed then added, so a huge text costs no more than
//! the budget.

/// Cells of the matching table, at most (about 32 MB of counters).
const MAX_CELLS: usize = 4_000_000;

pub fn line_diff(a: &[String], b: &[String]) -> Vec<String> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut out: Vec<String> = a[..head].iter().map(|l| format!("  {l}")).collect();
    if (a_mid.len() + 1).saturating_mul(b_mid.len() + 1) > MAX_CELLS {
        out.extend(a_mid.iter().map(|l| format!("− {l}")));
        out.extend(b_mid.iter().map(|l| format!("+ {l}")));
    } else {
        out.extend(matched(a_mid, b_mid));
    }
    out.extend(a[a.len() - tail..].iter().map(|l| format!("  {l}")));
    out
}

/// Longest common subsequence, then a walk of it.
fn matched(a: &[String], b: &[String]) -> Vec<String> {
    let width = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i * width + j] = if a[i] == b[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(format!("  {}", a[i]));
            i += 1;
            j += 1;
        } else if i < a.len()
            && (j == b.len() || table[(i + 1) * width + j] >= table[i * width + j + 1])
        {
            // What was there goes first, then what replaced it.
            out.push(format!("− {}", a[i]));
            i += 1;
        } else {
            out.push(format!("+ {}", b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn kept_added_and_removed_lines_are_marked() {
        let out = line_diff(&lines("a\nb\nc\nd"), &lines("a\nc\nx\nd"));
        assert_eq!(out, ["  a", "− b", "  c", "+ x", "  d"]);
    }

    #[test]
    fn a_replaced_line_reads_old_then_new() {
        let out = line_diff(&lines("---\ntitle: Old\nx"), &lines("---\ntitle: New\nx"));
        assert_eq!(out, ["  ---", "− title: Old", "+ title: New", "  x"]);
    }

    #[test]
    fn a_huge_change_is_bounded_and_still_says_what_changed() {
        let old: Vec<String> = (0..5000).map(|i| format!("old {i}")).collect();
        let new: Vec<String> = (0..5000).map(|i| format!("new {i}")).collect();
        let out = line_diff(&old, &new);
        assert_eq!(out.len(), 10_000);
        assert_eq!(out[0], "− old 0");
        assert_eq!(out[5000], "+ new 0");
    }
}
