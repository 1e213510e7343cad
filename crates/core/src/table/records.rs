//! Splitting pasted text into records and cells: RFC 4180 quoting, with the
//! leniency a paste needs (spaces around quotes, stray quotes kept as text).

use std::borrow::Cow;

use crate::text::strip_bidi_overrides;

/// The character between cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Delimiter {
    /// What Excel, Google Sheets and Numbers put on the clipboard.
    Tab,
    /// CSV files.
    Comma,
    /// CSV files written in locales with a decimal comma.
    Semicolon,
}

impl Delimiter {
    pub(crate) fn as_char(self) -> char {
        match self {
            Delimiter::Tab => '\t',
            Delimiter::Comma => ',',
            Delimiter::Semicolon => ';',
        }
    }
}

/// One cell as written: its text (quotes removed, doubled quotes undone) and
/// whether it was quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    pub text: String,
    pub quoted: bool,
}

/// One record with something in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    pub cells: Vec<Cell>,
    /// 1-based spreadsheet row: the first non-blank record is row 1, and a
    /// blank line after it still counts as a row, as it would in a sheet.
    pub row: usize,
    /// 1-based line of the text where the record starts.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SplitError {
    UnclosedQuote { row: usize, line: usize },
    TooManyRecords { line: usize },
    TooManyCells { row: usize, line: usize },
}

/// Drops a UTF-8 byte-order mark and the bidi embedding and override
/// controls ([`crate::text::strip_bidi_overrides`]), and turns CRLF and
/// lone CR line ends into LF. Pasted tables and story files both start here.
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match strip_bidi_overrides(text) {
        Cow::Borrowed(text) => unify_line_ends(text),
        Cow::Owned(stripped) => Cow::Owned(unify_line_ends(&stripped).into_owned()),
    }
}

fn unify_line_ends(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Picks the delimiter from the first record that holds more than white
/// space (quotes respected): a tab if it holds one, else a semicolon if it
/// holds one, else a comma. Tabs win because a spreadsheet paste never holds
/// a bare tab in a cell; semicolons beat commas because a `;` file's header
/// may hold commas.
pub(crate) fn detect_delimiter(text: &str) -> Delimiter {
    let (mut tabs, mut semicolons) = (0usize, 0usize);
    let mut in_quotes = false;
    let mut content = false;
    for c in text.chars() {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                content = true;
            }
            '\n' if !in_quotes => {
                if content {
                    break;
                }
                (tabs, semicolons) = (0, 0);
            }
            '\t' if !in_quotes => tabs += 1,
            ';' if !in_quotes => semicolons += 1,
            // Only delimiters and white space: an empty row, skipped.
            ',' => {}
            c if !c.is_whitespace() => content = true,
            _ => {}
        }
    }
    if tabs > 0 {
        Delimiter::Tab
    } else if semicolons > 0 {
        Delimiter::Semicolon
    } else {
        Delimiter::Comma
    }
}

struct Splitter {
    delimiter: char,
    max_records: usize,
    max_cells: usize,
    records: Vec<Record>,
    cells: Vec<Cell>,
    cell: String,
    quoted: bool,
    index: usize,
    first_row_index: Option<usize>,
    record_line: usize,
}

impl Splitter {
    fn row(&self) -> usize {
        self.first_row_index
            .map_or(1, |first| self.index.saturating_sub(first) + 1)
    }

    fn finish_cell(&mut self) -> Result<(), SplitError> {
        let text = std::mem::take(&mut self.cell);
        self.cells.push(Cell {
            text,
            quoted: std::mem::replace(&mut self.quoted, false),
        });
        if self.cells.len() > self.max_cells {
            if self.first_row_index.is_none() {
                self.first_row_index = Some(self.index);
            }
            return Err(SplitError::TooManyCells {
                row: self.row(),
                line: self.record_line,
            });
        }
        Ok(())
    }

    fn finish_record(&mut self, next_line: usize) -> Result<(), SplitError> {
        self.finish_cell()?;
        let cells = std::mem::take(&mut self.cells);
        // A row with nothing in it (an empty line, or only delimiters).
        let blank = cells.iter().all(|c| !c.quoted && c.text.trim().is_empty());
        if !blank {
            if self.first_row_index.is_none() {
                self.first_row_index = Some(self.index);
            }
            if self.records.len() >= self.max_records {
                return Err(SplitError::TooManyRecords {
                    line: self.record_line,
                });
            }
            let row = self.row();
            self.records.push(Record {
                cells,
                row,
                line: self.record_line,
            });
        }
        self.index += 1;
        self.record_line = next_line;
        Ok(())
    }
}

