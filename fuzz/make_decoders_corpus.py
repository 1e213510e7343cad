#!/usr/bin/env python3
"""Writes the seed corpus of the `decoders` fuzz target (corpus/decoders/):
logos (PNG, JPEG) and chart-data workbooks (.xlsx, .ods, .xls), each built
here from scratch with the standard library only, valid ones and the
hostile shapes the readers must refuse. Run from this folder:

    python3 make_decoders_corpus.py

The fuzzer adds its own inputs to a scratch folder (scripts/fuzz.sh), so
these files change only when this script does.
"""
import os
import struct
import zipfile
import zlib
from io import BytesIO

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "decoders")


# --- logos -----------------------------------------------------------------

def png_chunk(kind, data):
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(width, height, color=6, depth=8, interlace=0, rows=None):
    """A PNG of `width` × `height`; `rows` overrides the pixel data."""
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]

    def scanlines(xs, ys):
        row_bytes = (len(xs) * channels * depth + 7) // 8
        return b"".join(b"\x00" + bytes((x * 7 + y) % 256 for x in range(row_bytes)) for y in ys)
    if rows is None and interlace:
        # Adam7: seven passes, each a smaller image of every n-th pixel.
        passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        rows = b"".join(scanlines(range(x0, width, dx), range(y0, height, dy))
                        for x0, y0, dx, dy in passes if x0 < width and y0 < height)
    elif rows is None:
        rows = scanlines(range(width), range(height))
    header = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, interlace)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
            + png_chunk(b"tEXt", b"Software\x00seed") + png_chunk(b"IDAT", zlib.compress(rows))
            + png_chunk(b"IEND", b""))


def grey_jpeg(width, height, declared=None):
    """A baseline grey JPEG: one component, quantisation all ones, one
    one-bit Huffman code for DC 0 and one for end-of-block (the same
    construction as the unit tests in crates/core/src/branding.rs)."""
    def segment(marker, data):
        return bytes([0xFF, marker]) + struct.pack(">H", len(data) + 2) + data
    fw, fh = declared or (width, height)
    out = b"\xFF\xD8" + segment(0xDB, b"\x00" + b"\x01" * 64)
    out += segment(0xC0, bytes([8]) + struct.pack(">HH", fh, fw) + bytes([1, 1, 0x11, 0]))
    for table_class in (0x00, 0x10):
        out += segment(0xC4, bytes([table_class, 1]) + bytes(15) + b"\x00")
    out += segment(0xDA, bytes([1, 1, 0x00, 0, 63, 0]))
    bits = ((width + 7) // 8) * ((height + 7) // 8) * 2
    out += bytes(bits // 8)
    if bits % 8:
        out += bytes([0xFF >> (bits % 8)])
    return out + b"\xFF\xD9"


# --- zip workbooks ---------------------------------------------------------

def zip_of(parts):
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, body in parts:
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (2025, 1, 1, 0, 0, 0)), body, method)
    return buffer.getvalue()


def xlsx(rows, dimension=None, shared=()):
    """`rows`: (row number, [(reference, value, style)]); str values that
    start with "#s" are shared-string indexes."""
    def cell(ref, value, style):
        s = f' s="{style}"' if style else ""
        if isinstance(value, str) and value.startswith("#s"):
            return f'<c r="{ref}" t="s"{s}><v>{value[2:]}</v></c>'
        if isinstance(value, str):
            return f'<c r="{ref}" t="inlineStr"{s}><is><t>{value}</t></is></c>'
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = "".join(f'<row r="{r}">{"".join(cell(*c) for c in cells)}</row>' for r, cells in rows)
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    strings = "".join(f"<si><t>{s}</t></si>" for s in shared)
    return zip_of([
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/></Types>'),
        ("_rels/.rels",
         f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        ("xl/workbook.xml",
         f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets>'
         '<sheet name="Weekly" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        ("xl/_rels/workbook.xml.rels",
         f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        ("xl/styles.xml",
         f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
         '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'),
        ("xl/sharedStrings.xml",
         f'<?xml version="1.0" encoding="UTF-8"?><sst {ns} count="{len(shared)}" uniqueCount="{len(shared)}">{strings}</sst>'),
        ("xl/worksheets/sheet1.xml",
         f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}>{dim}<sheetData>{body}</sheetData></worksheet>'),
    ])


def ods(rows_xml):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Data">{rows_xml}'
        '</table:table></office:spreadsheet></office:body></office:document-content>')
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '</manifest:manifest>')
    return zip_of([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                   ("META-INF/manifest.xml", manifest), ("content.xml", content)])


