//! Prose lines that Markdown would read as structure, written with a
//! backslash in front and read back without it, so that a section's text
//! exports and imports back exactly.
//!
//! A line is escaped when, after at most three spaces, it is
//! - an ATX heading: one or more `#`, then a space, a tab or the line's end
//!   (`## Resolution` would start a section);
//! - a setext underline under a line of text: only `=` or only `-`, then
//!   spaces or tabs at most (`---` under a line makes it a heading);
//! - one of these behind one or more backslashes (`\## Resolution`), so
//!   that the escape itself reads back.
//!
//! The backslash goes after the indent: `  ## x` is written `  \## x`, and
//! `\## x` is written `\\## x`; Markdown shows both as the text they hold.
//! Lines inside code fences are kept as they are, as Markdown keeps them.
//! Reading undoes exactly this: a backslash comes off a line only when the
//! line without it is one that is escaped.

use std::borrow::Cow;

use super::parse::{is_blank, is_closing_fence, opening_fence};

/// The lines of a section's text as the file holds them, joined by LF.
pub(super) fn escape_lines(lines: &[&str]) -> String {
    map_prose_lines(lines, |line, follows_text| {
        if needs_escape(line, follows_text) {
            let indent = leading_spaces(line);
            let (spaces, rest) = line.split_at(indent);
            Cow::Owned(format!("{spaces}\\{rest}"))
        } else {
            Cow::Borrowed(line)
        }
    })
}

/// The text of a section from its lines in the file, joined by LF.
pub(super) fn unescape_lines(lines: &[&str]) -> String {
    map_prose_lines(lines, |line, follows_text| {
        let indent = leading_spaces(line);
        let (spaces, rest) = line.split_at(indent);
        match rest.strip_prefix('\\') {
            Some(escaped) => {
                let unescaped = format!("{spaces}{escaped}");
                if needs_escape(&unescaped, follows_text) {
                    Cow::Owned(unescaped)
                } else {
                    Cow::Borrowed(line)
                }
            }
            None => Cow::Borrowed(line),
        }
    })
}

/// Applies `map` to each line outside code fences, with whether the line
/// before it holds text; fence lines and their content pass unchanged.
/// Escaping keeps every line blank or not, so both directions see the same.
fn map_prose_lines<'a>(lines: &[&'a str], map: impl Fn(&'a str, bool) -> Cow<'a, str>) -> String {
    let mut out: Vec<Cow<'a, str>> = Vec::with_capacity(lines.len());
    let mut fence: Option<(char, usize)> = None;
    let mut follows_text = false;
    for &line in lines {
        let written = match fence {
            Some((fence_char, len)) => {
                if is_closing_fence(line, fence_char, len) {
                    fence = None;
                }
                Cow::Borrowed(line)
            }
            None => match opening_fence(line) {
                Some((fence_char, len, _)) => {
                    fence = Some((fence_char, len));
                    Cow::Borrowed(line)
                }
                None => map(line, follows_text),
            },
        };
        follows_text = !is_blank(line);
        out.push(written);
    }
    out.join("\n")
}

/// Whether `line` is written with a backslash: structure, possibly behind
/// backslashes (each step strips one, so this ends within the line).
fn needs_escape(line: &str, follows_text: bool) -> bool {
    let mut indent = 0;
    let mut rest = line;
    loop {
        let spaces = leading_spaces(rest);
        indent += spaces;
        rest = rest.get(spaces..).unwrap_or("");
        if indent <= 3 && (is_atx_heading(rest) || (follows_text && is_setext_underline(rest))) {
            return true;
        }
        match rest.strip_prefix('\\') {
            Some(after) => rest = after,
            None => return false,
        }
    }
}

fn leading_spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches(' ').len()
}

/// `#`s, then a space, a tab or nothing.
fn is_atx_heading(text: &str) -> bool {
    let after = text.trim_start_matches('#');
    after.len() < text.len() && (after.is_empty() || after.starts_with([' ', '\t']))
}

/// Only `=` or only `-` (at least one), then spaces or tabs.
fn is_setext_underline(text: &str) -> bool {
    let Some(mark) = text.chars().next().filter(|c| matches!(c, '=' | '-')) else {
        return false;
    };
    text.trim_start_matches(mark)
        .chars()
        .all(|c| c == ' ' || c == '\t')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        escape_lines(&text.split('\n').collect::<Vec<_>>())
    }

    fn unescaped(text: &str) -> String {
        unescape_lines(&text.split('\n').collect::<Vec<_>>())
    }

    #[test]
    fn structure_is_escaped_and_read_back() {
        let cases = [
            ("## Resolution", "\\## Resolution"),
            ("#", "\\#"),
            ("   ### x ###", "   \\### x ###"),
            ("\\## x", "\\\\## x"),
            ("\\\\# x", "\\\\\\# x"),
            ("\\ ## x", "\\\\ ## x"),
            ("text\n---", "text\n\\---"),
            ("text\n  ===  ", "text\n  \\===  "),
            ("\n---", "\n---"),
            ("#hashtag", "#hashtag"),
            ("    ## code", "    ## code"),
            ("- item\n1. item\n\\ not", "- item\n1. item\n\\ not"),
            ("```\n## in a fence\n```", "```\n## in a fence\n```"),
        ];
        for (text, file) in cases {
            assert_eq!(escaped(text), file, "{text:?}");
            assert_eq!(unescaped(file), text, "{file:?}");
        }
    }

    #[test]
    fn backslashes_that_escape_nothing_stay() {
        // `\---` after a blank line is no underline: its backslash is text.
        for text in ["\\x", "\\", "a \\## b", "\\---", "\\- item"] {
            assert_eq!(escaped(text), text, "{text:?}");
            assert_eq!(unescaped(text), text, "{text:?}");
        }
    }
}
