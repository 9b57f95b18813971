//! The sheet as read: rows of cells numbered as a spreadsheet shows them,
//! from CSV bytes (byte order mark, encoding and separator detected) or from
//! a workbook (XLSX, XLS, ODS, through calamine).
//!
//! Nothing here knows what a column means: that is `columns` and `rows`.

use std::io::Cursor;

use calamine::{Data, Reader};
use jiff::civil::Date;

/// One cell, as typed as its file allows: CSV cells are all text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A real date cell of a workbook.
    Date(Date),
}

impl Cell {
    /// Is there nothing in it but spaces?
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) | Cell::Date(_) => false,
        }
    }

    /// The cell as a person reads it, trimmed: whole numbers without `.0`,
    /// dates as `YYYY-MM-DD`.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            // Line breaks inside a cell as one `\n`, whatever wrote the file.
            Cell::Text(t) => t.trim().replace("\r\n", "\n"),
            Cell::Number(n) => number_text(*n),
            Cell::Date(d) => d.to_string(),
        }
    }
}

/// `3` rather than `3.0`; other numbers as Rust writes them.
pub(crate) fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A row and the number the spreadsheet shows for it (the first row is 1).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// What was read from a file, before any column has a meaning.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// The worksheet's name, for a workbook.
    pub name: Option<String>,
    pub rows: Vec<Row>,
    /// The CSV was not UTF-8 and was read as Windows-1252 (what French
    /// Excel writes for "CSV (séparateur : point-virgule)").
    pub windows_1252: bool,
}

/// What a file is, from its first bytes rather than its name: a workbook is
/// a zip (XLSX, ODS) or an OLE file (XLS); anything else is read as CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Workbook,
}

impl Format {
    pub fn of(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            Format::Workbook
        } else {
            Format::Csv
        }
    }
}

/// Reads CSV bytes: a UTF-8 or UTF-16 byte order mark is dropped, text that
/// is not UTF-8 is read as Windows-1252, and the separator is whichever of
/// `;`, `,` and tab the first lines use most.
pub fn read_csv(bytes: &[u8]) -> Sheet {
    let (text, windows_1252) = decode(bytes);
    let delimiter = guess_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut number = 0usize;
    for record in reader.records() {
        // Text that is valid UTF-8 read from memory cannot fail; stop rather
        // than guess if it ever does.
        let Ok(record) = record else { break };
        // The csv crate skips empty lines, which a spreadsheet shows as
        // rows; a record's position is where the skipping began.
        let at = record.position().map_or(0, |p| p.byte() as usize);
        number += 1 + blank_lines_at(text.as_bytes(), at);
        let cells = record
            .iter()
            .map(|f| {
                if f.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(f.to_string())
                }
            })
            .collect();
        rows.push(Row { number, cells });
    }
    Sheet {
        name: None,
        rows,
        windows_1252,
    }
}

/// Empty lines starting at `at`, the end of the previous record (which may
/// have stopped between the `\r` and the `\n` of its line break).
fn blank_lines_at(bytes: &[u8], mut at: usize) -> usize {
    if at > 0 && bytes.get(at - 1) == Some(&b'\r') && bytes.get(at) == Some(&b'\n') {
        at += 1;
    }
    let mut lines = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => at += 2,
            b'\r' | b'\n' => at += 1,
            _ => break,
        }
        lines += 1;
    }
    lines
}

fn decode(bytes: &[u8]) -> (String, bool) {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return (String::from_utf8_lossy(rest).into_owned(), false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return (utf16(rest, u16::from_le_bytes), false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return (utf16(rest, u16::from_be_bytes), false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), false),
        Err(_) => (bytes.iter().map(|&b| windows_1252(b)).collect(), true),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// Windows-1252: Latin-1 but for 0x80..=0x9F, where it has `€`, `œ`, curly quotes...
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// The separator of the columns, from the first ten non-blank lines (outside
/// quotes): one the header row holds, the same number of times on every
/// line if one does (French Excel writes `;` and leaves the commas of a
/// comment unquoted: the commas then vary from line to line), else the one
/// used most. Ties go to `,`, the separator of CSV files written outside
/// France.
fn guess_delimiter(text: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    // Per line: how many of each candidate.
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut quoted = false;
    let mut blank = true;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                if !blank {
                    lines.push(counts);
                    if lines.len() == 10 {
                        break;
                    }
                }
                counts = [0; 3];
                blank = true;
            }
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&c| c == b) {
                    counts[i] += 1;
                }
                if !b.is_ascii_whitespace() {
                    blank = false;
                }
            }
            _ => {}
        }
    }
    if !blank && lines.len() < 10 {
        lines.push(counts);
    }
    let Some(header) = lines.first() else {
        return b',';
    };
    let total = |i: usize| lines.iter().map(|l| l[i]).sum::<usize>();
    let steady = |i: usize| lines.iter().all(|l| l[i] == header[i]);
    // In the header, steady before not, then the most used; the first of
    // equals (`,`).
    (0..CANDIDATES.len())
        .filter(|&i| header[i] > 0)
        .max_by_key(|&i| (steady(i), total(i), std::cmp::Reverse(i)))
        .map_or(b',', |i| CANDIDATES[i])
}