def ods_text(text):
    return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'


def ods_number(value, repeated=None):
    r = f' table:number-columns-repeated="{repeated}"' if repeated else ""
    return f'<table:table-cell office:value-type="float" office:value="{value}"{r}/>'


def ods_row(cells, repeated=None):
    r = f' table:number-rows-repeated="{repeated}"' if repeated else ""
    return f"<table:table-row{r}>{''.join(cells)}</table:table-row>"


# --- xls (BIFF8 in a compound file) ----------------------------------------

def record(kind, data=b""):
    return struct.pack("<HH", kind, len(data)) + data


def bof(kind):
    return record(0x0809, struct.pack("<HH", 0x0600, kind) + bytes(12))


def cell(kind, row, col, style, rest):
    return record(kind, struct.pack("<HHH", row, col, style) + rest)


def label(row, col, text):
    return cell(0x0204, row, col, 0, struct.pack("<HB", len(text), 0) + text.encode("latin-1"))


def biff8(globals_extra, sheets):
    """Globals (then one BoundSheet8 per sheet), then each sheet's records."""
    def bound(name, offset):
        return record(0x0085, struct.pack("<IBBBB", offset, 0, 0, len(name), 0) + name.encode("latin-1"))
    head = bof(0x0005) + b"".join(globals_extra)
    offset = len(head) + sum(len(bound(n, 0)) for n, _ in sheets) + 4
    bounds, bodies = b"", b""
    for name, records in sheets:
        bounds += bound(name, offset)
        body = bof(0x0010) + b"".join(records) + record(0x000A)
        offset += len(body)
        bodies += body
    return head + bounds + record(0x000A) + bodies


def compound_file(stream):
    """A version-3 compound file (512-byte sectors) holding `stream` as
    "Workbook", padded to 4096 bytes so it lives in regular sectors."""
    stream = stream + bytes(max(0, 4096 - len(stream)))
    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    data_sectors = (len(stream) + 511) // 512
    fat = [fat_sector] + [i + 2 for i in range(data_sectors - 1)] + [end, end]
    directory_sector = data_sectors + 1
    fat += [free] * (128 - len(fat))

    def entry(name, kind, child, start, size):
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, child) + bytes(16 + 4 + 16)
                + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, 0xFFFFFFFF, 1, len(stream))
                 + entry("", 0, 0xFFFFFFFF, 0, 0) * 2)
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(16)
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<IIIIIIIII", 0, 1, directory_sector, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    body = struct.pack("<128I", *fat) + stream.ljust(data_sectors * 512, b"\x00")
    return header + body + directory


def xls_workbook(cells, extra=()):
    xf_plain = record(0x00E0, bytes(20))
    xf_date = record(0x00E0, bytes(2) + struct.pack("<H", 14) + bytes(16))
    fmt = record(0x041E, struct.pack("<HHB", 164, 10, 0) + b"yyyy-mm-dd")
    sst = record(0x00FC, struct.pack("<II", 2, 2) + struct.pack("<HB", 4, 0) + b"Week"
                 + struct.pack("<HB", 7, 1) + "Signups".encode("utf-16-le"))
    return compound_file(biff8([xf_plain, xf_date, fmt, sst, *extra], [("Weekly", cells)]))


