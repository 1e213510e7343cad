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
    /// Whether slides print the beat names above the beats (off: the
    /// beats read as a compact narrative).
    #[serde(default)]
    pub beat_names: bool,
    /// Whether slides print, under the evidence, the 95 % interval of a
    /// difference between two groups whose sizes the update gives
    /// ([`crate::coach::significance::slide_note`]).
    #[serde(default)]
    pub significance_note: bool,
    /// PNG or JPEG bytes.
    #[serde(skip)]
    pub logo: Option<Vec<u8>>,
}

impl Default for BrandingSettings {
    fn default() -> Self {
        Self {
            accent: DEFAULT_ACCENT.to_owned(),
            footer_label: String::new(),
            beat_names: false,
            significance_note: false,
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

/// A logo must be a PNG or JPEG image of a sensible size: at most
/// [`MAX_LOGO_BYTES`], at most [`MAX_LOGO_SIDE`] pixels on each side (read
/// from its header before anything is decoded), and complete (decoded in
/// full, within memory limits). The renderer draws the logo 160 × 40 points
/// on a slide, so a larger image only costs memory each time it is drawn.
pub fn check_logo(bytes: &[u8]) -> Result<LogoFormat, CoreError> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(CoreError::InvalidBranding(format!(
            "the logo is {:.1} MB; use an image under {} MB",
            bytes.len() as f64 / 1_048_576.0,
            MAX_LOGO_BYTES / 1_048_576
        )));
    }
    let format = LogoFormat::sniff(bytes)
        .ok_or_else(|| CoreError::InvalidBranding("the logo must be a PNG or JPEG image".into()))?;
    let size = match format {
        LogoFormat::Png => png_size(bytes)?,
        LogoFormat::Jpeg => jpeg_size(bytes)?,
    };
    check_size(size)?;
    match format {
        LogoFormat::Png => decode_png(bytes)?,
        LogoFormat::Jpeg => decode_jpeg(bytes)?,
    }
    Ok(format)
}

/// The longest side of a logo, in pixels: 4096 × 4096 is 64 MB as RGBA
/// when the renderer draws it (twice that for a 16-bit PNG).
pub const MAX_LOGO_SIDE: u32 = 4096;
/// What the PNG decoder may allocate besides its row buffers (text, ICC
/// profile and other metadata chunks); the file itself is at most 2 MB.
const PNG_METADATA_BYTES: usize = 8 * 1024 * 1024;

/// A logo's width and height, in pixels, as its header declares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Size {
    width: u32,
    height: u32,
}

fn check_size(size: Size) -> Result<(), CoreError> {
    if size.width == 0 || size.height == 0 {
        return Err(broken("its header gives it no pixels"));
    }
    if size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE {
        return Err(CoreError::InvalidBranding(format!(
            "the logo is {} × {} pixels; use an image at most {MAX_LOGO_SIDE} pixels on each side",
            size.width, size.height
        )));
    }
    Ok(())
}

fn broken(why: impl std::fmt::Display) -> CoreError {
    CoreError::InvalidBranding(format!(
        "the logo is not a complete image ({why}); export it again as PNG or JPEG"
    ))
}

/// The size in a PNG's IHDR chunk, which the format puts first.
fn png_size(bytes: &[u8]) -> Result<Size, CoreError> {
    let be32 = |at: usize| {
        bytes
            .get(at..at + 4)
            .and_then(|four| four.try_into().ok())
            .map(u32::from_be_bytes)
    };
    let header_length = be32(8);
    let header_type = bytes.get(12..16);
    match (header_length, header_type, be32(16), be32(20)) {
        (Some(13), Some(b"IHDR"), Some(width), Some(height)) => Ok(Size { width, height }),
        _ => Err(broken("the PNG does not start with its header chunk")),
    }
}

/// Decodes every row of the image (one row in memory at a time) and reads
/// on to the end chunk, so a truncated or corrupt file is refused.
fn decode_png(bytes: &[u8]) -> Result<(), CoreError> {
    let limits = png::Limits {
        bytes: PNG_METADATA_BYTES,
    };
    let decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    let mut reader = decoder.read_info().map_err(broken)?;
    while reader.next_row().map_err(broken)?.is_some() {}
    reader.finish().map_err(broken)
}

