//! Text measured with the embedded fonts, wrapped at real widths, shrunk to
//! fit its box, and cut with a visible "…" when even the smallest size is
//! too big. What is measured here is what resvg and krilla draw.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use rustybuzz::{Direction, Face, Script, ShapePlan, UnicodeBuffer};
use unicode_linebreak::{linebreaks, BreakOpportunity};

use crate::fonts::{self, Weight};

const ELLIPSIS: &str = "…";
/// More characters than any box on a slide can show at the smallest size;
/// longer text is cut first so a 1 MB beat costs no more than a long one.
const MAX_CHARS_CONSIDERED: usize = 6_000;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub weight: Weight,
    pub max_size: f32,
    pub min_size: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    pub max_lines: Option<usize>,
}

/// Text laid out in a box: the size chosen, the lines, and whether it was cut.
#[derive(Debug, Clone, PartialEq)]
pub struct FittedText {
    pub size: f32,
    pub line_height: f32,
    pub lines: Vec<String>,
    pub truncated: bool,
}

impl FittedText {
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.line_height
    }
}

struct Faces {
    regular: Face<'static>,
    semibold: Face<'static>,
    bold: Face<'static>,
    cjk: Face<'static>,
    emoji: Face<'static>,
    arabic: Face<'static>,
    arabic_bold: Face<'static>,
    hebrew: Face<'static>,
    hebrew_bold: Face<'static>,
}

impl Faces {
    fn get(&self, id: FaceId) -> &Face<'static> {
        match id {
            FaceId::Regular => &self.regular,
            FaceId::SemiBold => &self.semibold,
            FaceId::Bold => &self.bold,
            FaceId::Cjk => &self.cjk,
            FaceId::Emoji => &self.emoji,
            FaceId::Arabic => &self.arabic,
            FaceId::ArabicBold => &self.arabic_bold,
            FaceId::Hebrew => &self.hebrew,
            FaceId::HebrewBold => &self.hebrew_bold,
        }
    }
}

fn faces() -> Option<&'static Faces> {
    static FACES: OnceLock<Option<Faces>> = OnceLock::new();
    FACES
        .get_or_init(|| {
            Some(Faces {
                regular: Face::from_slice(Weight::Regular.bytes(), 0)?,
                semibold: Face::from_slice(Weight::SemiBold.bytes(), 0)?,
                bold: Face::from_slice(Weight::Bold.bytes(), 0)?,
                cjk: Face::from_slice(fonts::CJK_FALLBACK, 0)?,
                emoji: Face::from_slice(fonts::EMOJI_FALLBACK, 0)?,
                arabic: Face::from_slice(fonts::ARABIC_REGULAR, 0)?,
                arabic_bold: Face::from_slice(fonts::ARABIC_BOLD, 0)?,
                hebrew: Face::from_slice(fonts::HEBREW_REGULAR, 0)?,
                hebrew_bold: Face::from_slice(fonts::HEBREW_BOLD, 0)?,
            })
        })
        .as_ref()
}

/// The embedded face that draws a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum FaceId {
    Regular,
    SemiBold,
    Bold,
    Cjk,
    Emoji,
    Arabic,
    ArabicBold,
    Hebrew,
    HebrewBold,
}

impl FaceId {
    /// The font family the SVG names for this face (`None`: the text's own).
    pub(crate) fn family(self) -> Option<&'static str> {
        match self {
            FaceId::Regular | FaceId::SemiBold | FaceId::Bold => None,
            FaceId::Cjk => Some("Droid Sans Fallback"),
            FaceId::Emoji => Some("Noto Color Emoji"),
            FaceId::Arabic | FaceId::ArabicBold => Some("Noto Sans Arabic"),
            FaceId::Hebrew | FaceId::HebrewBold => Some("Noto Sans Hebrew"),
        }
    }
}

