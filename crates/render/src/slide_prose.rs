//! A draft's Markdown as a slide shows it: the words, not the marks. A
//! letter written elsewhere keeps `**Second-quarter results.**` labels,
//! `## headings` and pipe tables in its text; printed as they are, the
//! room reads asterisks and rows of `|---|`.

/// The text of `markdown` for a slide: `**strong**` and `__strong__`
/// marks and a heading's `#`s dropped, and the lines of a pipe table left
/// out (the chart, or the update's own text, carries its figures). Blank
/// lines that a left-out table leaves twice over are made one.
pub(crate) fn slide_prose(markdown: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('|') {
            continue;
        }
        let line = match trimmed.trim_start_matches('#') {
            rest if rest.len() < trimmed.len() && (rest.is_empty() || rest.starts_with(' ')) => {
                rest.trim_start()
            }
            _ => line,
        };
        let line = unescaped(&line.replace("**", "").replace("__", ""));
        let blank = line.trim().is_empty();
        if blank && lines.last().is_none_or(|last| last.trim().is_empty()) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(|last| last.trim().is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// Markdown's escapes read as the marks they stand for: `\* Last
/// week's fuel dispute` is a footnote's "*".
fn unescaped(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(next)) if next.is_ascii_punctuation() => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::slide_prose;

    #[test]
    fn marks_and_tables_are_left_off_the_slide() {
        let draft = "## Results\n\n**Second-quarter results.** Revenue rose 43%.\n\n\
                     Quarterly results:\n\n| Measure | Q2 |\n|---|---|\n| Margin (%) | 11.8 |\n\n\
                     __Next.__ We forecast 5.0 million.\n";
        assert_eq!(
            slide_prose(draft),
            "Results\n\nSecond-quarter results. Revenue rose 43%.\n\nQuarterly results:\n\n\
             Next. We forecast 5.0 million."
        );
    }

    #[test]
    fn escapes_read_as_their_marks() {
        assert_eq!(
            slide_prose("\\* Last week's fuel dispute cut sales by 1.2\\%."),
            "* Last week's fuel dispute cut sales by 1.2%."
        );
        assert_eq!(slide_prose("C:\\Users stays"), "C:\\Users stays");
    }

    #[test]
    fn plain_prose_is_kept_as_written() {
        for text in [
            "Churn fell from 4.1% to 3.2% (#412 shipped).",
            "Cost: 2*3 = 6 units; #1 priority.",
            "- one\n- two",
        ] {
            assert_eq!(slide_prose(text), text);
        }
    }
}