/// Why a workbook gave no sheet.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error("not a workbook this tool reads (XLSX, XLS, ODS): {0}")]
    Unreadable(String),
    #[error("no sheet named \"{wanted}\"")]
    NoSuchSheet { wanted: String, sheets: Vec<String> },
    #[error("no sheet has a task column")]
    NoTaskSheet { sheets: Vec<String> },
}

/// The worksheet `wanted` of a workbook (its name, case aside), or else the
/// first one with a task table. Sheets are read one at a time and no
/// further than needed: an export's Gantt sheet holds a cell per task and
/// day.
pub fn read_workbook(bytes: &[u8], wanted: Option<&str>) -> Result<Sheet, WorkbookError> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let names = book.sheet_names();
    if let Some(w) = wanted {
        let found = names.iter().find(|n| n.as_str() == w).or_else(|| {
            names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(w.trim()))
        });
        return match found {
            Some(name) => worksheet(&mut book, name),
            None => Err(WorkbookError::NoSuchSheet {
                wanted: w.to_string(),
                sheets: names,
            }),
        };
    }
    for name in &names {
        let sheet = worksheet(&mut book, name)?;
        if crate::columns::find_layout(&sheet.rows).is_some() {
            return Ok(sheet);
        }
    }
    Err(WorkbookError::NoTaskSheet { sheets: names })
}

fn worksheet<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<Sheet, WorkbookError> {
    let range = book
        .worksheet_range(name)
        .map_err(|e| WorkbookError::Unreadable(e.to_string()))?;
    let first = range.start().map_or(0, |(r, _)| r as usize);
    let first_column = range.start().map_or(0, |(_, c)| c as usize);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first + i + 1,
            // Columns to the left of the used range are empty: keep them,
            // so that a cell's index is its column in every row.
            cells: std::iter::repeat_n(Cell::Empty, first_column)
                .chain(cells.iter().map(cell))
                .collect(),
        })
        .collect();
    Ok(Sheet {
        name: Some(name.to_string()),
        rows,
        windows_1252: false,
    })
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match Date::new(y as i16, m as i8, d as i8) {
                Ok(date) => Cell::Date(date),
                Err(_) => Cell::Number(dt.as_f64()),
            }
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse::<Date>().ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sheet: &Sheet) -> Vec<(usize, Vec<String>)> {
        sheet
            .rows
            .iter()
            .map(|r| (r.number, r.cells.iter().map(Cell::text).collect()))
            .collect()
    }

    #[test]
    fn semicolons_bom_and_blank_lines() {
        let csv = "\u{feff}Tâche;Jours\n\nBrief;3\n\"Deux\nlignes\";2\nFin;1\n";
        let sheet = read_csv(csv.as_bytes());
        // Row 2 is the empty line; the quoted cell spans lines 4-5 but is
        // row 4, so "Fin" is row 5.
        assert_eq!(
            texts(&sheet),
            vec![
                (1, vec!["Tâche".to_string(), "Jours".to_string()]),
                (3, vec!["Brief".to_string(), "3".to_string()]),
                (4, vec!["Deux\nlignes".to_string(), "2".to_string()]),
                (5, vec!["Fin".to_string(), "1".to_string()]),
            ]
        );
        assert!(!sheet.windows_1252);
        // Windows line breaks, blank lines first and between records.
        let crlf = read_csv(b"\r\nTask,Days\r\n\r\n\r\nA,1\r\nB,2\r\n");
        let numbers: Vec<usize> = crlf.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, vec![2, 5, 6]);
    }

    #[test]
    fn commas_win_ties_and_prose_commas_lose_to_semicolons() {
        assert_eq!(guess_delimiter("Task,Days\nA,1\n"), b',');
        assert_eq!(guess_delimiter("Task\nA\n"), b',');
        assert_eq!(
            guess_delimiter("Tâche;Commentaire;Jours\nA;oui, mais;1\nB;;2\n"),
            b';'
        );
        assert_eq!(guess_delimiter("Task\tDays\n\"a,b\"\t1\n"), b'\t');
        // More commas in the comments than semicolons in all: the header and
        // the steady count say `;`.
        assert_eq!(
            guess_delimiter(
                "Tâche;Jours;Commentaire\nBrief;2;voir Léa, Paul, Marc, Jo\nVisuels;3;formats: carré, story, bannière, reel\n"
            ),
            b';'
        );
    }

    #[test]
    fn windows_1252_and_utf16() {
        // "Tâche;Échéance" in Windows-1252, with an œ (0x9C).
        let bytes = b"T\xe2che;\xc9ch\xe9ance\nC\x9cur;1\n";
        let sheet = read_csv(bytes);
        assert!(sheet.windows_1252);
        assert_eq!(sheet.rows[0].cells[1].text(), "Échéance");
        assert_eq!(sheet.rows[1].cells[0].text(), "Cœur");
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "Task\tDays\n".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(read_csv(&utf16).rows[0].cells[1].text(), "Days");
    }

    #[test]
    fn formats_from_magic_bytes() {
        assert_eq!(Format::of(b"PK\x03\x04rest"), Format::Workbook);
        assert_eq!(Format::of(b"Task,Days"), Format::Csv);
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(2.5), "2.5");
    }
}