/// Splits text into runs, each drawn by one embedded face: the weight's own
/// (Inter), else Arabic, Hebrew, CJK, emoji, in that order. The SVG names the
/// face of every run, so the renderers never guess a fallback, and what is
/// measured here is exactly what they draw.
pub(crate) fn runs(text: &str, weight: Weight) -> Vec<(FaceId, &str)> {
    let Some(faces) = faces() else {
        return vec![(FaceId::Regular, text)];
    };
    let bold = weight != Weight::Regular;
    let primary_id = match weight {
        Weight::Regular => FaceId::Regular,
        Weight::SemiBold => FaceId::SemiBold,
        Weight::Bold => FaceId::Bold,
    };
    let primary = faces.get(primary_id);
    let face_of = |c: char, current: FaceId| {
        if c.is_whitespace() && current != primary_id && faces.get(current).glyph_index(c).is_some()
        {
            // A space inside an Arabic or CJK phrase stays in it, so the
            // phrase is shaped (and reads right to left) as one.
            current
        } else if primary.glyph_index(c).is_some() || c.is_whitespace() {
            primary_id
        } else if faces.arabic.glyph_index(c).is_some() {
            if bold {
                FaceId::ArabicBold
            } else {
                FaceId::Arabic
            }
        } else if faces.hebrew.glyph_index(c).is_some() {
            if bold {
                FaceId::HebrewBold
            } else {
                FaceId::Hebrew
            }
        } else if faces.cjk.glyph_index(c).is_some() {
            FaceId::Cjk
        } else if faces.emoji.glyph_index(c).is_some() || is_emoji_joiner(c) {
            FaceId::Emoji
        } else {
            // No embedded face has it: the text's own face draws a box.
            primary_id
        }
    };
    let mut ranges: Vec<(FaceId, std::ops::Range<usize>)> = Vec::new();
    let mut start = 0;
    let mut run_face = primary_id;
    for (index, c) in text.char_indices() {
        let id = if run_face == FaceId::Emoji && is_emoji_joiner(c) {
            FaceId::Emoji
        } else {
            face_of(c, run_face)
        };
        if id != run_face && index > start {
            ranges.push((run_face, start..index));
            start = index;
        }
        run_face = id;
    }
    if start < text.len() {
        ranges.push((run_face, start..text.len()));
    }
    trailing_spaces_to_primary(text, ranges, primary_id)
        .into_iter()
        .filter_map(|(face, range)| Some((face, text.get(range)?)))
        .collect()
}

/// A space joins an Arabic or CJK run only between two of its words: spaces
/// at a run's end go back to the text's own face (an emoji font's space,
/// for one, is much wider than Inter's).
fn trailing_spaces_to_primary(
    text: &str,
    ranges: Vec<(FaceId, std::ops::Range<usize>)>,
    primary: FaceId,
) -> Vec<(FaceId, std::ops::Range<usize>)> {
    let mut out: Vec<(FaceId, std::ops::Range<usize>)> = Vec::with_capacity(ranges.len() + 2);
    let mut push = |face: FaceId, range: std::ops::Range<usize>| {
        if range.is_empty() {
            return;
        }
        match out.last_mut() {
            Some((last_face, last)) if *last_face == face && last.end == range.start => {
                last.end = range.end;
            }
            _ => out.push((face, range)),
        }
    };
    for (face, range) in ranges {
        if face == primary {
            push(face, range);
            continue;
        }
        let run = text.get(range.clone()).unwrap_or_default();
        let kept = range.start + run.trim_end().len();
        push(face, range.start..kept);
        push(primary, kept..range.end);
    }
    out
}

/// Width of `text` at font size 1 (multiply by the size for pixels).
pub fn measure(text: &str, weight: Weight) -> f32 {
    let Some(faces) = faces() else {
        // Cannot happen with the embedded fonts; a rough guess keeps layout going.
        return text.chars().count() as f32 * 0.55;
    };
    runs(text, weight)
        .into_iter()
        .map(|(id, run)| shaped_width(id, faces.get(id), run))
        .sum()
}

/// Zero-width joiners, variation selectors, skin tones and tags stay with
/// the emoji they shape.
fn is_emoji_joiner(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}')
        || ('\u{1F3FB}'..='\u{1F3FF}').contains(&c)
        || ('\u{E0020}'..='\u{E007F}').contains(&c)
}

/// Widths already measured (the same words come back on every keystroke of
/// the live preview) and shaping plans (building one is most of the cost of
/// shaping a word). Bounded: cleared when it grows past this many entries.
const WIDTH_CACHE_LIMIT: usize = 50_000;

/// Shaping plans depend on the face, the direction and the script.
type PlanKey = (FaceId, Direction, Option<Script>);

thread_local! {
    static WIDTHS: RefCell<HashMap<(FaceId, String), f32>> = RefCell::new(HashMap::new());
    static PLANS: RefCell<HashMap<PlanKey, ShapePlan>> = RefCell::new(HashMap::new());
}

