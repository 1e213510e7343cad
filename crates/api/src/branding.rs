//! The workspace's look: accent colour, footer label and logo.

use std::path::Path;

use serde::Serialize;
use throughline_core::branding::check_logo;
use throughline_core::BrandingSettings;
use throughline_store::Workspace;
use ts_rs::TS;

use crate::files::read_limited;
use crate::limits::MAX_LOGO_BYTES;
use crate::ApiError;

/// The branding as the settings panel shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BrandingView {
    pub accent: String,
    pub footer_label: String,
    /// The logo as a `data:` URL, to show beside its "Remove" button.
    pub logo: Option<String>,
}

impl From<&BrandingSettings> for BrandingView {
    fn from(settings: &BrandingSettings) -> Self {
        Self {
            accent: settings.accent.clone(),
            footer_label: settings.footer_label.clone(),
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
    },
    Logo(Vec<u8>),
    NoLogo,
}

/// Reads a logo file the user picked (at most [`MAX_LOGO_BYTES`]).
pub fn read_logo(path: &Path) -> Result<BrandingChange, ApiError> {
    Ok(BrandingChange::Logo(read_limited(
        path,
        MAX_LOGO_BYTES as u64,
        "a logo",
    )?))
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
        } => BrandingSettings {
            accent,
            footer_label,
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
