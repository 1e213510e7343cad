//! An update's chart as a native PowerPoint chart (`c:chart`) with its own
//! workbook holding exactly its numbers: line, bars, before/after and the
//! funnel as bars, bubbles; the portfolio matrix as bubbles (one series per
//! initiative, named, coloured by bucket) and the allocation as target and
//! actual bars. The views PowerPoint has no chart for (dual tracks, gate
//! tracker, assumption map) and the big number are drawn otherwise by the
//! slide writer.

use throughline_core::chart_reading::ChartReading;
use throughline_core::portfolio::{allocation, Bucket, ValueAxis};
use throughline_core::{ChartKind, ChartSpec};

use super::package::xml;
use super::workbook::{column_name, Cell};
use crate::theme::{Rgb, Theme};

fn hex(rgb: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", rgb.0, rgb.1, rgb.2)
}

/// A chart part and the rows of the workbook it embeds.
pub struct NativeChart {
    pub xml: String,
    pub rows: Vec<Vec<Cell>>,
}

/// The chart as a native chart, when PowerPoint has one for its kind.
pub fn native_chart(
    spec: &ChartSpec,
    reading: &ChartReading,
    theme: &Theme,
    accent: Rgb,
) -> Option<NativeChart> {
    let colours = Colours { theme, accent };
    match spec.kind {
        ChartKind::Line => data_chart(spec, reading, &colours, Plot::Line),
        ChartKind::Bar | ChartKind::BeforeAfter => {
            data_chart(spec, reading, &colours, Plot::Column)
        }
        ChartKind::Funnel => data_chart(spec, reading, &colours, Plot::Funnel),
        ChartKind::Bubble => bubble_chart(spec, &colours),
        ChartKind::PortfolioMatrix => matrix_chart(spec, &colours),
        ChartKind::Allocation => allocation_chart(spec, &colours),
        ChartKind::BigNumber | ChartKind::Tracks | ChartKind::Gates | ChartKind::AssumptionMap => {
            None
        }
    }
}

struct Colours<'a> {
    theme: &'a Theme,
    accent: Rgb,
}

#[derive(Clone, Copy, PartialEq)]
enum Plot {
    Line,
    Column,
    Funnel,
}

const CAT_AX: u32 = 500_001;
const VAL_AX: u32 = 500_002;

fn str_cache(values: &[String]) -> String {
    let points: String = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, xml(v)))
        .collect();
    format!(r#"<c:ptCount val="{}"/>{points}"#, values.len())
}

fn num_cache(values: &[Option<f64>]) -> String {
    let points: String = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            v.filter(|v| v.is_finite())
                .map(|v| format!(r#"<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>"#))
        })
        .collect();
    format!(
        r#"<c:formatCode>General</c:formatCode><c:ptCount val="{}"/>{points}"#,
        values.len()
    )
}

fn str_ref(range: &str, values: &[String]) -> String {
    format!(
        r#"<c:strRef><c:f>{}</c:f><c:strCache>{}</c:strCache></c:strRef>"#,
        xml(range),
        str_cache(values)
    )
}

fn num_ref(range: &str, values: &[Option<f64>]) -> String {
    format!(
        r#"<c:numRef><c:f>{}</c:f><c:numCache>{}</c:numCache></c:numRef>"#,
        xml(range),
        num_cache(values)
    )
}

/// `Sheet1!$B$2:$B$7`
fn range(column: usize, first_row: usize, last_row: usize) -> String {
    let c = column_name(column);
    if first_row == last_row {
        format!("Sheet1!${c}${first_row}")
    } else {
        format!("Sheet1!${c}${first_row}:${c}${last_row}")
    }
}

fn solid(rgb: Rgb) -> String {
    format!(
        r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
        hex(rgb)
    )
}

fn text_properties(size: u32, colour: Rgb) -> String {
    format!(
        r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{size}">{}<a:latin typeface="Inter"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>"#,
        solid(colour)
    )
}

