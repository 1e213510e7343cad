//! Initiatives from a spreadsheet: a pasted table, a CSV file or an .xlsx
//! sheet (read to text first), one initiative per row, with the columns
//! `name, owner, objective, horizon, bucket, slider, cost, fte,
//! p_technical, p_commercial, fit, risk_regulatory, risk_brand,
//! risk_infrastructure, risk_delivery, depends_on` (names separated by
//! `;`) and cash flows as further columns `P0, P1, …`. Any column may be
//! left out but `name`; an unknown column is refused by name. Every
//! problem names its row and column; nothing is imported until all rows
//! read.

use std::collections::BTreeSet;

use thiserror::Error;

use super::model::{Bucket, Horizon, Initiative, Risk, RiskKind};
use crate::table::{number_cell, text_rows, TableError};

#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportError {
    #[error(transparent)]
    Table(#[from] TableError),
    #[error("the table has no header row naming its columns (name, owner, horizon, bucket, cost, P0, P1…)")]
    NoHeader,
    #[error("the header has no “name” column: every initiative needs a name")]
    NoNameColumn,
    #[error("column {column} (“{header}”) is not one the portfolio reads: {known}")]
    UnknownColumn {
        column: usize,
        header: String,
        known: &'static str,
    },
    #[error("row {row}, column {column} (“{header}”): {problem}")]
    Cell {
        row: usize,
        column: usize,
        header: String,
        problem: String,
    },
    #[error("row {row}: {problem}")]
    Row { row: usize, problem: String },
}

const KNOWN: &str = "name, owner, objective, horizon, bucket, slider, cost, fte, p_technical, p_commercial, fit, risk_regulatory, risk_brand, risk_infrastructure, risk_delivery, depends_on, P0, P1…";

#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Name,
    Owner,
    Objective,
    Horizon,
    Bucket,
    Slider,
    Cost,
    Fte,
    PTechnical,
    PCommercial,
    Fit,
    Risk(RiskKind),
    DependsOn,
    Flow(usize),
}

fn column_of(header: &str) -> Option<Column> {
    let h = header.trim().to_lowercase().replace([' ', '-'], "_");
    Some(match h.as_str() {
        "name" => Column::Name,
        "owner" => Column::Owner,
        "objective" => Column::Objective,
        "horizon" => Column::Horizon,
        "bucket" => Column::Bucket,
        "slider" => Column::Slider,
        "cost" => Column::Cost,
        "fte" => Column::Fte,
        "p_technical" => Column::PTechnical,
        "p_commercial" => Column::PCommercial,
        "fit" => Column::Fit,
        "risk_regulatory" => Column::Risk(RiskKind::Regulatory),
        "risk_brand" => Column::Risk(RiskKind::Brand),
        "risk_infrastructure" => Column::Risk(RiskKind::Infrastructure),
        "risk_delivery" => Column::Risk(RiskKind::Delivery),
        "depends_on" => Column::DependsOn,
        other => {
            let period = other.strip_prefix('p')?;
            let index: usize = period.parse().ok()?;
            if index >= super::model::MAX_PERIODS {
                return None;
            }
            Column::Flow(index)
        }
    })
}

/// Reads the table; all rows or an error naming the first bad cell.
pub fn parse_initiatives(text: &str) -> Result<Vec<Initiative>, ImportError> {
    let table = text_rows(text)?;
    let mut rows = table.rows.into_iter();
    let (_, header) = rows.next().ok_or(ImportError::NoHeader)?;
    let columns: Vec<Column> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            column_of(h).ok_or_else(|| ImportError::UnknownColumn {
                column: i + 1,
                header: h.trim().to_owned(),
                known: KNOWN,
            })
        })
        .collect::<Result<_, _>>()?;
    if !columns.contains(&Column::Name) {
        return Err(ImportError::NoNameColumn);
    }
    let mut names = BTreeSet::new();
    let mut out = Vec::new();
    for (row, cells) in rows {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut initiative = Initiative::default();
        for (index, column) in columns.iter().enumerate() {
            let cell = cells.get(index).map_or("", |c| c.trim());
            let fail = |problem: String| ImportError::Cell {
                row,
                column: index + 1,
                header: header[index].trim().to_owned(),
                problem,
            };
            let number = |cell: &str| -> Result<Option<f64>, ImportError> {
                number_cell(cell, table.decimal_comma)
                    .map_err(|why| fail(format!("“{cell}” {why}")))
            };
            match column {
                Column::Name => initiative.name = cell.to_owned(),
                Column::Owner => initiative.owner = cell.to_owned(),
                Column::Objective => initiative.objective = cell.to_owned(),
                Column::Horizon if cell.is_empty() => {}
                Column::Horizon => {
                    initiative.horizon = Some(Horizon::parse(cell).ok_or_else(|| {
                        fail(format!("“{cell}” is not a horizon: Now, Next or Later"))
                    })?);
                }
                Column::Bucket if cell.is_empty() => {}
                Column::Bucket => {
                    initiative.bucket = Some(Bucket::parse(cell).ok_or_else(|| {
                        fail(format!(
                            "“{cell}” is not a bucket: core, adjacent or transformational"
                        ))
                    })?);
                }
                Column::Slider => {
                    if let Some(v) = number(cell)? {
                        if !(0.0..=100.0).contains(&v) {
                            return Err(fail(format!("{v} is off the slider, which runs 0–100")));
                        }
                        initiative.slider = v.round() as u8;
                    }
                }
                Column::Cost => initiative.cost = number(cell)?,
                Column::Fte => initiative.fte = number(cell)?,
                Column::PTechnical => {
                    initiative.p_technical = probability(number(cell)?).map_err(fail)?
                }
                Column::PCommercial => {
                    initiative.p_commercial = probability(number(cell)?).map_err(fail)?
                }
                Column::Fit => initiative.fit = number(cell)?,
                Column::Risk(kind) => {
                    if let Some(v) = number(cell)? {
                        if v.fract() != 0.0 || !(1.0..=5.0).contains(&v) {
                            return Err(fail(format!("{v} is not a risk level: 1 to 5")));
                        }
                        initiative.risks.push(Risk {
                            kind: *kind,
                            level: v as u8,
                            red_line: false,
                        });
                    }
                }
                Column::DependsOn => {
                    initiative.depends_on = cell
                        .split(';')
                        .map(str::trim)
                        .filter(|d| !d.is_empty())
                        .map(str::to_owned)
                        .collect();
                }
                Column::Flow(t) => {
                    if let Some(v) = number(cell)? {
                        if initiative.cash_flows.len() <= *t {
                            initiative.cash_flows.resize(t + 1, 0.0);
                        }
                        initiative.cash_flows[*t] = v;
                    }
                }
            }
        }
        initiative.validate().map_err(|err| ImportError::Row {
            row,
            problem: err.to_string(),
        })?;
        if !names.insert(initiative.name.trim().to_lowercase()) {
            return Err(ImportError::Row {
                row,
                problem: format!("a second initiative is called “{}”", initiative.name.trim()),
            });
        }
        out.push(initiative);
    }
    Ok(out)
}