/// The size in a JPEG's frame header (SOF0…SOF15), found by walking the
/// segments that come before it.
fn jpeg_size(bytes: &[u8]) -> Result<Size, CoreError> {
    let mut at = 2; // after SOI
    loop {
        if bytes.get(at) != Some(&0xFF) {
            return Err(broken("the JPEG has no frame header"));
        }
        while bytes.get(at) == Some(&0xFF) {
            at += 1; // a marker, possibly after fill bytes
        }
        let marker = *bytes
            .get(at)
            .ok_or_else(|| broken("the JPEG ends before its frame header"))?;
        at += 1;
        match marker {
            0x01 | 0xD0..=0xD8 => continue, // markers without a length
            0xD9 | 0xDA => return Err(broken("the JPEG has no frame header")),
            _ => {}
        }
        let length = bytes
            .get(at..at + 2)
            .map(|two| usize::from(u16::from_be_bytes([two[0], two[1]])))
            .filter(|length| *length >= 2)
            .ok_or_else(|| broken("a JPEG segment has no length"))?;
        let segment = bytes
            .get(at + 2..at + length)
            .ok_or_else(|| broken("the JPEG ends inside a segment"))?;
        if is_frame_header(marker) {
            return frame_size(segment);
        }
        at += length;
    }
}

/// SOF0…SOF15, leaving out DHT (C4), JPG (C8) and DAC (CC).
fn is_frame_header(marker: u8) -> bool {
    matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC)
}

/// A frame header: precision (1 byte), height, width (2 bytes each).
fn frame_size(segment: &[u8]) -> Result<Size, CoreError> {
    match segment {
        [_precision, h1, h0, w1, w0, ..] => Ok(Size {
            width: u32::from(u16::from_be_bytes([*w1, *w0])),
            height: u32::from(u16::from_be_bytes([*h1, *h0])),
        }),
        _ => Err(broken("the JPEG frame header is too short")),
    }
}

