//! The workspace's company PowerPoint template: its file name and bytes,
//! one at most. The bytes are checked by the renderer when set and when a
//! deck is written; the store only keeps them within their size.

use rusqlite::{params, OptionalExtension};

use crate::{StoreError, Workspace};

/// The largest template kept (as the renderer reads at most).
pub const MAX_TEMPLATE_BYTES: usize = 50 * 1024 * 1024;

impl Workspace {
    /// The template's file name and bytes, when one is set.
    pub fn pptx_template(&self) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, bytes FROM pptx_template WHERE id = 1",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    /// Its file name alone (what the window shows).
    pub fn pptx_template_name(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT name FROM pptx_template WHERE id = 1", [], |row| {
                row.get(0)
            })
            .optional()?)
    }

    pub fn set_pptx_template(&self, name: &str, bytes: &[u8]) -> Result<(), StoreError> {
        if bytes.len() > MAX_TEMPLATE_BYTES {
            return Err(StoreError::Invalid(
                throughline_core::CoreError::InvalidBranding(
                    "a PowerPoint template is at most 50 MB".into(),
                ),
            ));
        }
        self.conn.execute(
            "INSERT INTO pptx_template (id, name, bytes) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, bytes = excluded.bytes",
            params![name, bytes],
        )?;
        Ok(())
    }

    pub fn clear_pptx_template(&self) -> Result<(), StoreError> {
        self.conn.execute("DELETE FROM pptx_template", [])?;
        Ok(())
    }
}