fn title(spec: &ChartSpec, theme: &Theme) -> String {
    if spec.title.trim().is_empty() {
        return r#"<c:autoTitleDeleted val="1"/>"#.to_owned();
    }
    format!(
        r#"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="2000" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="2000" b="1">{}<a:latin typeface="Inter"/></a:rPr><a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>"#,
        solid(theme.text),
        xml(spec.title.trim())
    )
}

fn axes(theme: &Theme, categories_reversed: bool, horizontal: bool) -> String {
    let gridlines = format!(
        r#"<c:majorGridlines><c:spPr><a:ln w="9525">{}</a:ln></c:spPr></c:majorGridlines>"#,
        solid(theme.grid)
    );
    let (cat_pos, val_pos) = if horizontal { ("l", "b") } else { ("b", "l") };
    format!(
        r#"<c:catAx><c:axId val="{CAT_AX}"/><c:scaling><c:orientation val="{}"/></c:scaling><c:delete val="0"/><c:axPos val="{cat_pos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln w="9525">{}</a:ln></c:spPr>{}<c:crossAx val="{VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="{VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="{}"/><c:axPos val="{val_pos}"/>{gridlines}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{}<c:crossAx val="{CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>"#,
        if categories_reversed {
            "maxMin"
        } else {
            "minMax"
        },
        solid(theme.muted),
        // Category names stay level (wrapped, never slanted and cut).
        text_properties(1400, theme.muted)
            .replace("<a:bodyPr/>", r#"<a:bodyPr rot="0" vert="horz"/>"#),
        // Horizontal bars carry their values as labels: no value axis.
        u8::from(horizontal),
        text_properties(1400, theme.muted),
    )
}

fn value_axes(theme: &Theme, x_title: &str, y_title: &str) -> String {
    let axis_title = |text: &str| {
        format!(
            r#"<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="1400">{}</a:rPr><a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>"#,
            solid(theme.muted),
            xml(text)
        )
    };
    let axis = |id: u32, cross: u32, pos: &str, title: &str, grid: bool| {
        format!(
            r#"<c:valAx><c:axId val="{id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="{pos}"/>{}{}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{}<c:crossAx val="{cross}"/><c:crosses val="autoZero"/><c:crossBetween val="midCat"/></c:valAx>"#,
            if grid {
                format!(
                    r#"<c:majorGridlines><c:spPr><a:ln w="9525">{}</a:ln></c:spPr></c:majorGridlines>"#,
                    solid(theme.grid)
                )
            } else {
                String::new()
            },
            axis_title(title),
            text_properties(1400, theme.muted),
        )
    };
    format!(
        "{}{}",
        axis(CAT_AX, VAL_AX, "b", x_title, false),
        axis(VAL_AX, CAT_AX, "l", y_title, true)
    )
}

/// The chart part around a plot: title, a manual plot-area layout (so
/// shapes laid over it line up), the plot, a legend when there are several
/// series.
fn chart_space(spec: &ChartSpec, theme: &Theme, plot: &str, legend: bool) -> String {
    // Horizontal bars name their categories on the left: room for them.
    let left = if plot.contains(r#"<c:barDir val="bar"/>"#) {
        0.24
    } else {
        0.1
    };
    // The legend sits above the plot, as on the PNG and PDF slide: below
    // it, it collided with category names set on a slant.
    let (legend, top, height) = if legend {
        (
            format!(
                r#"<c:legend><c:legendPos val="t"/><c:overlay val="0"/>{}</c:legend>"#,
                text_properties(1400, theme.text)
            ),
            0.27,
            0.57,
        )
    } else {
        (String::new(), 0.14, 0.7)
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/><c:chart>{}<c:plotArea><c:layout><c:manualLayout><c:layoutTarget val="inner"/><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="{left}"/><c:y val="{top}"/><c:w val="{}"/><c:h val="{height}"/></c:manualLayout></c:layout>{plot}</c:plotArea>{legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>"#,
        title(spec, theme),
        0.96 - left,
        text_properties(1400, theme.text),
    )
}

fn data_chart(
    spec: &ChartSpec,
    reading: &ChartReading,
    colours: &Colours<'_>,
    plot: Plot,
) -> Option<NativeChart> {
    let drawn = spec.drawn_parts();
    let spec = drawn.as_ref();
    let data = &spec.data;
    if data.rows.is_empty() || data.series_names().is_empty() {
        return None;
    }
    let labels: Vec<String> = data.rows.iter().map(|r| r.label.clone()).collect();
    let last = data.rows.len() + 1;
    let series_count = data.series_names().len();
    let one_series = series_count == 1;
    let highlighted_category = reading
        .highlight
        .as_deref()
        .and_then(|h| labels.iter().position(|l| l == h));
    let mut sers = String::new();
    for (s, name) in data.series_names().iter().enumerate() {
        let values: Vec<Option<f64>> = data
            .rows
            .iter()
            .map(|r| r.values.get(s).copied().flatten())
            .collect();
        let is_highlight = reading.highlight.as_deref() == Some(name.as_str())
            || (reading.highlight.is_none() && s == 0)
            || (one_series && highlighted_category.is_none());
        let colour = if is_highlight {
            colours.accent
        } else {
            colours.theme.faint
        };
        let tx = str_ref(&range(s + 1, 1, 1), std::slice::from_ref(name));
        let cat = str_ref(&range(0, 2, last), &labels);
        let val = num_ref(&range(s + 1, 2, last), &values);
        let sp = match plot {
            Plot::Line => format!(
                r#"<c:spPr><a:ln w="{}" cap="rnd">{}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>{}<a:ln>{}</a:ln></c:spPr></c:marker>"#,
                if is_highlight { 44450 } else { 28575 },
                solid(colour),
                solid(colour),
                solid(colour)
            ),
            _ => format!(
                r#"<c:spPr>{}</c:spPr><c:invertIfNegative val="0"/>"#,
                solid(colour)
            ),
        };
        // One series with a highlighted category: that bar in the accent.
        let points = match (plot, highlighted_category) {
            (Plot::Column | Plot::Funnel, Some(index)) if one_series => format!(
                r#"<c:dPt><c:idx val="{index}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>{}</c:spPr></c:dPt>"#,
                solid(colours.accent)
            ),
            _ => String::new(),
        };
        let sp = if one_series && highlighted_category.is_some() && plot != Plot::Line {
            format!(
                r#"<c:spPr>{}</c:spPr><c:invertIfNegative val="0"/>"#,
                solid(colours.theme.faint)
            )
        } else {
            sp
        };
        let labels_xml = r#"<c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>"#;
        let show_values = plot != Plot::Line && series_count <= 2 && labels.len() <= 12;
        sers.push_str(&format!(
            r#"<c:ser><c:idx val="{s}"/><c:order val="{s}"/><c:tx>{tx}</c:tx>{sp}{points}{}<c:cat>{cat}</c:cat><c:val>{val}</c:val>{}</c:ser>"#,
            if show_values { labels_xml } else { "" },
            if plot == Plot::Line { r#"<c:smooth val="0"/>"# } else { "" }
        ));
    }
    let plot_xml = match plot {
        Plot::Line => format!(
            r#"<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>{sers}<c:marker val="1"/><c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:lineChart>{}"#,
            axes(colours.theme, false, false)
        ),
        Plot::Column => format!(
            r#"<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>{sers}<c:gapWidth val="60"/><c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:barChart>{}"#,
            axes(colours.theme, false, false)
        ),
        Plot::Funnel => format!(
            r#"<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>{sers}<c:gapWidth val="40"/><c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:barChart>{}"#,
            axes(colours.theme, true, true)
        ),
    };
    let mut rows = vec![data
        .header
        .iter()
        .cloned()
        .map(Cell::Text)
        .collect::<Vec<_>>()];
    for row in &data.rows {
        let mut cells = vec![Cell::Text(row.label.clone())];
        for s in 0..series_count {
            cells.push(match row.values.get(s).copied().flatten() {
                Some(v) => Cell::Number(v),
                None => Cell::Empty,
            });
        }
        rows.push(cells);
    }
    Some(NativeChart {
        xml: chart_space(spec, colours.theme, &plot_xml, series_count > 1),
        rows,
    })
}

/// One bubble series per row: named, at (x, y), sized, in `colour`.
fn bubble_series(
    index: usize,
    row: usize,
    name: &str,
    point: (f64, f64, f64),
    colour: Rgb,
) -> String {
    let (x, y, size) = point;
    format!(
        r#"<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx>{}</c:tx><c:spPr><a:solidFill><a:srgbClr val="{}"><a:alpha val="60000"/></a:srgbClr></a:solidFill><a:ln w="19050">{}</a:ln></c:spPr><c:invertIfNegative val="0"/><c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="r"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="1"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:xVal>{}</c:xVal><c:yVal>{}</c:yVal><c:bubbleSize>{}</c:bubbleSize><c:bubble3D val="0"/></c:ser>"#,
        str_ref(&range(0, row, row), &[name.to_owned()]),
        hex(colour),
        solid(colour),
        num_ref(&range(1, row, row), &[Some(x)]),
        num_ref(&range(2, row, row), &[Some(y)]),
        num_ref(&range(3, row, row), &[Some(size)]),
    )
}

fn bubble_plot(sers: &str, theme: &Theme, x: &str, y: &str) -> String {
    format!(
        r#"<c:bubbleChart><c:varyColors val="0"/>{sers}<c:bubbleScale val="60"/><c:showNegBubbles val="0"/><c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:bubbleChart>{}"#,
        value_axes(theme, x, y)
    )
}

fn bubble_chart(spec: &ChartSpec, colours: &Colours<'_>) -> Option<NativeChart> {
    let data = &spec.data;
    if data.series_names().len() < 3 {
        return None;
    }
    let mut sers = String::new();
    let mut rows = vec![data
        .header
        .iter()
        .cloned()
        .map(Cell::Text)
        .collect::<Vec<_>>()];
    for row in &data.rows {
        let value = |i: usize| row.values.get(i).copied().flatten();
        let (Some(x), Some(y)) = (value(0), value(1)) else {
            continue;
        };
        let size = value(2).unwrap_or(1.0).abs();
        let sheet_row = rows.len() + 1;
        sers.push_str(&bubble_series(
            rows.len() - 1,
            sheet_row,
            &row.label,
            (x, y, size),
            colours.accent,
        ));
        rows.push(vec![
            Cell::Text(row.label.clone()),
            Cell::Number(x),
            Cell::Number(y),
            Cell::Number(size),
        ]);
    }
    if rows.len() == 1 {
        return None;
    }
    let names = data.series_names();
    let plot = bubble_plot(&sers, colours.theme, &names[0], &names[1]);
    Some(NativeChart {
        xml: chart_space(spec, colours.theme, &plot, false),
        rows,
    })
}

fn bucket_colour(bucket: Option<Bucket>, colours: &Colours<'_>) -> Rgb {
    match bucket {
        Some(Bucket::Core) => colours.accent,
        Some(Bucket::Adjacent) => colours.theme.evidence,
        Some(Bucket::Transformational) => colours.theme.conflict,
        None => colours.theme.muted,
    }
}

fn matrix_chart(spec: &ChartSpec, colours: &Colours<'_>) -> Option<NativeChart> {
    let snapshot = spec.portfolio.as_ref()?;
    let basis = allocation(&snapshot.initiatives(), &snapshot.targets).basis;
    let value_name = snapshot.value.label();
    let size_name = match basis {
        throughline_core::portfolio::Basis::Cost => "Cost",
        throughline_core::portfolio::Basis::Fte => "FTE",
    };
    let mut rows = vec![vec![
        Cell::Text("Initiative".into()),
        Cell::Text("Strategic fit".into()),
        Cell::Text(value_name.into()),
        Cell::Text(size_name.into()),
        Cell::Text("Bucket".into()),
    ]];
    let mut sers = String::new();
    for i in &snapshot.initiatives {
        let Some(fit) = i.fit else { continue };
        let value = match snapshot.value {
            ValueAxis::Npv => i.npv,
            ValueAxis::Ecv => i.ecv,
        };
        let size = match basis {
            throughline_core::portfolio::Basis::Cost => i.cost,
            throughline_core::portfolio::Basis::Fte => i.fte,
        }
        .unwrap_or(0.0)
        .max(0.0);
        let shown_size = size;
        sers.push_str(&bubble_series(
            rows.len() - 1,
            rows.len() + 1,
            i.name.trim(),
            (fit, value, shown_size),
            bucket_colour(i.bucket, colours),
        ));
        rows.push(vec![
            Cell::Text(i.name.trim().to_owned()),
            Cell::Number(fit),
            Cell::Number(value),
            Cell::Number(shown_size),
            Cell::Text(i.bucket.map(Bucket::label).unwrap_or_default().to_owned()),
        ]);
    }
    if rows.len() == 1 {
        return None;
    }
    let plot = bubble_plot(&sers, colours.theme, "Strategic fit (0–10)", value_name);
    Some(NativeChart {
        xml: chart_space(spec, colours.theme, &plot, false),
        rows,
    })
}

fn allocation_chart(spec: &ChartSpec, colours: &Colours<'_>) -> Option<NativeChart> {
    let snapshot = spec.portfolio.as_ref()?;
    let shares = allocation(&snapshot.initiatives(), &snapshot.targets);
    let buckets: Vec<String> = shares
        .rows
        .iter()
        .map(|r| r.bucket.label().to_owned())
        .collect();
    let round = |v: f64| (v * 10.0).round() / 10.0;
    let targets: Vec<Option<f64>> = shares.rows.iter().map(|r| Some(round(r.target))).collect();
    let actuals: Vec<Option<f64>> = shares.rows.iter().map(|r| Some(round(r.actual))).collect();
    let last = buckets.len() + 1;
    let actual_name = format!("Actual % of {}", shares.basis.label());
    let ser = |index: usize, name: &str, values: &[Option<f64>], colour: Rgb| {
        format!(
            r#"<c:ser><c:idx val="{index}"/><c:order val="{index}"/><c:tx>{}</c:tx><c:spPr>{}</c:spPr><c:invertIfNegative val="0"/><c:dLbls><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls><c:cat>{}</c:cat><c:val>{}</c:val></c:ser>"#,
            str_ref(&range(index + 1, 1, 1), &[name.to_owned()]),
            solid(colour),
            str_ref(&range(0, 2, last), &buckets),
            num_ref(&range(index + 1, 2, last), values),
        )
    };
    let sers = format!(
        "{}{}",
        ser(0, "Target %", &targets, colours.theme.faint),
        ser(1, &actual_name, &actuals, colours.accent)
    );
    let plot = format!(
        r#"<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>{sers}<c:gapWidth val="50"/><c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:barChart>{}"#,
        axes(colours.theme, true, true)
    );
    let mut rows = vec![vec![
        Cell::Text("Bucket".into()),
        Cell::Text("Target %".into()),
        Cell::Text(actual_name.clone()),
    ]];
    for (i, bucket) in buckets.iter().enumerate() {
        rows.push(vec![
            Cell::Text(bucket.clone()),
            targets[i].map_or(Cell::Empty, Cell::Number),
            actuals[i].map_or(Cell::Empty, Cell::Number),
        ]);
    }
    Some(NativeChart {
        xml: chart_space(spec, colours.theme, &plot, true),
        rows,
    })
}
