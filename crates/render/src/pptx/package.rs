//! An Open Packaging zip: parts in the order added, stored with one fixed
//! timestamp, so the same deck gives the same bytes.

use std::io::Write as _;

use crate::RenderError;

/// Text as XML character data (and attribute values): escaped, with the
/// characters XML cannot hold left out.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::svg::xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            other => out.push(other),
        }
    }
    out
}

#[derive(Default)]
pub struct Parts {
    parts: Vec<(String, Vec<u8>)>,
}

impl Parts {
    pub fn add(&mut self, name: &str, text: &str) {
        self.parts.push((name.to_owned(), text.as_bytes().to_vec()));
    }

    /// Appends another set of parts after these.
    pub fn append(&mut self, other: Parts) {
        self.parts.extend(other.parts);
    }

    pub fn add_bytes(&mut self, name: &str, bytes: Vec<u8>) {
        self.parts.push((name.to_owned(), bytes));
    }

    /// The zip: deflated parts, every one dated 1980-01-01 00:00.
    pub fn zip(self) -> Result<Vec<u8>, RenderError> {
        let fail = |err: &dyn std::fmt::Display| RenderError::Pptx(err.to_string());
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        for (name, bytes) in self.parts {
            zip.start_file(name, options).map_err(|e| fail(&e))?;
            zip.write_all(&bytes).map_err(|e| fail(&e))?;
        }
        Ok(zip.finish().map_err(|e| fail(&e))?.into_inner())
    }
}
