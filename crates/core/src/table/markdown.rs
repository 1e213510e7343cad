//! A Markdown pipe table (GitHub, Notion, Obsidian, a chat assistant's
//! answer) read as CSV:
//!
//! ```text
//! | Plan    | Churn |
//! |---------|------:|
//! | Monthly | 4.1%  |
//! ```
//!
//! Every cell is quoted (its own quotes doubled, `\|` read as `|`), so
//! nothing in a cell is taken for a delimiter. The delimiter row becomes a
//! blank line, so rows keep the numbers they have in the Markdown.

/// The table as CSV, when `text` is a pipe table: every non-blank line
/// starts with `|` and the second is a delimiter row (`|---|:--:|`).
pub(crate) fn pipe_table_as_csv(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut filled = lines.iter().filter(|line| !line.trim().is_empty());
    let (_, second) = (filled.next()?, filled.next()?);
    if !is_delimiter_row(second)
        || !lines
            .iter()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('|'))
    {
        return None;
    }
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for line in lines {
        if !is_delimiter_row(line) && !line.trim().is_empty() {
            let cells: Vec<String> = cells(line)
                .into_iter()
                .map(|cell| format!("\"{}\"", cell.replace('"', "\"\"")))
                .collect();
            out.push_str(&cells.join(","));
        }
        out.push('\n');
    }
    Some(out)
}

/// Whether `text` is a Markdown pipe table (what [`pipe_table_as_csv`] reads).
pub fn is_pipe_table(text: &str) -> bool {
    pipe_table_as_csv(text).is_some()
}

/// `|---|:---:|--:|`: dashes with optional alignment colons in every cell.
pub(crate) fn is_delimiter_row(line: &str) -> bool {
    let cells = cells(line);
    !cells.is_empty()
        && cells.iter().all(|cell| {
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.chars().all(|c| c == '-')
        })
}

/// A row's cells, trimmed, without the outer pipes; `\|` is a pipe inside a cell.
pub(crate) fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = match line.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => line,
    };
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_owned()),
            _ => cell.push(c),
        }
    }
    cells.push(cell.trim().to_owned());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_table_becomes_quoted_csv_with_its_row_numbers_kept() {
        let csv = pipe_table_as_csv(
            "| Plan | Churn |\n|:-----|-----:|\n| Monthly \\| legacy | 4.1% |\n| \"Annual\" | 1.2% |\n",
        )
        .unwrap();
        assert_eq!(
            csv,
            "\"Plan\",\"Churn\"\n\n\"Monthly | legacy\",\"4.1%\"\n\"\"\"Annual\"\"\",\"1.2%\"\n"
        );
    }

    #[test]
    fn text_that_is_not_a_pipe_table_is_left_alone() {
        for text in [
            "Plan,Churn\nMonthly,4.1\n",
            "| only one line |\n",
            "| a | b |\n| 1 | 2 |\n",
            "| a | b |\n|---|---|\nplain line\n",
        ] {
            assert_eq!(pipe_table_as_csv(text), None, "{text}");
        }
    }
}