def main():
    os.makedirs(OUT, exist_ok=True)
    rk_12 = struct.pack("<I", (12 << 2) | 2)
    xls_cells = [
        record(0x0200, struct.pack("<IIHHH", 0, 4, 0, 3, 0)),
        cell(0x00FD, 0, 0, 0, struct.pack("<I", 0)),
        cell(0x00FD, 0, 1, 0, struct.pack("<I", 1)),
        label(0, 2, "Target"),
        cell(0x0203, 1, 0, 1, struct.pack("<d", 45_658.0)),
        cell(0x027E, 1, 1, 0, rk_12),
        cell(0x0006, 1, 2, 0, struct.pack("<d", 12.5) + bytes(6) + bytes(4)),
        record(0x00BD, struct.pack("<HH", 2, 0) + struct.pack("<H", 1) + struct.pack("<I", (45_665 << 2) | 2)
               + struct.pack("<H", 0) + rk_12 + struct.pack("<H", 1)),
        cell(0x0006, 2, 2, 0, bytes([0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) + bytes(6)),
        record(0x0207, struct.pack("<HB", 2, 0) + b"14"),
        cell(0x0205, 3, 0, 0, bytes([1, 0])),
        cell(0x0205, 3, 1, 0, bytes([0x07, 1])),
    ]
    weekly = [(1, [("A1", "#s0", 0), ("B1", "#s1", 0), ("C1", "Target", 0)])]
    for i in range(5):
        r = i + 2
        weekly.append((r, [(f"A{r}", 46_000 + 7 * i, 1), (f"B{r}", 10.0 + i, 0), (f"C{r}", 12, 0)]))
    seeds = {
        "logo.png": png(20, 10),
        "logo-grey16-interlaced.png": png(9, 7, color=0, depth=16, interlace=1),
        "logo-claims-100000x100000.png": png(100_000, 100_000, rows=b"\x00" * 64),
        "logo.jpg": grey_jpeg(24, 16),
        "logo-claims-65535x65535.jpg": grey_jpeg(16, 8, declared=(65_535, 65_535)),
        "chart.xlsx": xlsx(weekly, "A1:C6", shared=("Week", "Signups")),
        "far-cell.xlsx": xlsx([(1, [("A1", "Week", 0), ("B1", 12, 0)]), (1048576, [("XFD1048576", 1, 0)])]),
        "declared-everything.xlsx": xlsx([(1, [("A1", "Week", 0), ("B1", 12, 0)])], "A1:XFD1048576"),
        "chart.ods": ods(ods_row([ods_text("Week"), ods_text("Signups")])
                         + "".join(ods_row([ods_text(f"W{w}"), ods_number(w * 1.5)]) for w in range(1, 4))
                         + '<table:table-row table:number-rows-repeated="1048572">'
                           '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'),
        "rows-repeated.ods": ods(ods_row([ods_text("Week"), ods_number(1)], repeated=1_048_576)),
        "columns-repeated.ods": ods(ods_row([ods_number(1, repeated=16_384)])),
        "spaces.ods": ods(ods_row([
            '<table:table-cell office:value-type="string"><text:p>a<text:s text:c="1000000000"/>b</text:p>'
            '<office:annotation><text:p>note</text:p></office:annotation></table:table-cell>', ods_number(1)])),
        "chart.xls": xls_workbook(xls_cells),
        "far-cell.xls": xls_workbook([label(0, 0, "Week"), cell(0x0203, 65535, 255, 0, struct.pack("<d", 1))]),
        "chart.csv": b"Week,Signups\nW1,3\nW2,5\n",
    }
    for name, data in seeds.items():
        with open(os.path.join(OUT, name), "wb") as out:
            out.write(data.encode() if isinstance(data, str) else data)
    print(f"wrote {len(seeds)} seeds to {OUT}")


if __name__ == "__main__":
    main()