fn shaped_width(id: FaceId, face: &Face<'_>, text: &str) -> f32 {
    let key = (id, text.to_owned());
    if let Some(width) = WIDTHS.with(|cache| cache.borrow().get(&key).copied()) {
        return width;
    }
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    let plan_key: PlanKey = (id, buffer.direction(), Some(buffer.script()));
    let advance: i32 = PLANS.with(|plans| {
        let mut plans = plans.borrow_mut();
        let plan = plans
            .entry(plan_key)
            .or_insert_with(|| ShapePlan::new(face, plan_key.1, plan_key.2, None, &[]));
        let glyphs = rustybuzz::shape_with_plan(face, plan, buffer);
        glyphs.glyph_positions().iter().map(|p| p.x_advance).sum()
    });
    let width = advance as f32 / face.units_per_em() as f32;
    WIDTHS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= WIDTH_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, width);
    });
    width
}

/// A piece of text between two break opportunities, with its widths at size 1.
struct Piece {
    text: String,
    width: f32,
    /// Width without trailing white space (what counts at a line's end).
    trimmed_width: f32,
    /// A line must end after this piece (a newline in the text).
    hard_break: bool,
}

fn pieces(text: &str, weight: Weight) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut start = 0;
    for (end, opportunity) in linebreaks(text) {
        let Some(slice) = text.get(start..end) else {
            continue;
        };
        start = end;
        let hard_break = opportunity == BreakOpportunity::Mandatory && end < text.len();
        let clean: String = slice
            .chars()
            .filter(|c| !matches!(c, '\n' | '\r'))
            .collect();
        let trimmed = clean.trim_end();
        out.push(Piece {
            width: measure(&clean, weight),
            trimmed_width: measure(trimmed, weight),
            text: clean,
            hard_break,
        });
    }
    out
}

