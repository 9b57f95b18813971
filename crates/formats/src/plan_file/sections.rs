//! Cutting a plan file at its top-level table headers.
//!
//! A plan of a million tasks is a million `[[task]]` tables. Parsing the whole
//! document into one spanned tree costs gigabytes, so the reader cuts the text
//! where each top-level header starts and parses every task table on its own
//! (in parallel), with `toml`'s own parser: TOML semantics stay exactly
//! `toml`'s, only the unit of work is smaller.
//!
//! The scanner knows just enough TOML to find headers: strings (basic,
//! literal, multi-line, with escapes), comments, and bracket depth, so a `[`
//! inside a string or a multi-line array never starts a section. On malformed
//! text it may cut in the wrong place; the parser then reports the error.
//! A large file is scanned in pieces on every core (see [`split`]): the
//! scan is a tenth of the reading time, and would otherwise run alone.

use std::ops::Range;

/// A top-level piece of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Section<'s> {
    pub range: Range<usize>,
    /// The first key of the header (`task` for `[[task]]` or `[task.x]`), or
    /// `None` for the root keys before the first header.
    pub name: Option<&'s str>,
    /// A new element of the array `name` (`[[task]]`); a sub-table of the
    /// element before (`[task.x]`, `[[task.after]]`) is not one.
    pub is_array: bool,
}

/// Below this many bytes per core, one scan is faster than several.
const PIECE_BYTES: usize = 1 << 20;

/// Splits `source` into sections, in order, covering it entirely.
///
/// A large file is scanned in pieces, in parallel, each as if it began
/// outside any string or bracket, which is what nearly every line start
/// of a plan file is. A piece whose guess turns out wrong (the piece before
/// ends inside a multi-line string or array) is scanned again from where
/// that one stopped, so the result is the one scan's exactly.
pub(crate) fn split(source: &str) -> Vec<Section<'_>> {
    let pieces = (source.len() / PIECE_BYTES).clamp(1, 4 * rayon::current_num_threads().max(1));
    split_in(source, pieces)
}

fn split_in(source: &str, pieces: usize) -> Vec<Section<'_>> {
    use rayon::prelude::*;

    let bytes = source.as_bytes();
    // Piece boundaries just after a newline. A byte order mark is not part
    // of the first line: a header right after it is still at a line start.
    let mut starts = vec![if source.starts_with('\u{feff}') { 3 } else { 0 }];
    for k in 1..pieces {
        let at = source.len() * k / pieces;
        let last = *starts.last().unwrap_or(&0);
        if let Some(p) = memchr::memchr(b'\n', &bytes[at.max(last)..]) {
            let start = at.max(last) + p + 1;
            if start < bytes.len() && start > last {
                starts.push(start);
            }
        }
    }
    let ends: Vec<usize> = starts
        .iter()
        .skip(1)
        .copied()
        .chain([bytes.len()])
        .collect();
    let mut scans: Vec<Scan> = (starts.par_iter().zip(&ends))
        .map(|(&start, &end)| scan(source, start, end, Resume::LINE_START))
        .collect();

    let mut sections = Vec::new();
    let mut current = Section {
        range: 0..0,
        name: None,
        is_array: false,
    };
    for k in 0..scans.len() {
        if k > 0 {
            let before = &scans[k - 1].stop;
            if *before != Resume::at_line_start(starts[k]) {
                scans[k] = scan(source, before.at, ends[k].max(before.at), *before);
            }
        }
        for &(at, name, is_array) in &scans[k].headers {
            current.range.end = at;
            sections.push(current);
            current = Section {
                range: at..at,
                name: Some(name),
                is_array,
            };
        }
    }
    current.range.end = bytes.len();
    sections.push(current);
    sections
}

/// Where and in which state a scan stopped, or starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Resume {
    at: usize,
    depth: i32,
    line_start: bool,
}

impl Resume {
    const LINE_START: Resume = Resume {
        at: 0,
        depth: 0,
        line_start: true,
    };

    fn at_line_start(at: usize) -> Resume {
        Resume {
            at,
            ..Resume::LINE_START
        }
    }
}

/// The headers found between `start` and `end` (each as its offset, first
/// key and whether it is `[[...]]`), and where the scan stopped: at `end`,
/// or past it when a string or header runs over.
struct Scan<'s> {
    headers: Vec<(usize, &'s str, bool)>,
    stop: Resume,
}

fn scan(source: &str, start: usize, end: usize, state: Resume) -> Scan<'_> {
    let bytes = source.as_bytes();
    let mut headers = Vec::new();
    let mut depth = state.depth;
    let mut line_start = state.line_start;
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // Past a line's first byte, only a few bytes matter: the rest (keys,
        // values, titles: most of the file) is skipped in a tight loop.
        if !line_start && !ACTS[b as usize] {
            i += 1;
            while i < end && !ACTS[bytes[i] as usize] {
                i += 1;
            }
            continue;
        }
        match b {
            b'\n' => {
                line_start = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'#' => {
                i = skip_line(bytes, i);
                continue;
            }
            b'"' | b'\'' => {
                i = skip_string(bytes, i);
                line_start = false;
                continue;
            }
            b'[' if depth == 0 && line_start => {
                let (name, is_array) = header_name(source, i);
                headers.push((i, name, is_array));
                // Skip the header itself, so its brackets do not count as depth.
                i = skip_line(bytes, i);
                line_start = false;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = (depth - 1).max(0),
            _ => {}
        }
        line_start = false;
        i += 1;
    }
    Scan {
        headers,
        stop: Resume {
            at: i,
            depth,
            line_start,
        },
    }
}