/// Decodes the whole image in strict mode (a missing or damaged scan is an
/// error, not grey pixels), with the decoder's own size limit set to ours.
fn decode_jpeg(bytes: &[u8]) -> Result<(), CoreError> {
    use zune_jpeg::zune_core::options::DecoderOptions;
    let side = MAX_LOGO_SIDE as usize;
    let options = DecoderOptions::default()
        .set_max_width(side)
        .set_max_height(side)
        .set_strict_mode(true);
    let mut decoder =
        zune_jpeg::JpegDecoder::new_with_options(std::io::Cursor::new(bytes), options);
    decoder.decode().map(drop).map_err(broken)
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

    /// A PNG chunk: length, type, data and the CRC of type and data.
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        out.extend(kind);
        out.extend(data);
        let mut crc = !0u32;
        for byte in kind.iter().chain(data) {
            crc ^= u32::from(*byte);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        out.extend((!crc).to_be_bytes());
    }

    /// A PNG whose header claims `width` × `height` RGBA pixels over an
    /// IDAT of one empty stored deflate block (far too little data).
    fn png_claiming(width: u32, height: u32) -> Vec<u8> {
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut header = Vec::new();
        header.extend(width.to_be_bytes());
        header.extend(height.to_be_bytes());
        header.extend([8, 6, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &header);
        chunk(
            &mut out,
            b"IDAT",
            &[0x78, 0x01, 0x01, 0, 0, 0xFF, 0xFF, 0, 0, 0, 1],
        );
        chunk(&mut out, b"IEND", &[]);
        out
    }

    /// A real PNG, written by the png crate: a horizontal gradient.
    fn png_image(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        let pixels: Vec<u8> = (0..width * height)
            .flat_map(|i| [(i % width) as u8, 40, 200, 255])
            .collect();
        writer.write_image_data(&pixels).unwrap();
        writer.finish().unwrap();
        out
    }

    /// A baseline grey JPEG built by hand: one component, quantisation
    /// all ones, and Huffman tables holding one one-bit code each (DC
    /// difference 0, AC end-of-block), so every 8 × 8 block is two 0 bits.
    /// `declared` overrides the size in the frame header.
    fn grey_jpeg(width: u16, height: u16, declared: Option<(u16, u16)>) -> Vec<u8> {
        let segment = |out: &mut Vec<u8>, marker: u8, data: &[u8]| {
            out.extend([0xFF, marker]);
            out.extend(((data.len() + 2) as u16).to_be_bytes());
            out.extend(data);
        };
        let (frame_width, frame_height) = declared.unwrap_or((width, height));
        let mut out = vec![0xFF, 0xD8];
        let mut quantisation = vec![0x00];
        quantisation.extend([1; 64]);
        segment(&mut out, 0xDB, &quantisation);
        let mut frame = vec![8];
        frame.extend(frame_height.to_be_bytes());
        frame.extend(frame_width.to_be_bytes());
        frame.extend([1, 1, 0x11, 0]);
        segment(&mut out, 0xC0, &frame);
        for class in [0x00, 0x10] {
            let mut table = vec![class, 1];
            table.extend([0; 15]);
            table.push(0x00);
            segment(&mut out, 0xC4, &table);
        }
        segment(&mut out, 0xDA, &[1, 1, 0x00, 0, 63, 0]);
        let blocks = usize::from(width.div_ceil(8)) * usize::from(height.div_ceil(8));
        let bits = blocks * 2;
        out.extend(vec![0; bits / 8]);
        if bits % 8 != 0 {
            out.push(0xFF >> (bits % 8)); // padded with one bits
        }
        out.extend([0xFF, 0xD9]);
        out
    }

    fn message(result: Result<LogoFormat, CoreError>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn a_logo_claiming_100000_by_100000_pixels_is_refused_from_its_header() {
        let bytes = png_claiming(100_000, 100_000);
        assert!(bytes.len() < 100);
        let started = std::time::Instant::now();
        assert_eq!(
            message(check_logo(&bytes)),
            "the logo is 100000 × 100000 pixels; use an image at most 4096 pixels on each side"
        );
        assert!(started.elapsed() < std::time::Duration::from_millis(100));
        // One side over the limit is enough.
        assert!(message(check_logo(&png_claiming(4097, 10))).contains("4097 × 10"));
    }

    #[test]
    fn a_jpeg_claiming_65535_pixels_a_side_is_refused_from_its_header() {
        let bytes = grey_jpeg(16, 8, Some((65_535, 65_535)));
        assert_eq!(
            message(check_logo(&bytes)),
            "the logo is 65535 × 65535 pixels; use an image at most 4096 pixels on each side"
        );
    }

    #[test]
    fn complete_png_and_jpeg_logos_are_accepted() {
        assert_eq!(check_logo(&png_image(200, 50)).unwrap(), LogoFormat::Png);
        let jpeg = grey_jpeg(200, 50, None);
        assert!(jpeg.len() < 300, "{} bytes", jpeg.len());
        assert_eq!(check_logo(&jpeg).unwrap(), LogoFormat::Jpeg);
        assert_eq!(check_logo(&png_image(4096, 1)).unwrap(), LogoFormat::Png);
    }

    #[test]
    fn truncated_or_corrupt_logos_are_refused() {
        let png = png_image(200, 50);
        for cut in [png.len() / 2, png.len() - 12, 30] {
            let err = message(check_logo(&png[..cut]));
            assert!(
                err.starts_with("the logo is not a complete image"),
                "{cut}: {err}"
            );
        }
        let mut flipped = png.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x55; // caught by the chunk's CRC
        assert!(check_logo(&flipped).is_err());
        // The claimed size is allowed but the pixel data is missing.
        assert!(message(check_logo(&png_claiming(200, 50))).contains("not a complete image"));

        let jpeg = grey_jpeg(200, 200, None);
        let err = message(check_logo(&jpeg[..jpeg.len() - 40]));
        assert!(err.starts_with("the logo is not a complete image"), "{err}");
        assert!(check_logo(&jpeg[..20]).is_err());
        let no_frame = [0xFF, 0xD8, 0xFF, 0xD9];
        assert!(message(check_logo(&no_frame)).contains("no frame header"));
        assert!(check_logo(&grey_jpeg(16, 8, Some((16, 0)))).is_err());
    }

    #[test]
    fn only_png_and_jpeg_are_logos() {
        for bytes in [
            &b"<svg/>"[..],
            b"GIF89a\x01\x00\x01\x00",
            b"RIFF\x1a\x00\x00\x00WEBPVP8L",
            b"",
        ] {
            assert_eq!(
                message(check_logo(bytes)),
                "the logo must be a PNG or JPEG image"
            );
        }
        assert!(message(check_logo(&vec![0x89; MAX_LOGO_BYTES + 1])).contains("MB"));
    }

    #[test]
    fn branding_with_a_broken_logo_is_refused() {
        let settings = BrandingSettings {
            logo: Some(png_claiming(100_000, 100_000)),
            ..Default::default()
        };
        assert!(settings.normalized().is_err());
        let settings = BrandingSettings {
            logo: Some(png_image(200, 50)),
            ..Default::default()
        };
        assert!(settings.normalized().is_ok());
    }
}
