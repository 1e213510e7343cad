//! A workspace's branding: the accent colour, a logo and a footer label that
//! every slide of the workspace carries.

use serde::{Deserialize, Serialize};

use crate::CoreError;

/// The accent of a new workspace (a calm blue that reads on both themes).
pub const DEFAULT_ACCENT: &str = "#2563EB";
/// A logo larger than this is not a logo; it would bloat every export.
pub const MAX_LOGO_BYTES: usize = 2 * 1024 * 1024;
/// The footer has room for a short label such as "Confidential".
pub const MAX_FOOTER_LABEL_CHARS: usize = 60;

/// Which image format a logo is in (the renderer draws PNG and JPEG).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogoFormat {
    Png,
    Jpeg,
}

impl LogoFormat {
    /// The format of `bytes`, read from its signature (never from a file name).
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(LogoFormat::Png)
        } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(LogoFormat::Jpeg)
        } else {
            None
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            LogoFormat::Png => "image/png",
            LogoFormat::Jpeg => "image/jpeg",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BrandingSettings {
    /// `#RRGGBB`.
    pub accent: String,
    pub footer_label: String,
    /// PNG or JPEG bytes.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
}

impl Default for BrandingSettings {
    fn default() -> Self {
        Self {
            accent: DEFAULT_ACCENT.to_owned(),
            footer_label: String::new(),
            logo: None,
        }
    }
}

impl BrandingSettings {
    /// Checks every part and returns the settings in canonical form
    /// (upper-case hex, trimmed label).
    pub fn normalized(mut self) -> Result<Self, CoreError> {
        self.accent = normalize_accent(&self.accent)?;
        self.footer_label = self.footer_label.trim().to_owned();
        let chars = self.footer_label.chars().count();
        if chars > MAX_FOOTER_LABEL_CHARS {
            return Err(CoreError::FieldTooLong {
                field: "footer label",
                chars,
                max: MAX_FOOTER_LABEL_CHARS,
            });
        }
        if self.footer_label.chars().any(char::is_control) {
            return Err(CoreError::InvalidBranding(
                "the footer label must be one line of text".into(),
            ));
        }
        if let Some(logo) = &self.logo {
            check_logo(logo)?;
        }
        Ok(self)
    }
}

/// `#rgb`, `#rrggbb` or `rrggbb` to `#RRGGBB`.
pub fn normalize_accent(text: &str) -> Result<String, CoreError> {
    let hex = text.trim().trim_start_matches('#');
    let expanded: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_owned(),
        _ => String::new(),
    };
    if expanded.len() != 6 || !expanded.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(CoreError::InvalidBranding(format!(
            "\"{}\" is not a colour: write it as #RRGGBB, e.g. {DEFAULT_ACCENT}",
            text.trim()
        )));
    }
    Ok(format!("#{}", expanded.to_ascii_uppercase()))
}

/// A logo must be a PNG or JPEG image of a sensible size.
pub fn check_logo(bytes: &[u8]) -> Result<LogoFormat, CoreError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(CoreError::InvalidBranding(format!(
            "the logo is {:.1} MB; use an image under {} MB",
            bytes.len() as f64 / 1_048_576.0,
            MAX_LOGO_BYTES / 1_048_576
        )));
    }
    LogoFormat::sniff(bytes)
        .ok_or_else(|| CoreError::InvalidBranding("the logo must be a PNG or JPEG image".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_are_normalized_or_refused() {
        assert_eq!(normalize_accent("#2563eb").unwrap(), "#2563EB");
        assert_eq!(normalize_accent("e11").unwrap(), "#EE1111");
        assert!(normalize_accent("blue").is_err());
        assert!(normalize_accent("#12345").is_err());
        assert!(normalize_accent("#ggg").is_err());
    }

    #[test]
    fn labels_are_trimmed_and_bounded() {
        let settings = BrandingSettings {
            footer_label: "  Confidential ".into(),
            ..Default::default()
        };
        assert_eq!(settings.normalized().unwrap().footer_label, "Confidential");
        let long = BrandingSettings {
            footer_label: "x".repeat(MAX_FOOTER_LABEL_CHARS + 1),
            ..Default::default()
        };
        assert!(long.normalized().is_err());
        let two_lines = BrandingSettings {
            footer_label: "a\nb".into(),
            ..Default::default()
        };
        assert!(two_lines.normalized().is_err());
    }

    #[test]
    fn logos_are_recognised_by_their_bytes() {
        assert_eq!(
            check_logo(b"\x89PNG\r\n\x1a\nrest").unwrap(),
            LogoFormat::Png
        );
        assert_eq!(
            check_logo(&[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(),
            LogoFormat::Jpeg
        );
        assert!(check_logo(b"<svg/>").is_err());
        assert!(check_logo(&vec![0x89; MAX_LOGO_BYTES + 1]).is_err());
    }
}
