//! The value of a `key: value` line: raw, or double-quoted with escapes.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ValueError {
    Unclosed,
    TextAfterQuote,
}

/// Reads a value: raw text is trimmed; a value that starts with `"` runs to
/// the closing `"` and understands `\"`, `\\`, `\n`, `\r` and `\t` (any other
/// backslash is kept as written). After the closing quote only white space
/// or a `#` comment may follow.
pub(crate) fn parse_value(raw: &str) -> Result<String, ValueError> {
    let raw = raw.trim();
    let Some(quoted) = raw.strip_prefix('"') else {
        return Ok(raw.to_owned());
    };
    let mut out = String::with_capacity(quoted.len());
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => return Err(ValueError::Unclosed),
            },
            '"' => {
                let rest = chars.as_str().trim();
                return if rest.is_empty() || rest.starts_with('#') {
                    Ok(out)
                } else {
                    Err(ValueError::TextAfterQuote)
                };
            }
            other => out.push(other),
        }
    }
    Err(ValueError::Unclosed)
}

/// Characters that mean something at the start of a YAML value.
const YAML_INDICATORS: [char; 19] = [
    '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
];

/// Whether a value must be quoted to read back the same (and to stay valid
/// YAML): empty, white space at an end, `: `, `#`, quotes, a control
/// character, or a YAML indicator first.
pub(crate) fn needs_quotes(value: &str) -> bool {
    value.is_empty()
        || value.trim() != value
        || value.contains(": ")
        || value.ends_with(':')
        || value.contains(['#', '"', '\''])
        || value.chars().any(char::is_control)
        || value.starts_with(YAML_INDICATORS)
}

/// Writes a value, quoted and escaped only when it needs to be.
pub(crate) fn write_value(out: &mut String, value: &str) {
    if !needs_quotes(value) {
        out.push_str(value);
        return;
    }
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            other => out.push(other),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_and_quoted_values() {
        assert_eq!(parse_value("  plain text  "), Ok("plain text".into()));
        assert_eq!(parse_value(" \"  spaced  \" "), Ok("  spaced  ".into()));
        assert_eq!(
            parse_value(r#""say \"hi\" \\ back\nslash""#),
            Ok("say \"hi\" \\ back\nslash".into())
        );
        assert_eq!(parse_value(r#""C:\Users""#), Ok(r"C:\Users".into()));
        assert_eq!(parse_value(r#""x" # note"#), Ok("x".into()));
        assert_eq!(parse_value(r#""""#), Ok(String::new()));
        assert_eq!(parse_value(r#""open"#), Err(ValueError::Unclosed));
        assert_eq!(parse_value(r#""open\"#), Err(ValueError::Unclosed));
        assert_eq!(parse_value(r#""a" b"#), Err(ValueError::TextAfterQuote));
    }

    #[test]
    fn quoting_only_when_needed_and_reading_back() {
        let cases = [
            ("plain", false),
            ("", true),
            (" lead", true),
            ("trail ", true),
            ("key: value", true),
            ("ends:", true),
            ("10:30", false),
            ("C#", true),
            ("it's", true),
            ("say \"hi\"", true),
            ("- item", true),
            ("@handle", true),
            ("`code`", true),
            ("line\nbreak", true),
            ("tab\there", true),
            ("nul\u{0}", true),
            (r"back\slash", false),
        ];
        for (value, quoted) in cases {
            assert_eq!(needs_quotes(value), quoted, "{value:?}");
            let mut out = String::new();
            write_value(&mut out, value);
            assert_eq!(
                parse_value(&out),
                Ok(value.to_owned()),
                "{value:?} as {out}"
            );
        }
    }
}
