//! The schedule as JSON, exactly as PLAN-FORMAT.md gives it (keys may be
//! added, none may change meaning).
//!
//! One task object per line: readable in a terminal, friendly to `grep` and
//! to diffs, and compact. Tasks are serialised in parallel chunks and written
//! in plan order, so a million-task schedule costs well under a second.

use std::io::{self, Write};

use rayon::prelude::*;
use retroplan_engine::{BufferKind, Duration, MoveCause, Plan, Schedule, TaskSchedule};

use crate::iso_date::iso;

const TASKS_PER_CHUNK: usize = 4096;

/// Writes `schedule` of `plan` as one JSON object followed by a newline.
pub fn write_schedule_json(
    out: &mut dyn Write,
    plan: &Plan,
    schedule: &Schedule,
) -> io::Result<()> {
    let mut head = Vec::with_capacity(1024);
    head.extend_from_slice(b"{\n  \"name\": ");
    string(&mut head, &plan.name);
    head.extend_from_slice(b",\n  \"deadline\": ");
    date(&mut head, Some(schedule.deadline));
    head.extend_from_slice(b",\n  \"today\": ");
    date(&mut head, Some(schedule.today));
    head.extend_from_slice(b",\n  \"start\": ");
    date(&mut head, schedule.start);
    head.extend_from_slice(b",\n  \"finish\": ");
    date(&mut head, schedule.finish);
    head.extend_from_slice(b",\n  \"feasible\": ");
    head.extend_from_slice(if schedule.feasible { b"true" } else { b"false" });
    write!(
        head,
        ",\n  \"late_by\": {},\n  \"min_slack\": {}",
        schedule.late_by, schedule.min_slack
    )?;
    head.extend_from_slice(b",\n  \"verdict\": \"");
    head.extend_from_slice(schedule.verdict.code().as_bytes());
    head.extend_from_slice(b"\",\n  \"forecast_start\": ");
    date(&mut head, schedule.forecast_start);
    head.extend_from_slice(b",\n  \"forecast_end\": ");
    date(&mut head, schedule.forecast_end);
    if let Some(v) = &schedule.variance {
        head.extend_from_slice(b",\n  \"variance\": {\"baseline\": ");
        string(&mut head, &v.baseline);
        for (key, n) in [(&b", \"start\": "[..], v.start), (b", \"end\": ", v.end)] {
            head.extend_from_slice(key);
            opt_number(&mut head, n);
        }
        head.push(b'}');
    }
    head.extend_from_slice(b",\n  \"margin\": ");
    opt_number(&mut head, schedule.margin);
    head.extend_from_slice(b",\n  \"earliest_deadline\": ");
    date(&mut head, Some(schedule.earliest_deadline));
    head.extend_from_slice(b",\n  \"critical_path\": [");
    separated(&mut head, &schedule.critical_path, |b, &t| {
        string(b, &plan.tasks[t].id)
    });
    head.extend_from_slice(b"],\n  \"margin_path\": [");
    separated(&mut head, &schedule.margin_path, |b, &t| {
        string(b, &plan.tasks[t].id)
    });
    head.extend_from_slice(b"],\n  \"tasks\": [");
    out.write_all(&head)?;

    // Chunks are serialised in parallel, a few batches at a time, and written
    // as soon as a batch is done: the whole document never sits in memory.
    // The batch's buffers serve every batch: fresh ones would be fresh pages
    // for the kernel to clear, hundreds of megabytes of them for a large plan.
    let n = plan.tasks.len();
    let compared = schedule.variance.is_some();
    let chunk_count = n.div_ceil(TASKS_PER_CHUNK);
    let per_batch = 4 * rayon::current_num_threads().max(1);
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); per_batch.min(chunk_count)];
    for batch_start in (0..chunk_count).step_by(per_batch) {
        let batch = batch_start..(batch_start + per_batch).min(chunk_count);
        let used = &mut buffers[..batch.len()];
        used.par_iter_mut().zip(batch).for_each(|(buf, c)| {
            let range = c * TASKS_PER_CHUNK..((c + 1) * TASKS_PER_CHUNK).min(n);
            buf.clear();
            buf.reserve(range.len() * 400);
            for t in range {
                buf.extend_from_slice(if t == 0 { b"\n    " } else { b",\n    " });
                task(buf, &plan.tasks[t], &schedule.tasks[t], plan, compared);
            }
        });
        for buffer in used.iter() {
            out.write_all(buffer)?;
        }
    }
    drop(buffers);
    out.write_all(if n == 0 { b"]" } else { b"\n  ]" })?;
    // The lists after the tasks can be long too (an overload for every other
    // task of a large plan): written out as they fill a small buffer.
    let mut tail = Tail {
        buf: Vec::with_capacity(TAIL_BYTES + 4096),
        out,
    };
    meetings(&mut tail, plan, schedule)?;
    people(&mut tail, plan, schedule)?;
    buffers_and_sigma(&mut tail, plan, schedule)?;
    tail.buf.extend_from_slice(b"\n}\n");
    tail.out.write_all(&tail.buf)
}