/// Splits normalized text (LF line ends) into its non-blank records.
/// Stops with an error at the first record past `max_records` or the first
/// cell past `max_cells` in a record, so a huge paste costs little.
pub(crate) fn split_records(
    text: &str,
    delimiter: Delimiter,
    max_records: usize,
    max_cells: usize,
) -> Result<Vec<Record>, SplitError> {
    let mut s = Splitter {
        delimiter: delimiter.as_char(),
        max_records,
        max_cells,
        records: Vec::new(),
        cells: Vec::new(),
        cell: String::new(),
        quoted: false,
        index: 0,
        first_row_index: None,
        record_line: 1,
    };
    let mut line = 1usize;
    let mut in_quotes = false;
    let mut after_closing_quote = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    s.cell.push('"');
                } else {
                    in_quotes = false;
                    after_closing_quote = true;
                }
            } else {
                if c == '\n' {
                    line += 1;
                }
                s.cell.push(c);
            }
            continue;
        }
        if c == s.delimiter {
            s.finish_cell()?;
            after_closing_quote = false;
        } else if c == '\n' {
            line += 1;
            s.finish_record(line)?;
            after_closing_quote = false;
        } else if c == '"' && !s.quoted && s.cell.trim().is_empty() {
            // An opening quote, possibly after spaces: `a, "b, c"`.
            s.cell.clear();
            s.quoted = true;
            in_quotes = true;
        } else if after_closing_quote && c.is_whitespace() {
            // Spaces between a closing quote and the delimiter.
        } else {
            // Stray quotes and text after a closing quote are kept as text.
            s.cell.push(c);
        }
    }
    if in_quotes {
        if s.first_row_index.is_none() {
            s.first_row_index = Some(s.index);
        }
        return Err(SplitError::UnclosedQuote {
            row: s.row(),
            line: s.record_line,
        });
    }
    if !s.cell.is_empty() || s.quoted || !s.cells.is_empty() {
        s.finish_record(line)?;
    }
    Ok(s.records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(records: &[Record]) -> Vec<Vec<&str>> {
        records
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn quotes_hold_delimiters_doubled_quotes_and_newlines() {
        let text = "a,\"b, c\",\"say \"\"hi\"\"\"\n\"multi\nline\",2,3\n";
        let records = split_records(text, Delimiter::Comma, 100, 100).unwrap();
        assert_eq!(
            texts(&records),
            vec![
                vec!["a", "b, c", "say \"hi\""],
                vec!["multi\nline", "2", "3"]
            ]
        );
        assert_eq!(records[1].line, 2);
        assert!(records[1].cells[0].quoted && !records[1].cells[1].quoted);
    }

    #[test]
    fn blank_lines_are_skipped_but_counted_as_rows() {
        let text = "\n\nh,v\n,\na,1\n\n\n";
        let records = split_records(text, Delimiter::Comma, 100, 100).unwrap();
        assert_eq!(texts(&records), vec![vec!["h", "v"], vec!["a", "1"]]);
        assert_eq!((records[0].row, records[0].line), (1, 3));
        assert_eq!((records[1].row, records[1].line), (3, 5));
    }

    #[test]
    fn an_unclosed_quote_names_the_row_where_it_opens() {
        let err = split_records("h,v\na,\"1\nb,2\n", Delimiter::Comma, 100, 100).unwrap_err();
        assert_eq!(err, SplitError::UnclosedQuote { row: 2, line: 2 });
    }

    #[test]
    fn limits_stop_early() {
        let err = split_records("a,b\nc,d\ne,f\n", Delimiter::Comma, 2, 10).unwrap_err();
        assert_eq!(err, SplitError::TooManyRecords { line: 3 });
        let err = split_records("a,b\nc,d,e\n", Delimiter::Comma, 10, 2).unwrap_err();
        assert_eq!(err, SplitError::TooManyCells { row: 2, line: 2 });
    }

    #[test]
    fn delimiter_detection_prefers_tab_then_semicolon_and_ignores_quoted_ones() {
        assert_eq!(detect_delimiter("a\tb,c\n"), Delimiter::Tab);
        assert_eq!(detect_delimiter("a;b,c\n"), Delimiter::Semicolon);
        assert_eq!(detect_delimiter("\"a;b\",c\n"), Delimiter::Comma);
        assert_eq!(detect_delimiter("\n\n a,b\n1;2"), Delimiter::Comma);
        assert_eq!(detect_delimiter("\"x\ty\"\n"), Delimiter::Comma);
        assert_eq!(
            detect_delimiter("\t\t\n;;\n,,\na;b\n"),
            Delimiter::Semicolon
        );
    }

    #[test]
    fn normalize_strips_bom_and_unifies_line_ends() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(matches!(normalize("a\nb"), Cow::Borrowed(_)));
        assert_eq!(
            normalize("\u{202E}a\u{202C}\r\nb\u{2067}c\u{2069}"),
            "a\nb\u{2067}c\u{2069}"
        );
    }
}
