use super::*;

fn row(label: &str, values: &[Option<f64>]) -> DataRow {
    DataRow {
        label: label.to_owned(),
        values: values.to_vec(),
    }
}

fn header(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

#[test]
fn hostile_pastes_that_must_be_read() {
    let long_label = "L".repeat(100_000);
    let long_input = format!("Name,Value\n{long_label},1\n");
    let cases: Vec<(&str, String, Vec<String>, Vec<DataRow>)> = vec![
        (
            "Excel clipboard: BOM, tabs, CRLF, empty top-left cell",
            "\u{feff}\tPilot\tControl\r\nWeek 1\t12\t10\r\nWeek 2\t\t11\r\n".into(),
            header(&["", "Pilot", "Control"]),
            vec![
                row("Week 1", &[Some(12.0), Some(10.0)]),
                row("Week 2", &[None, Some(11.0)]),
            ],
        ),
        (
            "a Markdown pipe table with alignment, a German decimal comma and an escaped pipe",
            "| Quartal | Umsatz \\| netto |\n| :--- | ---: |\n| Q1 | 12,5 |\n| Q2 | 14,25 |\n".into(),
            header(&["Quartal", "Umsatz | netto"]),
            vec![row("Q1", &[Some(12.5)]), row("Q2", &[Some(14.25)])],
        ),
        (
            "CR-only line ends and trailing blank lines",
            "Month,Users\rJan,1\rFeb,2\r\r\r".into(),
            header(&["Month", "Users"]),
            vec![row("Jan", &[Some(1.0)]), row("Feb", &[Some(2.0)])],
        ),
        (
            "RFC 4180 quotes: delimiters, doubled quotes, line breaks",
            "\"Region, name\",\"The \"\"real\"\" value\"\n\"North\nEast\",\"1,234\"\n  \"South\" ,  7 \n"
                .into(),
            header(&["Region, name", "The \"real\" value"]),
            vec![row("North\nEast", &[Some(1234.0)]), row("South", &[Some(7.0)])],
        ),
        (
            "European semicolons with decimal commas",
            "Monat;Umsatz;Quote\nJan;1.234,5;12,5 %\nFeb;1 234,5;−4\n".into(),
            header(&["Monat", "Umsatz", "Quote"]),
            vec![
                row("Jan", &[Some(1234.5), Some(12.5)]),
                row("Feb", &[Some(1234.5), Some(-4.0)]),
            ],
        ),
        (
            "A German sheet pasted with tabs: the decimal comma is detected",
            "Monat\tWert\nJan\t12,5\nFeb\t1.234\n".into(),
            header(&["Monat", "Wert"]),
            vec![row("Jan", &[Some(12.5)]), row("Feb", &[Some(1234.0)])],
        ),
        (
            "Percent, currency, suffixes, parentheses, unicode minus, gaps",
            "Item,A,B,C\nx,12%,$1.2M,(3)\ny,−4,,USD 12\nz, 1.5k ,€7, \n".into(),
            header(&["Item", "A", "B", "C"]),
            vec![
                row("x", &[Some(12.0), Some(1_200_000.0), Some(-3.0)]),
                row("y", &[Some(-4.0), None, Some(12.0)]),
                row("z", &[Some(1500.0), Some(7.0), None]),
            ],
        ),
        (
            "A first row of numbers gets a made-up header",
            "2024,10,20\n2025,12,25\n".into(),
            header(&["x", "Series 1", "Series 2"]),
            vec![
                row("2024", &[Some(10.0), Some(20.0)]),
                row("2025", &[Some(12.0), Some(25.0)]),
            ],
        ),
        (
            "A quoted numeric header stays a header",
            "\"2024\",\"2025\"\n1,2\n".into(),
            header(&["2024", "2025"]),
            vec![row("1", &[Some(2.0)])],
        ),
        (
            "Labels that look dangerous stay text: markup, control characters",
            "Label,V\n<script>alert(1)</script>,1\n\"a\u{1}b\u{b}c\u{7f}\",2\n".into(),
            header(&["Label", "V"]),
            vec![
                row("<script>alert(1)</script>", &[Some(1.0)]),
                row("a\u{1}b\u{b}c\u{7f}", &[Some(2.0)]),
            ],
        ),
        (
            "Right-to-left and CJK labels",
            "שם,数量\nמכירות,3\n売上高,4\n".into(),
            header(&["שם", "数量"]),
            vec![row("מכירות", &[Some(3.0)]), row("売上高", &[Some(4.0)])],
        ),
        (
            "A 100 kB label",
            long_input,
            header(&["Name", "Value"]),
            vec![row(&long_label, &[Some(1.0)])],
        ),
    ];
    for (name, input, header, rows) in cases {
        let table = parse_table(&input).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(table, DataTable { header, rows }, "{name}");
    }
}

#[test]
fn hostile_pastes_that_must_be_refused_with_row_and_column() {
    let many_rows = format!("Day,Users\n{}", "d,1\n".repeat(MAX_ROWS + 1));
    let many_columns = format!("{}\n", vec!["c"; MAX_COLUMNS + 1].join(","));
    let cases: Vec<(&str, String, TableError)> = vec![
        (
            "a word in a number column",
            "Week,Control,Pilot\nW1,1,2\nW2,1,2\nW3,1,n/a\n".into(),
            TableError::NotANumber {
                row: 4,
                column: 3,
                header: "Pilot".into(),
                text: "n/a".into(),
                line: 4,
                hint: ": leave the cell empty to mark a gap",
            },
        ),
        (
            "NaN",
            "Week\tUsers\nW1\tNaN\n".into(),
            TableError::NotANumber {
                row: 2,
                column: 2,
                header: "Users".into(),
                text: "NaN".into(),
                line: 2,
                hint: ": leave the cell empty to mark a gap",
            },
        ),
        (
            "inf after a multi-line label: the line moves, the row does not",
            "Week,Users\n\"W\n1\",inf\n".into(),
            TableError::NotANumber {
                row: 2,
                column: 2,
                header: "Users".into(),
                text: "inf".into(),
                line: 2,
                hint: ": leave the cell empty to mark a gap",
            },
        ),
        (
            "#DIV/0! on row 3 (a blank line counts as a row)",
            "Week,Users\n\nW1,#DIV/0!\n".into(),
            TableError::NotANumber {
                row: 3,
                column: 2,
                header: "Users".into(),
                text: "#DIV/0!".into(),
                line: 3,
                hint: ": leave the cell empty to mark a gap",
            },
        ),
        (
            "a ragged row",
            "A,B,C\nx,1,2\ny,1\n".into(),
            TableError::RaggedRow {
                row: 3,
                line: 3,
                found: 2,
                expected: 3,
            },
        ),
        (
            "an unclosed quote",
            "A,B\nx,1\n\"y,2\n".into(),
            TableError::UnclosedQuote { row: 3, line: 3 },
        ),
        (
            "10,001 rows",
            many_rows,
            TableError::TooManyRows {
                max: MAX_ROWS,
                line: MAX_ROWS + 2,
            },
        ),
        (
            "201 columns",
            many_columns,
            TableError::TooManyColumns {
                row: 1,
                max: MAX_COLUMNS,
                line: 1,
            },
        ),
        ("nothing", "".into(), TableError::Empty),
        ("blank lines only", "\n \r\n\t\n".into(), TableError::Empty),
        (
            "a header alone",
            "A,B\n".into(),
            TableError::NoRows { line: 1 },
        ),
        (
            "one column",
            "Users\n12\n".into(),
            TableError::OneColumn { row: 1, line: 1 },
        ),
    ];
    for (name, input, expected) in cases {
        assert_eq!(parse_table(&input), Err(expected), "{name}");
    }
}

#[test]
fn messages_name_the_row_the_column_and_its_header() {
    let err = parse_table("Week,Control,Pilot\nW1,1,2\nW2,1,2\nW3,1,n/a\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 4, column 3 (\"Pilot\"): \"n/a\" is not a number: leave the cell empty to mark a gap"
    );
    assert_eq!(
        (err.row(), err.column(), err.line()),
        (Some(4), Some(3), Some(4))
    );

    let err = parse_table("Week,Users\nW1,12 apples\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "row 2, column 2 (\"Users\"): \"12 apples\" is not a number"
    );

    let err = parse_table("A,B,C\nx,1\n").unwrap_err();
    assert!(err
        .to_string()
        .starts_with("row 2 has 2 cells but the header has 3"));
    let err = parse_table(&format!("A,B\n{}", "x,1\n".repeat(MAX_ROWS + 1))).unwrap_err();
    assert!(err.to_string().contains("more than 10000 rows"), "{err}");
}

#[test]
fn mixed_decimal_separators_are_explained() {
    let err = parse_table("A\tB\nx\t1,5\ny\t1.5\n").unwrap_err();
    assert!(err.to_string().contains("use a decimal point"), "{err}");
}

#[test]
fn long_cells_are_shortened_in_messages_and_controls_escaped() {
    let cell = format!("{}\u{1}", "z".repeat(1000));
    let err = parse_table(&format!("A,B\nx,{cell}\n")).unwrap_err();
    let message = err.to_string();
    assert!(message.len() < 200, "{message}");
    assert!(message.contains("zzz…"), "{message}");
    let err = parse_table("A,B\nx,\"a\u{1}\"\n").unwrap_err();
    assert!(err.to_string().contains("\\u{1}"), "{err}");
}

#[test]
fn the_row_limit_is_inclusive() {
    let text = format!("Day,Users\n{}", "d,1\n".repeat(MAX_ROWS));
    assert_eq!(parse_table(&text).map(|t| t.rows.len()), Ok(MAX_ROWS));
    let numeric = "1,1\n".repeat(MAX_ROWS + 1);
    assert!(matches!(
        parse_table(&numeric),
        Err(TableError::TooManyRows { .. })
    ));
}

#[test]
fn canonical_csv_reads_back_as_the_same_table() {
    let table = DataTable {
        header: header(&["Label, with comma", "Say \"hi\"", "tab\there", "semi;colon"]),
        rows: vec![
            row("multi\nline", &[Some(0.1 + 0.2), None, Some(-0.0)]),
            row("", &[Some(1e21), Some(5e-324), Some(-1234.5)]),
            row("plain", &[None, None, None]),
            row("", &[None, None, None]),
        ],
    };
    let csv = to_csv(&table);
    assert_eq!(
        csv.lines().next(),
        Some("\"Label, with comma\",\"Say \"\"hi\"\"\",\"tab\there\",\"semi;colon\"")
    );
    assert_eq!(parse_table(&csv), Ok(table.clone()));
    assert_eq!(to_csv(&parse_table(&csv).unwrap()), csv);

    let numeric_header = DataTable {
        header: header(&["2024", "1,5"]),
        rows: vec![row("a", &[Some(1.0)])],
    };
    let csv = to_csv(&numeric_header);
    assert_eq!(csv, "\"2024\",\"1,5\"\na,1\n");
    assert_eq!(parse_table(&csv), Ok(numeric_header));
}

#[test]
fn csv_of_a_ragged_table_built_in_code_is_padded() {
    let table = DataTable {
        header: header(&["A"]),
        rows: vec![row("x", &[Some(1.0), Some(2.0)]), row("y", &[])],
    };
    assert_eq!(to_csv(&table), "A,Series 1,Series 2\nx,1,2\ny,,\n");
}

#[test]
fn a_pipe_table_error_names_the_row_of_the_markdown() {
    let err = parse_table("| Plan | Churn |\n|---|---|\n| Monthly | 4.1% |\n| Annual | lots |\n")
        .unwrap_err();
    assert_eq!((err.row(), err.column()), (Some(4), Some(2)), "{err}");
}

#[test]
fn cells_written_with_percent_signs_state_the_unit() {
    assert_eq!(
        stated_unit("Plan\tChurn\nMonthly\t4,1 %\nAnnual\t1,2 %\n").as_deref(),
        Some("%")
    );
    assert_eq!(
        stated_unit("| Plan | Churn |\n|---|---|\n| M | 4.1% |\n").as_deref(),
        Some("%")
    );
    // One column of plain numbers, or no % at all: no unit is stated.
    assert_eq!(stated_unit("Plan,Churn,Users\nM,4.1%,300\n"), None);
    assert_eq!(stated_unit("Plan,Churn\nM,4.1\n"), None);
}

#[test]
fn leading_columns_of_words_are_one_label() {
    let table = parse_table(
        "| Book | Measure | February | March |\n|---|---|---|---|\n\
         | Dead Dwarves | Copies sold | 6.6 | 13 |\n| Dead Dwarves | Royalties ($) | 13.21 | 4.55 |\n",
    )
    .unwrap();
    assert_eq!(
        table.header,
        header(&["Book · Measure", "February", "March"])
    );
    assert_eq!(
        table.rows,
        vec![
            row("Dead Dwarves · Copies sold", &[Some(6.6), Some(13.0)]),
            row("Dead Dwarves · Royalties ($)", &[Some(13.21), Some(4.55)]),
        ]
    );
    // A column with a number in it is data, and its words are refused.
    assert!(matches!(
        parse_table("Week,Control,Pilot\nW1,low,2\nW2,1,2\n"),
        Err(TableError::NotANumber {
            row: 2,
            column: 2,
            ..
        })
    ));
    // So is a column of errors, and the last column is always values.
    assert!(matches!(
        parse_table("Week,Users,Pilot\nW1,n/a,2\nW2,N/A,2\n"),
        Err(TableError::NotANumber { column: 2, .. })
    ));
    assert!(matches!(
        parse_table("Region,Channel\nNorth,Retail\n"),
        Err(TableError::NotANumber { column: 2, .. })
    ));
}

#[test]
fn the_text_may_give_a_plain_table_its_percent_unit() {
    let returns = parse_table("Fund,2022,2021\nAlluvial,-7.3,31.0\nIndex,-7.6,19.3\n").unwrap();
    assert_eq!(
        unit_from_prose(
            &returns,
            "The fund fell 7.3% in the quarter after 31.0% in 2021."
        ),
        Some("%".to_owned())
    );
    // One value, or values written without a sign, say nothing.
    assert_eq!(
        unit_from_prose(&returns, "The fund fell 7.3% in the quarter."),
        None
    );
    assert_eq!(
        unit_from_prose(&returns, "The fund made 31.0 and lost 7.3."),
        None
    );
}