/// The lists after the tasks, written to `out` a buffer at a time.
struct Tail<'o> {
    buf: Vec<u8>,
    out: &'o mut dyn Write,
}

/// How much of the lists after the tasks is kept before it is written.
const TAIL_BYTES: usize = 1 << 16;

impl Tail<'_> {
    fn write_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= TAIL_BYTES {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// `,\n  "key": [` then one object per line, as the tasks are written.
    fn object_lines<T>(
        &mut self,
        key: &str,
        items: impl IntoIterator<Item = T>,
        mut item: impl FnMut(&mut Vec<u8>, T),
    ) -> io::Result<()> {
        self.buf.extend_from_slice(b",\n  \"");
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": [");
        let mut empty = true;
        for x in items {
            self.buf
                .extend_from_slice(if empty { b"\n    " } else { b",\n    " });
            empty = false;
            item(&mut self.buf, x);
            self.write_if_full()?;
        }
        self.buf
            .extend_from_slice(if empty { b"]" } else { b"\n  ]" });
        Ok(())
    }
}

/// `"meetings"`: one object per meeting with its dates (docs/templates.md).
fn meetings(tail: &mut Tail, plan: &Plan, schedule: &Schedule) -> io::Result<()> {
    let pairs: Vec<_> = plan.meetings.iter().zip(&schedule.meetings).collect();
    tail.object_lines("meetings", &pairs, |buf, (m, dates)| {
        buf.extend_from_slice(b"{\"id\": ");
        string(buf, &m.id);
        buf.extend_from_slice(b", \"title\": ");
        string(buf, &m.title);
        buf.extend_from_slice(b", \"owner\": ");
        opt_string(buf, m.owner.as_deref());
        buf.extend_from_slice(b", \"attendees\": [");
        separated(buf, &m.attendees, |b, a| string(b, a));
        for (key, list) in [
            (&b"], \"dates\": ["[..], &dates.dates),
            (b"], \"skipped\": [", &dates.skipped),
        ] {
            buf.extend_from_slice(key);
            separated(buf, list, |b, &d| date(b, Some(d)));
        }
        buf.extend_from_slice(b"]}");
    })
}

/// `"levelled"`, `"overloads"` and `"shortfalls"` (docs/people.md).
fn people(tail: &mut Tail, plan: &Plan, schedule: &Schedule) -> io::Result<()> {
    let ids = |b: &mut Vec<u8>, tasks: &[usize]| {
        b.extend_from_slice(b", \"tasks\": [");
        separated(b, tasks, |b, &t| string(b, &plan.tasks[t].id));
        b.push(b']');
    };
    tail.buf.extend_from_slice(b",\n  \"levelled\": ");
    tail.buf
        .extend_from_slice(if schedule.levelled { b"true" } else { b"false" });
    tail.object_lines("overloads", &schedule.overloads, |buf, o| {
        buf.extend_from_slice(b"{\"person\": ");
        string(buf, o.person);
        buf.extend_from_slice(b", \"date\": ");
        date(buf, Some(o.date));
        buf.extend_from_slice(b", \"booked\": ");
        write_hundredths(buf, o.booked);
        buf.extend_from_slice(b", \"capacity\": ");
        write_hundredths(buf, o.capacity);
        ids(buf, o.tasks);
        buf.push(b'}');
    })?;
    tail.object_lines("shortfalls", &schedule.shortfalls, |buf, s| {
        buf.extend_from_slice(b"{\"person\": ");
        string(buf, &s.person);
        buf.extend_from_slice(b", \"busy_to\": ");
        date(buf, s.busy_to);
        buf.extend_from_slice(b", \"before_today\": ");
        write_hundredths(buf, s.before_today);
        ids(buf, &s.tasks);
        buf.push(b'}');
    })
}

