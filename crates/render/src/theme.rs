//! Colours and branding.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// Parses `#RRGGBB` or `RRGGBB`.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// Mixes towards `other` by `t` (0 = self, 1 = other).
    pub fn mix(self, other: Rgb, t: f32) -> Rgb {
        let lerp = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Rgb(
            lerp(self.0, other.0),
            lerp(self.1, other.1),
            lerp(self.2, other.2),
        )
    }
}

/// The slide's palette. The accent comes from [`Branding`].
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: &'static str,
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub faint: Rgb,
    pub grid: Rgb,
    pub context: Rgb,
    pub conflict: Rgb,
    pub resolution_from_accent: bool,
    pub evidence: Rgb,
    pub negative: Rgb,
    pub banner: Rgb,
    /// How much of the accent tints the evidence callout's background.
    pub callout_tint: f32,
    /// How far the brand accent is lightened to read well on this background.
    pub accent_lift: f32,
}

impl Theme {
    pub fn light() -> Self {
        Self {
            name: "light",
            background: Rgb(0xFF, 0xFF, 0xFF),
            text: Rgb(0x0F, 0x17, 0x2A),
            muted: Rgb(0x64, 0x74, 0x8B),
            faint: Rgb(0x94, 0xA3, 0xB8),
            grid: Rgb(0xE2, 0xE8, 0xF0),
            context: Rgb(0x64, 0x74, 0x8B),
            conflict: Rgb(0xDC, 0x26, 0x26),
            resolution_from_accent: true,
            evidence: Rgb(0x16, 0xA3, 0x4A),
            negative: Rgb(0xDC, 0x26, 0x26),
            banner: Rgb(0xB9, 0x1C, 0x1C),
            callout_tint: 0.08,
            accent_lift: 0.0,
        }
    }

    pub fn dark() -> Self {
        Self {
            name: "dark",
            background: Rgb(0x0B, 0x11, 0x20),
            text: Rgb(0xF1, 0xF5, 0xF9),
            muted: Rgb(0x94, 0xA3, 0xB8),
            faint: Rgb(0x64, 0x74, 0x8B),
            grid: Rgb(0x1E, 0x29, 0x3B),
            context: Rgb(0x94, 0xA3, 0xB8),
            conflict: Rgb(0xF8, 0x71, 0x71),
            resolution_from_accent: true,
            evidence: Rgb(0x4A, 0xDE, 0x80),
            negative: Rgb(0xF8, 0x71, 0x71),
            banner: Rgb(0xB9, 0x1C, 0x1C),
            callout_tint: 0.16,
            accent_lift: 0.22,
        }
    }

    pub fn by_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Self::light()),
            "dark" => Some(Self::dark()),
            _ => None,
        }
    }

    /// The brand accent as drawn on this theme's background.
    pub fn accent(&self, brand: Rgb) -> Rgb {
        brand.mix(Rgb(0xFF, 0xFF, 0xFF), self.accent_lift)
    }

    /// The grey of the series that are not highlighted: the muted text
    /// colour, legible on the background (a comparison must be readable).
    pub fn other_series(&self) -> Rgb {
        self.muted
    }
}

/// A workspace's look: its accent colour, logo and footer label.
#[derive(Debug, Clone, PartialEq)]
pub struct Branding {
    pub accent: Rgb,
    /// PNG or JPEG bytes, drawn in the footer's right corner.
    pub logo: Option<Vec<u8>>,
    /// E.g. "Confidential".
    pub footer_label: String,
    /// Print CONTEXT, CONFLICT… above the beats (off: a compact narrative).
    pub beat_names: bool,
    /// Print a two-group difference's 95 % interval under the evidence.
    pub significance_note: bool,
}

impl Default for Branding {
    fn default() -> Self {
        Self {
            accent: Rgb(0x25, 0x63, 0xEB),
            logo: None,
            footer_label: String::new(),
            beat_names: false,
            significance_note: false,
        }
    }
}

impl Branding {
    /// The workspace's stored settings as the renderer draws them. A colour
    /// that does not parse falls back to the default accent.
    pub fn from_settings(settings: &throughline_core::BrandingSettings) -> Self {
        Self {
            accent: Rgb::parse(&settings.accent).unwrap_or(Branding::default().accent),
            logo: settings.logo.clone(),
            footer_label: settings.footer_label.clone(),
            beat_names: settings.beat_names,
            significance_note: settings.significance_note,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_print() {
        assert_eq!(Rgb::parse("#2563eb"), Some(Rgb(0x25, 0x63, 0xEB)));
        assert_eq!(Rgb(0x25, 0x63, 0xEB).hex(), "#2563EB");
        assert_eq!(Rgb::parse("blue"), None);
        assert_eq!(Rgb::parse("#ééé"), None);
    }
}
