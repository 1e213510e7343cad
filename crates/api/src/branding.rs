//! The workspace's look: accent colour, footer label and logo.

use std::path::Path;

use serde::Serialize;
use throughline_core::branding::check_logo;
use throughline_core::BrandingSettings;
use throughline_store::Workspace;
use ts_rs::TS;

use crate::files::{display_name, read_limited};
use crate::limits::MAX_LOGO_BYTES;
use crate::ApiError;

/// The branding as the settings panel shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BrandingView {
    pub accent: String,
    pub footer_label: String,
    /// Whether slides print the beat names.
    pub beat_names: bool,
    /// Whether slides print a two-group difference's 95 % interval.
    pub significance_note: bool,
    /// The logo as a `data:` URL, to show beside its "Remove" button.
    pub logo: Option<String>,
}

impl From<&BrandingSettings> for BrandingView {
    fn from(settings: &BrandingSettings) -> Self {
        Self {
            accent: settings.accent.clone(),
            footer_label: settings.footer_label.clone(),
            beat_names: settings.beat_names,
            significance_note: settings.significance_note,
            logo: settings.logo.as_deref().and_then(|bytes| {
                let format = check_logo(bytes).ok()?;
                Some(format!(
                    "data:{};base64,{}",
                    format.mime(),
                    throughline_render::base64(bytes)
                ))
            }),
        }
    }
}

/// What a change to the look replaces; the rest stays.
#[derive(Debug, Clone)]
pub enum BrandingChange {
    Text {
        accent: String,
        footer_label: String,
        beat_names: bool,
        significance_note: bool,
    },
    Logo(Vec<u8>),
    NoLogo,
}

/// Reads a logo file the user picked (at most [`MAX_LOGO_BYTES`]) and
/// checks it as the store will (its declared size, a full bounded decode),
/// so that a refusal names the file.
pub fn read_logo(path: &Path) -> Result<BrandingChange, ApiError> {
    let bytes = read_limited(path, MAX_LOGO_BYTES as u64, "a logo")?;
    check_logo(&bytes)
        .map_err(|err| ApiError::invalid(format!("{}: {err}", display_name(path))))?;
    Ok(BrandingChange::Logo(bytes))
}

/// Applies a change to the stored look and returns what was stored.
pub fn change_branding(
    workspace: &Workspace,
    change: BrandingChange,
) -> Result<BrandingSettings, ApiError> {
    let current = workspace.branding()?;
    let next = match change {
        BrandingChange::Text {
            accent,
            footer_label,
            beat_names,
            significance_note,
        } => BrandingSettings {
            accent,
            footer_label,
            beat_names,
            significance_note,
            ..current
        },
        BrandingChange::Logo(bytes) => BrandingSettings {
            logo: Some(bytes),
            ..current
        },
        BrandingChange::NoLogo => BrandingSettings {
            logo: None,
            ..current
        },
    };
    Ok(workspace.save_branding(next)?)
}

/// Sets the workspace's company PowerPoint template to the file the user
/// chose (.pptx or .potx), once the renderer has checked it can build on
/// it; answers with its file name.
pub fn set_pptx_template(
    workspace: &throughline_store::Workspace,
    path: &std::path::Path,
) -> Result<Option<String>, ApiError> {
    let name = crate::files::display_name(path);
    let bytes = crate::files::read_limited(
        path,
        throughline_store::MAX_TEMPLATE_BYTES as u64,
        "a PowerPoint template",
    )?;
    throughline_render::check_pptx_template(&bytes)
        .map_err(|err| ApiError::invalid(format!("{name}: {err}")))?;
    workspace.set_pptx_template(&name, &bytes)?;
    Ok(Some(name))
}

/// The template a workspace's PowerPoint exports build on, if any.
pub fn workspace_pptx_template(
    workspace: &throughline_store::Workspace,
) -> Result<Option<Vec<u8>>, ApiError> {
    Ok(workspace.pptx_template()?.map(|(_, bytes)| bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for byte in bytes {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }

    /// A PNG of `width` × `height` grey pixels (8-bit RGBA) whose header
    /// claims `claimed`: the pixel data is one stored deflate block.
    fn png(width: u32, height: u32, claimed: (u32, u32)) -> Vec<u8> {
        let mut raw = Vec::new();
        for _ in 0..height {
            raw.push(0); // no filter
            raw.extend(std::iter::repeat_n([128, 128, 128, 255], width as usize).flatten());
        }
        let (mut a, mut b) = (1u32, 0u32);
        for byte in &raw {
            a = (a + u32::from(*byte)) % 65_521;
            b = (b + a) % 65_521;
        }
        let mut zlib = vec![0x78, 0x01, 1];
        zlib.extend((raw.len() as u16).to_le_bytes());
        zlib.extend((!(raw.len() as u16)).to_le_bytes());
        zlib.extend(&raw);
        zlib.extend(((b << 16) | a).to_be_bytes());
        let mut header = claimed.0.to_be_bytes().to_vec();
        header.extend(claimed.1.to_be_bytes());
        header.extend([8, 6, 0, 0, 0]);
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        chunk(&mut out, b"IHDR", &header);
        chunk(&mut out, b"IDAT", &zlib);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn a_complete_logo_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logo.png");
        let bytes = png(8, 4, (8, 4));
        std::fs::write(&path, &bytes).unwrap();
        assert!(matches!(read_logo(&path), Ok(BrandingChange::Logo(read)) if read == bytes));
    }

    #[test]
    fn a_logo_file_claiming_100000_pixels_a_side_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.png");
        std::fs::write(&path, png(8, 4, (100_000, 100_000))).unwrap();
        let err = read_logo(&path).unwrap_err();
        assert_eq!(err.code, crate::ErrorCode::InvalidInput);
        assert_eq!(
            err.message,
            "huge.png: the logo is 100000 × 100000 pixels; use an image at most 4096 pixels on \
             each side"
        );
        // A header that fits but pixel data that does not.
        std::fs::write(&path, png(8, 4, (8, 40))).unwrap();
        let err = read_logo(&path).unwrap_err();
        assert!(err.message.contains("not a complete image"), "{err}");
    }
}
