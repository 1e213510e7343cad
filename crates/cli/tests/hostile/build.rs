//! Crafted files, built from scratch: images with lying headers, workbooks
//! with far-away cells, workspaces with planted schema objects.

use std::io::Write;
use std::path::Path;

use rusqlite::Connection;

/// The CRC-32 PNG chunks carry (IEEE polynomial, bit by bit: tiny inputs).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
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

fn adler32(bytes: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for byte in bytes {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    let mut body = kind.to_vec();
    body.extend(data);
    out.extend(&body);
    out.extend(crc32(&body).to_be_bytes());
}

/// A PNG whose header claims `width` × `height` RGBA pixels, followed by
/// `payload` zero bytes of image data in stored (uncompressed) deflate
/// blocks — whatever the header says, the file stays small.
pub fn png_claiming(width: u32, height: u32, payload: usize) -> Vec<u8> {
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::new();
    header.extend(width.to_be_bytes());
    header.extend(height.to_be_bytes());
    header.extend([8, 6, 0, 0, 0]); // 8-bit RGBA, deflate, no interlace
    chunk(&mut out, b"IHDR", &header);
    let raw = vec![0u8; payload];
    let mut zlib = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    for (index, block) in blocks.iter().enumerate() {
        zlib.push(u8::from(index + 1 == blocks.len()));
        zlib.extend((block.len() as u16).to_le_bytes());
        zlib.extend((!(block.len() as u16)).to_le_bytes());
        zlib.extend(*block);
    }
    zlib.extend(adler32(&raw).to_be_bytes());
    chunk(&mut out, b"IDAT", &zlib);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A minimal `.xlsx` whose one sheet holds `cells` (`("A1", "Week")`, …):
/// numbers as numbers, the rest as inline strings.
pub fn xlsx_with(cells: &[(&str, &str)], dimension: Option<&str>) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    );
    if let Some(range) = dimension {
        sheet.push_str(&format!(r#"<dimension ref="{range}"/>"#));
    }
    sheet.push_str("<sheetData>");
    for (reference, value) in cells {
        let row: String = reference.chars().filter(char::is_ascii_digit).collect();
        let cell = if value.parse::<f64>().is_ok() {
            format!(r#"<c r="{reference}"><v>{value}</v></c>"#)
        } else {
            format!(r#"<c r="{reference}" t="inlineStr"><is><t>{value}</t></is></c>"#)
        };
        sheet.push_str(&format!(r#"<row r="{row}">{cell}</row>"#));
    }
    sheet.push_str("</sheetData></worksheet>");
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned(),
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned(),
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned(),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned(),
        ),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A workspace made by the app itself, holding `story`, with `sql` run on
/// it afterwards as an attacker with the file would.
pub fn workspace_then(path: &Path, story: &Path, sql: &str) {
    let out = crate::throughline(&["import", "--workspace", crate::s(path), crate::s(story)]);
    assert!(out.status.success(), "{}", crate::stderr(&out));
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
    checkpoint(&conn);
}

fn checkpoint(conn: &Connection) {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
}

/// Stores `logo` as the workspace's logo, past every check of the app.
pub fn plant_logo(path: &Path, logo: &[u8]) {
    let conn = Connection::open(path).unwrap();
    conn.execute("UPDATE branding SET logo = ?1 WHERE id = 1", [logo])
        .unwrap();
    checkpoint(&conn);
}