/// `"critical_sigma"` and `"buffers"`, the plan's explicit margins (docs/margins.md).
fn buffers_and_sigma(tail: &mut Tail, plan: &Plan, schedule: &Schedule) -> io::Result<()> {
    tail.buf.extend_from_slice(b",\n  \"critical_sigma\": ");
    decimal(&mut tail.buf, schedule.critical_sigma(plan));
    tail.object_lines("buffers", &schedule.buffers, |buf, b| {
        buf.extend_from_slice(b"{\"kind\": \"");
        buf.extend_from_slice(b.kind.code().as_bytes());
        buf.extend_from_slice(b"\", \"after\": ");
        opt_string(buf, b.after.map(|t| plan.tasks[t].id.as_str()));
        let _ = write!(buf, ", \"days\": {}, \"consumed\": {}", b.days, b.consumed);
        if let BufferKind::Critical {
            percent,
            chain_days,
        } = b.kind
        {
            let _ = write!(
                buf,
                ", \"percent\": {percent}, \"chain_days\": {chain_days}"
            );
        }
        buf.extend_from_slice(b", \"start\": ");
        date(buf, Some(b.start));
        buf.extend_from_slice(b", \"end\": ");
        date(buf, Some(b.end));
        buf.push(b'}');
    })
}

/// A count kept in hundredths (of a day, of one task at a time), as people
/// and JSON write it: `2`, `0.5`, `1.25`.
pub fn hundredths(n: u32) -> String {
    let mut text = Vec::with_capacity(12);
    write_hundredths(&mut text, n);
    text.into_iter().map(char::from).collect()
}

/// [`hundredths`] into a buffer: no `String` per number of a long list.
fn write_hundredths(buf: &mut Vec<u8>, n: u32) {
    buf.extend_from_slice(itoa::Buffer::new().format(n / 100).as_bytes());
    match n % 100 {
        0 => {}
        part if part % 10 == 0 => {
            buf.push(b'.');
            buf.push(b'0' + (part / 10) as u8);
        }
        part => {
            buf.push(b'.');
            buf.push(b'0' + (part / 10) as u8);
            buf.push(b'0' + (part % 10) as u8);
        }
    }
}