/// The bytes that matter past the start of a line.
const ACTS: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"\n#\"'[]{}";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Index of the newline ending the line at `i` (or the end), not past it.
fn skip_line(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| i + p)
}

/// Index just past the string starting at `i` (a quote).
fn skip_string(bytes: &[u8], i: usize) -> usize {
    let quote = bytes[i];
    let multi = bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote);
    if multi {
        let mut j = i + 3;
        while j < bytes.len() {
            if quote == b'"' && bytes[j] == b'\\' {
                j += 2;
                continue;
            }
            if bytes[j] == quote
                && bytes.get(j + 1) == Some(&quote)
                && bytes.get(j + 2) == Some(&quote)
            {
                // Up to two more quotes may belong to the content (`""""`).
                let mut end = j + 3;
                while end < bytes.len() && bytes[end] == quote && end < j + 5 {
                    end += 1;
                }
                return end;
            }
            j += 1;
        }
        bytes.len()
    } else {
        let mut j = i + 1;
        // memchr: titles are a good part of a plan's bytes.
        while let Some(p) = memchr::memchr3(quote, b'\\', b'\n', &bytes[j..]) {
            j += p;
            match bytes[j] {
                b'\\' if quote == b'"' => j += 2,
                b'\n' => return j, // unterminated: stop at the line's end
                c if c == quote => return j + 1,
                _ => j += 1,
            }
            if j >= bytes.len() {
                break;
            }
        }
        bytes.len()
    }
}

/// The first key of the header at `i` and whether it is `[[...]]`.
fn header_name(source: &str, i: usize) -> (&str, bool) {
    let rest = &source[i..];
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let inner = line.trim_start_matches('[').trim_start();
    let (name, after) = match inner.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let quoted = &inner[1..];
            let end = quoted.find(q).unwrap_or(quoted.len());
            (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
        }
        _ => {
            let end = inner
                .find(|c: char| c == '.' || c == ']' || c.is_whitespace())
                .unwrap_or(inner.len());
            (&inner[..end], &inner[end..])
        }
    };
    // `[[task.after]]` is an array of the task before, not a new task.
    let nested = after.trim_start().starts_with('.');
    (name, line.starts_with("[[") && !nested)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(src: &str) -> Vec<(Option<&str>, bool, &str)> {
        split(src)
            .into_iter()
            .map(|s| (s.name, s.is_array, &src[s.range]))
            .collect()
    }

    #[test]
    fn cuts_at_top_level_headers_only() {
        let src = "name = \"[x]\"\nlist = [\n[1],\n]\ns = '''\n[[task]]\n'''\n[calendar]\ncountry = \"FR\" # [[task]]\n[[task]]\nid = \"a\"\n[ \"task\" . x ]\nk = 1\n";
        let got = names(src);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].0, None);
        assert!(got[0].2.contains("'''\n[[task]]\n'''"));
        assert_eq!((got[1].0, got[1].1), (Some("calendar"), false));
        assert_eq!((got[2].0, got[2].1), (Some("task"), true));
        assert_eq!((got[3].0, got[3].1), (Some("task"), false));
        let joined: String = got.iter().map(|g| g.2).collect();
        assert_eq!(joined, src, "sections cover the source exactly");
    }

    #[test]
    fn survives_unterminated_strings_and_stray_brackets() {
        for src in [
            "a = \"open\n[[task]]\n",
            "]]]\n[[",
            "x = '''",
            "\"\\",
            "[",
            "a = [\n[[task]]",
        ] {
            let sections = split(src);
            let joined: String = sections.iter().map(|s| &src[s.range.clone()]).collect();
            assert_eq!(joined, src);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// Pieces scanned in parallel give the one scan's sections, whatever
        /// runs across their boundaries (multi-line strings and arrays).
        #[test]
        fn pieces_give_the_one_scan(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "[[task]]\n", "[calendar]\n", "id = \"a\"\n", "x = '''\n", "'''\n",
                "s = \"\"\"\n", "\"\"\"\n", "a = [\n", "]\n", "{", "}", "# [[task]]\n",
                "t = \"[\\\"\"\n", "\n", "  [ task . x ]\n", "k = 'it''s'\n", "é\n",
            ]), 0..60),
            pieces in 2usize..9,
        ) {
            let src: String = parts.concat();
            let one = split_in(&src, 1);
            proptest::prop_assert_eq!(split_in(&src, pieces), one.clone());
            let joined: String = one.iter().map(|s| &src[s.range.clone()]).collect();
            proptest::prop_assert_eq!(joined, src.clone());
        }
    }
}