/// Greedy line filling at `max_width` (in units of the font size).
fn wrap(pieces: &[Piece], max_width: f32, weight: Weight) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    for piece in pieces {
        if !line.is_empty() && width + piece.trimmed_width > max_width {
            lines.push(line.trim_end().to_owned());
            line.clear();
            width = 0.0;
        }
        if line.is_empty() && piece.trimmed_width > max_width {
            // One word wider than the line (a URL, CJK without breaks): split it.
            for chunk in split_to_width(&piece.text, max_width, weight) {
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line).trim_end().to_owned());
                }
                width = measure(&chunk, weight);
                line = chunk;
            }
        } else {
            line.push_str(&piece.text);
            width += piece.width;
        }
        if piece.hard_break {
            lines.push(std::mem::take(&mut line).trim_end().to_owned());
            width = 0.0;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

fn split_to_width(word: &str, max_width: f32, weight: Weight) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut chunk = String::new();
    for c in word.chars() {
        chunk.push(c);
        if measure(&chunk, weight) > max_width && chunk.chars().count() > 1 {
            chunk.pop();
            chunks.push(std::mem::take(&mut chunk));
            chunk.push(c);
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    chunks
}

/// Ends `line` with "…" so that it fits `max_width` (in units of the size).
pub(crate) fn with_ellipsis(line: &str, max_width: f32, weight: Weight) -> String {
    let mut chars: Vec<char> = line.trim_end().chars().collect();
    loop {
        let candidate: String = chars.iter().collect::<String>().trim_end().to_owned() + ELLIPSIS;
        if chars.is_empty() || measure(&candidate, weight) <= max_width {
            return candidate;
        }
        chars.pop();
    }
}

/// Text measured once, to be wrapped at several sizes.
pub struct Paragraph {
    pieces: Vec<Piece>,
    weight: Weight,
    /// The text was longer than is laid out: its end is left out.
    cut: bool,
}

impl Paragraph {
    pub fn new(text: &str, weight: Weight) -> Self {
        let considered: String = text.chars().take(MAX_CHARS_CONSIDERED).collect();
        Self {
            pieces: pieces(considered.trim(), weight),
            weight,
            cut: text.chars().count() > MAX_CHARS_CONSIDERED,
        }
    }

    /// The lines at font `size` in a box `width` pixels wide.
    pub fn lines_at(&self, size: f32, width: f32, line_height: f32) -> FittedText {
        FittedText {
            size,
            line_height: size * line_height,
            lines: wrap(&self.pieces, width / size, self.weight),
            truncated: self.cut,
        }
    }
}

/// Lays `text` out in a `width` × `height` box: the largest size from
/// `max_size` down to `min_size` at which it fits; at the smallest size,
/// the lines that fit, the last one ending in "…".
pub fn fit_text(text: &str, style: &TextStyle, width: f32, height: f32) -> FittedText {
    let mut cut = text.chars().count() > MAX_CHARS_CONSIDERED;
    let considered: String = text.chars().take(MAX_CHARS_CONSIDERED).collect();
    let pieces = pieces(considered.trim(), style.weight);
    let max_size = style.max_size.max(style.min_size);
    let mut size = max_size;
    loop {
        let line_height = size * style.line_height;
        let lines = wrap(&pieces, width / size, style.weight);
        let fit_lines = ((height / line_height).floor() as usize)
            .min(style.max_lines.unwrap_or(usize::MAX))
            .max(1);
        if lines.len() <= fit_lines && !cut {
            return FittedText {
                size,
                line_height,
                lines,
                truncated: false,
            };
        }
        if size <= style.min_size {
            let mut lines = lines;
            if lines.len() > fit_lines {
                lines.truncate(fit_lines);
                cut = true;
            }
            if cut {
                if let Some(last) = lines.last_mut() {
                    *last = with_ellipsis(last, width / size, style.weight);
                }
            }
            return FittedText {
                size,
                line_height,
                lines,
                truncated: cut,
            };
        }
        size = (size - 1.0).max(style.min_size);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: TextStyle = TextStyle {
        weight: Weight::Regular,
        max_size: 26.0,
        min_size: 16.0,
        line_height: 1.35,
        max_lines: None,
    };

    #[test]
    fn wider_text_measures_wider_and_bold_is_wider_than_regular() {
        let short = measure("Activation", Weight::Regular);
        let long = measure("Activation rose nine points", Weight::Regular);
        assert!(short > 3.0 && long > short * 2.0, "{short} {long}");
        assert!(measure("Activation", Weight::Bold) > short);
        assert!(
            measure("活性化が上昇", Weight::Regular) > 5.0,
            "CJK measured by the fallback"
        );
    }

    #[test]
    fn short_text_keeps_the_largest_size() {
        let fitted = fit_text("Churn doubled.", &BODY, 700.0, 200.0);
        assert_eq!(fitted.size, 26.0);
        assert_eq!(fitted.lines, ["Churn doubled."]);
        assert!(!fitted.truncated);
    }

    #[test]
    fn every_line_fits_the_width() {
        let text = "Two competitors now bundle guided onboarding into their free tiers, and 38% of the accounts that churned in Q3 told us they never finished setup.";
        let fitted = fit_text(text, &BODY, 500.0, 400.0);
        assert!(fitted.lines.len() >= 3);
        for line in &fitted.lines {
            assert!(
                measure(line, Weight::Regular) * fitted.size <= 500.0 + 0.01,
                "{line}"
            );
        }
        assert_eq!(fitted.lines.join(" "), text);
    }

    #[test]
    fn too_much_text_shrinks_then_ends_in_an_ellipsis_inside_the_box() {
        let text = "word ".repeat(600);
        let fitted = fit_text(&text, &BODY, 700.0, 150.0);
        assert_eq!(fitted.size, 16.0);
        assert!(fitted.truncated);
        assert!(fitted.height() <= 150.0);
        let last = fitted.lines.last().unwrap();
        assert!(last.ends_with('…'), "{last}");
        assert!(measure(last, Weight::Regular) * 16.0 <= 700.0);
    }

    #[test]
    fn a_word_wider_than_the_box_is_split_and_newlines_are_kept() {
        let url = "https://example.invalid/".to_owned() + &"a".repeat(200);
        let fitted = fit_text(&url, &BODY, 300.0, 2000.0);
        assert!(fitted.lines.len() > 2);
        let fitted = fit_text("first\nsecond", &BODY, 700.0, 300.0);
        assert_eq!(fitted.lines, ["first", "second"]);
    }

    #[test]
    fn max_lines_is_respected() {
        let style = TextStyle {
            max_lines: Some(2),
            ..BODY
        };
        let fitted = fit_text(&"long title words ".repeat(40), &style, 600.0, 1000.0);
        assert_eq!(fitted.lines.len(), 2);
        assert!(fitted.truncated);
    }
}