fn task(
    buf: &mut Vec<u8>,
    task: &retroplan_engine::Task,
    s: &TaskSchedule,
    plan: &Plan,
    compared: bool,
) {
    let deadline = plan.deadline;
    buf.extend_from_slice(b"{\"id\": ");
    string(buf, &task.id);
    buf.extend_from_slice(b", \"title\": ");
    string(buf, &task.title);
    buf.extend_from_slice(b", \"owner\": ");
    opt_string(buf, task.owner.as_deref());
    buf.extend_from_slice(b", \"phase\": ");
    opt_string(buf, task.phase.as_deref());
    buf.extend_from_slice(b", \"channel\": ");
    opt_string(buf, task.channel.as_deref());
    buf.extend_from_slice(b", \"status\": \"");
    buf.extend_from_slice(task.status.code().as_bytes());
    buf.extend_from_slice(b"\", \"days\": ");
    number(buf, i64::from(s.days));
    for (key, d) in [
        (&b", \"start\": "[..], s.start),
        (b", \"end\": ", s.end),
        (b", \"earliest_start\": ", s.earliest_start),
        (b", \"earliest_end\": ", s.earliest_end),
        (b", \"latest_start\": ", s.latest_start),
        (b", \"latest_end\": ", s.latest_end),
    ] {
        buf.extend_from_slice(key);
        date(buf, Some(d));
    }
    buf.extend_from_slice(b", \"due\": ");
    date(buf, task.due.and_then(|w| w.resolve(deadline)));
    buf.extend_from_slice(b", \"slack\": ");
    number(buf, i64::from(s.slack));
    buf.extend_from_slice(b", \"critical\": ");
    buf.extend_from_slice(if s.critical { b"true" } else { b"false" });
    buf.extend_from_slice(b", \"milestone\": ");
    buf.extend_from_slice(if s.milestone { b"true" } else { b"false" });
    buf.extend_from_slice(b", \"fixed\": ");
    buf.extend_from_slice(if s.fixed { b"true" } else { b"false" });
    buf.extend_from_slice(b", \"direction\": \"");
    buf.extend_from_slice(s.direction.code().as_bytes());
    buf.extend_from_slice(b"\", \"label\": \"J");
    // `day_label` without its String: J, J-53, J+4.
    if s.offset > 0 {
        buf.push(b'+');
    }
    if s.offset != 0 {
        number(buf, i64::from(s.offset));
    }
    buf.extend_from_slice(b"\", \"moved_by_levelling\": ");
    number(buf, i64::from(s.moved_by_levelling));
    buf.extend_from_slice(b", \"moved_because\": ");
    match s.moved_because.as_deref() {
        None => buf.extend_from_slice(b"null"),
        Some(MoveCause::Held { person, task }) => {
            buf.extend_from_slice(b"{\"person\": ");
            string(buf, person);
            buf.extend_from_slice(b", \"task\": ");
            string(buf, &plan.tasks[*task].id);
            buf.push(b'}');
        }
        Some(MoveCause::Successor(t)) => {
            buf.extend_from_slice(b"{\"successor\": ");
            string(buf, &plan.tasks[*t].id);
            buf.push(b'}');
        }
        Some(MoveCause::Predecessor(t)) => {
            buf.extend_from_slice(b"{\"predecessor\": ");
            string(buf, &plan.tasks[*t].id);
            buf.push(b'}');
        }
    }
    for (key, d) in [
        (&b", \"forecast_start\": "[..], s.forecast_start),
        (b", \"forecast_end\": ", s.forecast_end),
    ] {
        buf.extend_from_slice(key);
        date(buf, Some(d));
    }
    buf.extend_from_slice(b", \"late\": ");
    buf.extend_from_slice(if s.late { b"true" } else { b"false" });
    buf.extend_from_slice(b", \"at_risk\": ");
    buf.extend_from_slice(if s.at_risk { b"true" } else { b"false" });
    if let Duration::Estimate {
        optimistic,
        likely,
        pessimistic,
        at,
    } = task.duration
    {
        buf.extend_from_slice(b", \"estimate\": {");
        for (i, (key, x)) in [
            ("optimistic", optimistic),
            ("likely", likely),
            ("pessimistic", pessimistic),
            ("mean", task.duration.mean()),
            ("sigma", task.duration.sigma()),
        ]
        .into_iter()
        .enumerate()
        {
            let _ = write!(buf, "{}\"{key}\": ", if i == 0 { "" } else { ", " });
            decimal(buf, x);
        }
        let _ = write!(buf, ", \"at\": \"{}\"}}", at.code());
    }
    if compared {
        buf.extend_from_slice(b", \"variance\": ");
        match s.variance {
            Some(v) => {
                let _ = write!(buf, "{{\"start\": {}, \"end\": {}}}", v.start, v.end);
            }
            None => buf.extend_from_slice(b"null"),
        }
    }
    buf.push(b'}');
}

/// The items of a JSON array, comma-separated (the brackets are the caller's).
fn separated<T>(buf: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            buf.extend_from_slice(b", ");
        }
        item(buf, x);
    }
}

fn string(buf: &mut Vec<u8>, s: &str) {
    // Most ids, titles and names need no escape: copied as they are.
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
        return;
    }
    // serde_json escapes exactly as JSON requires; writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *buf, s);
}

fn opt_string(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

fn number(buf: &mut Vec<u8>, n: i64) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A number of days to two decimals, as short as it reads: `5`, `5.17`.
fn decimal(buf: &mut Vec<u8>, x: f64) {
    let text = format!("{:.2}", x);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    buf.extend_from_slice(if text == "-0" { "0" } else { text }.as_bytes());
}

fn opt_number(buf: &mut Vec<u8>, n: Option<i32>) {
    match n {
        Some(n) => number(buf, i64::from(n)),
        None => buf.extend_from_slice(b"null"),
    }
}

fn date(buf: &mut Vec<u8>, d: Option<jiff::civil::Date>) {
    match d {
        Some(d) => {
            buf.push(b'"');
            buf.extend_from_slice(iso(d).as_bytes());
            buf.push(b'"');
        }
        None => buf.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hundredths as `format!` writes them, the way they were first written.
    fn by_format(n: u32) -> String {
        match (n / 100, n % 100) {
            (whole, 0) => whole.to_string(),
            (whole, part) if part % 10 == 0 => format!("{whole}.{}", part / 10),
            (whole, part) => format!("{whole}.{part:02}"),
        }
    }

    #[test]
    fn hundredths_read_as_format_writes_them() {
        for n in (0..100_000).chain([u32::MAX - 1, u32::MAX]) {
            assert_eq!(hundredths(n), by_format(n), "{n}");
        }
        assert_eq!(hundredths(250), "2.5");
        assert_eq!(hundredths(5), "0.05");
    }
}
