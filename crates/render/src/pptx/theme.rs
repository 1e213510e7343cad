//! The deck's own theme, slide master and layouts: the slide's colours,
//! Inter for headings and body (a variable-pitch sans, so a PowerPoint
//! without Inter substitutes a sans), and named layouts whose placeholders
//! sit where our slide puts the title and the beats.

use super::package::xml;
use super::EMU_PER_PX;
use crate::theme::{Rgb, Theme};

fn hex(rgb: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", rgb.0, rgb.1, rgb.2)
}

const FONT: &str = r#"<a:latin typeface="Inter" panose="020B0604020202020204" pitchFamily="34" charset="0"/><a:ea typeface=""/><a:cs typeface=""/>"#;

pub fn theme_xml(theme: &Theme, accent: Rgb) -> String {
    let line = |w: u32| {
        format!(r#"<a:ln w="{w}"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#)
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Throughline"><a:themeElements><a:clrScheme name="Throughline"><a:dk1><a:srgbClr val="{text}"/></a:dk1><a:lt1><a:srgbClr val="{bg}"/></a:lt1><a:dk2><a:srgbClr val="{muted}"/></a:dk2><a:lt2><a:srgbClr val="{grid}"/></a:lt2><a:accent1><a:srgbClr val="{accent}"/></a:accent1><a:accent2><a:srgbClr val="{evidence}"/></a:accent2><a:accent3><a:srgbClr val="{conflict}"/></a:accent3><a:accent4><a:srgbClr val="{context}"/></a:accent4><a:accent5><a:srgbClr val="{muted}"/></a:accent5><a:accent6><a:srgbClr val="{faint}"/></a:accent6><a:hlink><a:srgbClr val="{accent}"/></a:hlink><a:folHlink><a:srgbClr val="{muted}"/></a:folHlink></a:clrScheme><a:fontScheme name="Throughline"><a:majorFont>{FONT}</a:majorFont><a:minorFont>{FONT}</a:minorFont></a:fontScheme><a:fmtScheme name="Throughline"><a:fillStyleLst>{f1}{f1}{f1}</a:fillStyleLst><a:lnStyleLst>{l1}{l2}{l3}</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst>{f1}{f1}{f1}</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>"#,
        text = hex(theme.text),
        bg = hex(theme.background),
        muted = hex(theme.muted),
        grid = hex(theme.grid),
        faint = hex(theme.faint),
        accent = hex(accent),
        evidence = hex(theme.evidence),
        conflict = hex(theme.conflict),
        context = hex(theme.context),
        f1 = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#,
        l1 = line(6350),
        l2 = line(12700),
        l3 = line(19050),
    )
}

/// A rectangle in slide pixels (1920 × 1080) as DrawingML's offset and size.
pub fn xfrm(x: f32, y: f32, w: f32, h: f32) -> String {
    let emu = |v: f32| (v.max(0.0) * EMU_PER_PX as f32).round() as i64;
    format!(
        r#"<a:xfrm><a:off x="{}" y="{}"/><a:ext cx="{}" cy="{}"/></a:xfrm>"#,
        emu(x),
        emu(y),
        emu(w),
        emu(h)
    )
}

/// Where the title and the beats sit (the slide's own layout).
pub const TITLE_BOX: (f32, f32, f32, f32) = (96.0, 58.0, 1728.0, 150.0);
pub const BEATS_BOX: (f32, f32, f32, f32) = (96.0, 230.0, 800.0, 755.0);
pub const WIDE_BEATS_BOX: (f32, f32, f32, f32) = (96.0, 230.0, 1728.0, 755.0);

fn placeholder(id: u32, name: &str, ph: &str, bx: (f32, f32, f32, f32), body: &str) -> String {
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr><p:txBody><a:bodyPr wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>"#,
        xfrm(bx.0, bx.1, bx.2, bx.3)
    )
}

const SP_TREE_START: &str = r#"<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

pub fn sp_tree_start() -> &'static str {
    SP_TREE_START
}

const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

pub fn ns() -> &'static str {
    NS
}

pub fn master_xml(theme: &Theme, layouts: usize) -> String {
    let ids: String = (0..layouts)
        .map(|i| {
            format!(
                r#"<p:sldLayoutId id="{}" r:id="rId{}"/>"#,
                2_147_483_649u64 + i as u64,
                i + 1
            )
        })
        .collect();
    let para = |size: u32, bold: bool| {
        format!(
            r#"<a:lvl1pPr marL="0" indent="0"><a:buNone/><a:defRPr sz="{size}" b="{}"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+mj-lt"/></a:defRPr></a:lvl1pPr>"#,
            u8::from(bold)
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldMaster {NS}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="{bg}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>{SP_TREE_START}{title}{body}</p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/><p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst><p:txStyles><p:titleStyle>{t}</p:titleStyle><p:bodyStyle>{b}</p:bodyStyle><p:otherStyle>{o}</p:otherStyle></p:txStyles></p:sldMaster>"#,
        bg = hex(theme.background),
        title = placeholder(
            2,
            "Title",
            r#"<p:ph type="title"/>"#,
            TITLE_BOX,
            "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>"
        ),
        body = placeholder(
            3,
            "Story",
            r#"<p:ph type="body" idx="1"/>"#,
            BEATS_BOX,
            "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>"
        ),
        t = para(4400, true),
        b = para(2000, false),
        o = para(1800, false),
    )
}

/// The layouts, in master order: (name, whether the story takes the whole width).
pub const LAYOUTS: [(&str, bool); 2] = [
    ("Throughline: story and chart", false),
    ("Throughline: story", true),
];

pub fn layout_xml(name: &str, wide: bool) -> String {
    let body_box = if wide { WIDE_BEATS_BOX } else { BEATS_BOX };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:sldLayout {NS} preserve="1"><p:cSld name="{}">{SP_TREE_START}{}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#,
        xml(name),
        placeholder(
            2,
            "Title",
            r#"<p:ph type="title"/>"#,
            TITLE_BOX,
            "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>"
        ),
        placeholder(
            3,
            "Story",
            r#"<p:ph type="body" idx="1"/>"#,
            body_box,
            "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>"
        ),
    )
}

pub fn notes_master_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:notesMaster {NS}><p:cSld>{SP_TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="381000" y="685800"/><a:ext cx="6096000" cy="3429000"/></a:xfrm></p:spPr></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" sz="quarter" idx="3"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="4343400"/><a:ext cx="5486400" cy="4114800"/></a:xfrm></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp></p:spTree></p:cSld><p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/></p:notesMaster>"#
    )
}

/// A notes page holding `notes`, one paragraph per line.
pub fn notes_slide_xml(notes: &str) -> String {
    let paragraphs: String = notes
        .lines()
        .map(|line| {
            format!(
                r#"<a:p><a:r><a:rPr lang="en-US" dirty="0"/><a:t>{}</a:t></a:r></a:p>"#,
                xml(line)
            )
        })
        .collect();
    let paragraphs = if paragraphs.is_empty() {
        "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>".to_owned()
    } else {
        paragraphs
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:notes {NS}><p:cSld>{SP_TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#
    )
}