/// A probability as written: 0.8, or 80 %.
fn probability(value: Option<f64>) -> Result<f64, String> {
    match value {
        None => Ok(1.0),
        Some(p) if (0.0..=1.0).contains(&p) => Ok(p),
        Some(p) if (1.0..=100.0).contains(&p) => Ok(p / 100.0),
        Some(p) => Err(format!(
            "{p} is not a probability: between 0 and 1 (or 0 % and 100 %)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pasted_sheet_becomes_initiatives_with_text_and_numbers_where_they_belong() {
        let text = "name\towner\thorizon\tbucket\tslider\tcost\tp_technical\tp_commercial\tfit\trisk_regulatory\tdepends_on\tP0\tP1\tP2\n\
                    Loan calculator\tLending squad\tNow\tcore\t20\t200\t0.9\t80%\t7\t2\t\t-50\t30\t40\n\
                    Risk-scoring engine\tData team\tNext\tadjacent\t70\t300\t0.6\t0.5\t8\t4\tLoan calculator; Ghost\t-100\t-100\t90\n";
        let initiatives = parse_initiatives(text).unwrap();
        assert_eq!(initiatives.len(), 2);
        let calculator = &initiatives[0];
        assert_eq!(calculator.owner, "Lending squad");
        assert_eq!(calculator.horizon, Some(Horizon::Now));
        assert_eq!(calculator.p_commercial, 0.8, "80% reads as 0.8");
        assert_eq!(calculator.cash_flows, [-50.0, 30.0, 40.0]);
        assert_eq!(calculator.risks[0].level, 2);
        assert_eq!(initiatives[1].depends_on, ["Loan calculator", "Ghost"]);
    }

    #[test]
    fn a_bad_cell_is_named_by_row_and_column() {
        let text = "name,horizon,cost\nUpsell bundles,Now,500\nMoonshot lab,Someday,100\n";
        let err = parse_initiatives(text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 3, column 2 (“horizon”): “Someday” is not a horizon: Now, Next or Later"
        );
        let err = parse_initiatives("name,cost\nUpsell,lots\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "row 2, column 2 (“cost”): “lots” is not a number"
        );
        let err = parse_initiatives("name,colour\nUpsell,red\n").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("column 2 (“colour”) is not one the portfolio reads"));
        assert_eq!(
            parse_initiatives("owner\nAna\n").unwrap_err(),
            ImportError::NoNameColumn
        );
        let twice = parse_initiatives("name\nUpsell\nupsell\n").unwrap_err();
        assert_eq!(
            twice.to_string(),
            "row 3: a second initiative is called “upsell”"
        );
        assert!(
            parse_initiatives("name,p_technical\nX,1.5\n").is_ok(),
            "1.5 % is a probability"
        );
        assert!(parse_initiatives("name,p_technical\nX,150\n").is_err());
    }

    #[test]
    fn a_semicolon_csv_reads_decimal_commas_and_names_keep_their_own_text() {
        let text = "name;cost;P0\n\"Ürün, paket\";1.250,5;-3,5\n新しい計算機;10;1\n";
        let initiatives = parse_initiatives(text).unwrap();
        assert_eq!(initiatives[0].name, "Ürün, paket");
        assert_eq!(initiatives[0].cost, Some(1250.5));
        assert_eq!(initiatives[0].cash_flows, [-3.5]);
        assert_eq!(initiatives[1].name, "新しい計算機");
    }
}
