//! The embedded fonts: Inter for Latin, Greek and Cyrillic, Droid Sans
//! Fallback for CJK, Noto Sans Arabic and Hebrew for right-to-left scripts,
//! Noto Color Emoji for emoji. Loaded once from bytes; no
//! system font is ever read, so a slide looks the same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb;

pub const INTER_REGULAR: &[u8] = include_bytes!("../fonts/Inter-Regular.otf");
pub const INTER_SEMIBOLD: &[u8] = include_bytes!("../fonts/Inter-SemiBold.otf");
pub const INTER_BOLD: &[u8] = include_bytes!("../fonts/Inter-Bold.otf");
pub const CJK_FALLBACK: &[u8] = include_bytes!("../fonts/DroidSansFallbackFull.ttf");
pub const EMOJI_FALLBACK: &[u8] = include_bytes!("../fonts/NotoColorEmoji.ttf");
pub const ARABIC_REGULAR: &[u8] = include_bytes!("../fonts/NotoSansArabic-Regular.ttf");
pub const ARABIC_BOLD: &[u8] = include_bytes!("../fonts/NotoSansArabic-Bold.ttf");
pub const HEBREW_REGULAR: &[u8] = include_bytes!("../fonts/NotoSansHebrew-Regular.ttf");
pub const HEBREW_BOLD: &[u8] = include_bytes!("../fonts/NotoSansHebrew-Bold.ttf");

pub const FAMILY: &str = "Inter";

/// The font database every SVG is parsed with.
pub fn font_db() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for bytes in [
            INTER_REGULAR,
            INTER_SEMIBOLD,
            INTER_BOLD,
            CJK_FALLBACK,
            EMOJI_FALLBACK,
            ARABIC_REGULAR,
            ARABIC_BOLD,
            HEBREW_REGULAR,
            HEBREW_BOLD,
        ] {
            // Borrowed, not copied: the fonts live in the binary.
            db.load_font_source(fontdb::Source::Binary(Arc::new(bytes)));
        }
        // plotters writes generic family names; map them all to Inter.
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The weights we draw text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    SemiBold,
    Bold,
}

impl Weight {
    pub fn css(self) -> u16 {
        match self {
            Weight::Regular => 400,
            Weight::SemiBold => 600,
            Weight::Bold => 700,
        }
    }

    pub fn bytes(self) -> &'static [u8] {
        match self {
            Weight::Regular => INTER_REGULAR,
            Weight::SemiBold => INTER_SEMIBOLD,
            Weight::Bold => INTER_BOLD,
        }
    }
}
