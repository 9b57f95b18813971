//! The plan model: what a rétroplanning says before it is dated.
//!
//! Tasks refer to each other by index ([`TaskIx`]): the formats crate resolves
//! ids and reports unknown ones with their place in the file; the engine
//! checks indices again so that a plan built in code cannot break it.

use jiff::civil::Date;

use crate::calendar::{CalendarRules, DateRange, Weekdays};
use crate::meeting::Meeting;
use crate::relative::When;

/// A task's position in [`Plan::tasks`] (plan order).
pub type TaskIx = usize;

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub name: String,
    /// Jour J: the date the plan works back from.
    pub deadline: Date,
    /// The plan's own `today`, if it fixes one.
    pub today: Option<Date>,
    pub lang: Option<Lang>,
    pub calendar: CalendarRules,
    pub people: Vec<Person>,
    pub tasks: Vec<Task>,
    pub meetings: Vec<Meeting>,
    /// Level the owners' work (`level = true`): one task at a time per
    /// person, or up to their capacity (SCHEDULING.md, "People").
    pub level: bool,
    /// How the plan's progress is read: the at-risk window and the baselines.
    pub tracking: Tracking,
    /// Explicit buffers before the deadline and after the critical path.
    pub margins: Margins,
}

/// The plan's explicit margins (docs/margins.md): buffers the schedule
/// shows as items of their own, never hidden in a task's duration.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Margins {
    /// `margin = { critical = "20%" }`: a buffer after the critical path,
    /// this percentage of the working days of the chain before it.
    pub critical: Option<u32>,
    /// Everything ready before the deadline: a `ready_by` date, or a
    /// `buffer` of working days.
    pub ready: Option<ReadyBy>,
}

/// When the work planned back from the deadline must be ready.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ReadyBy {
    /// `ready_by = 2026-12-15` (or a J/S/M label): the close of that day.
    Date(When),
    /// `buffer = "5d"`: that many working days of the plan's calendar
    /// before the deadline.
    Days(u32),
}

impl Plan {
    /// A plan with no task, on the default calendar (France, Monday to
    /// Friday), with nothing else set: what code builds on, field by field.
    pub fn new(name: impl Into<String>, deadline: Date) -> Plan {
        Plan {
            name: name.into(),
            deadline,
            today: None,
            lang: None,
            calendar: CalendarRules::default(),
            people: Vec::new(),
            tasks: Vec::new(),
            meetings: Vec::new(),
            level: false,
            tracking: Tracking::default(),
            margins: Margins::default(),
        }
    }
}

/// Settings and records of a living plan (docs/progress.md).
#[derive(Clone, Debug, PartialEq)]
pub struct Tracking {
    /// A task not started is at risk when its planned start falls within
    /// this many working days (`at_risk_within`, default 2: the seeds'
    /// "48 hours" alert).
    pub at_risk_within: u32,
    /// Recorded planned dates, oldest first.
    pub baselines: Vec<Baseline>,
    /// The baseline the schedule's variance is measured against (an index
    /// in `baselines`); `None`: none.
    pub compare_with: Option<usize>,
}

impl Default for Tracking {
    fn default() -> Self {
        Tracking {
            at_risk_within: 2,
            baselines: Vec::new(),
            compare_with: None,
        }
    }
}

/// The planned dates of a plan as they were on one day (`retroplan baseline`).
#[derive(Clone, Debug, PartialEq)]
pub struct Baseline {
    pub name: String,
    /// The day it was recorded.
    pub recorded: Date,
    pub deadline: Date,
    /// The plan's first planned start and last planned end then.
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The verdict then, as its code (`on_track`, `at_risk`, `late`).
    pub verdict: Option<String>,
    pub tasks: Vec<BaselineTask>,
}

/// One task of a [`Baseline`], by id: tasks added since have none.
#[derive(Clone, Debug, PartialEq)]
pub struct BaselineTask {
    pub id: String,
    pub start: Date,
    pub end: Date,
    pub days: u32,
    pub owner: Option<String>,
    pub status: Status,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "fr" | "français" | "francais" | "french" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub email: Option<String>,
    /// Time off, as inclusive ranges (a single day is a one-day range).
    pub off: Vec<DateRange>,
    /// A part-time weekly pattern: the weekdays this person works. `None`:
    /// every working day of the tasks' calendars.
    pub workdays: Option<Weekdays>,
    pub capacity: Capacity,
}

impl Person {
    /// A person with this id as name and nothing else of their own.
    pub fn new(id: impl Into<String>) -> Person {
        let id = id.into();
        Person {
            name: id.clone(),
            id,
            ..Person::default()
        }
    }
}

/// How much a person works at once, in hundredths of one task: 100 is one
/// task at a time (the default), 200 two tasks, 50 half of their time.
///
/// Below one task, the person gives that share of their days to the plan:
/// each of their tasks takes its `days` of full-time work spread over
/// proportionally more working days (a 2-day task of a person at 50 % spans
/// 4 working days), one task at a time. Above, the person (or a small team
/// behind one name) runs several tasks side by side, each at its own pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Capacity(u32);

impl Default for Capacity {
    fn default() -> Self {
        Capacity::ONE
    }
}

impl Capacity {
    pub const ONE: Capacity = Capacity(100);

    /// A share in percent: 1 to 100, or a whole number of tasks (200, 300, ...).
    pub fn from_percent(percent: u32) -> Option<Capacity> {
        (percent > 0 && (percent <= 100 || percent.is_multiple_of(100)) && percent <= 100 * 1000)
            .then_some(Capacity(percent))
    }

    /// `n` tasks at a time, `n >= 1`.
    pub fn tasks(n: u32) -> Option<Capacity> {
        Capacity::from_percent(n.checked_mul(100)?)
    }

    pub fn percent(self) -> u32 {
        self.0
    }

    /// What one task takes of the person each day it runs, in the same
    /// hundredths: a whole task, or all of a part-time share.
    pub fn per_task(self) -> u32 {
        self.0.min(100)
    }

    /// The working days a task of `days` full-time days spans for this person.
    pub fn span(self, days: u32) -> u32 {
        if self.0 >= 100 {
            days
        } else {
            let stretched = (u64::from(days) * 100).div_ceil(u64::from(self.0));
            u32::try_from(stretched).unwrap_or(u32::MAX)
        }
    }
}

/// Who else a task involves besides its owner, the accountable person of a
/// RACI matrix (seed 002). Informational: the owner's days are the ones booked.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Raci {
    /// Who does the work, when not the owner.
    pub responsible: Vec<String>,
    pub consulted: Vec<String>,
    pub informed: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub id: String,
    pub title: String,
    pub owner: Option<String>,
    pub duration: Duration,
    /// Predecessors: this task depends on each of them.
    pub after: Vec<Link>,
    /// Finish no later than this date.
    pub due: Option<When>,
    /// Fixed start date.
    pub on: Option<When>,
    pub phase: Option<String>,
    pub channel: Option<String>,
    pub status: Status,
    /// The task's own working weekdays (a promotion running through the weekend).
    pub workdays: Option<Weekdays>,
    /// With its own `workdays`, also work on public holidays and the plan's closed days.
    pub work_on_holidays: bool,
    pub notes: Option<String>,
    /// Levelling order among tasks of equal slack: higher first (default 0).
    pub priority: i32,
    /// Responsible, consulted and informed people (boxed: most tasks have none).
    pub raci: Option<Box<Raci>>,
    /// Actual dates and what remains (boxed: most tasks have none).
    pub progress: Option<Box<Progress>>,
    /// An explicit buffer of this many working days after the task
    /// (`margin = "2d"`): what follows it, and the deadline, keep that
    /// distance from its planned end.
    pub margin: u32,
}

/// What happened to a task so far, beside its [`Status`].
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Progress {
    /// The day work began.
    pub started: Option<Date>,
    /// The day it was finished (a done task).
    pub finished: Option<Date>,
    /// Working days of work left, counting today, for a task under way.
    pub remaining: Option<u32>,
    /// What-if: the task is expected this many working days later than
    /// planned (its start if it has not started, else its end).
    pub slip: u32,
}

impl Task {
    /// A task of `days` working days with everything else empty.
    pub fn new(id: impl Into<String>, title: impl Into<String>, days: u32) -> Task {
        Task {
            id: id.into(),
            title: title.into(),
            owner: None,
            duration: Duration::Days(days),
            after: Vec::new(),
            due: None,
            on: None,
            phase: None,
            channel: None,
            status: Status::Todo,
            workdays: None,
            work_on_holidays: false,
            notes: None,
            priority: 0,
            raci: None,
            progress: None,
            margin: 0,
        }
    }

    /// Planned working days (the PERT mean rounded up for an estimate).
    pub fn days(&self) -> u32 {
        self.duration.planned_days()
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Duration {
    Days(u32),
    /// Three-point estimate (optimistic, likely, pessimistic), in working
    /// days, planned at `at`.
    Estimate {
        optimistic: f64,
        likely: f64,
        pessimistic: f64,
        at: EstimateAt,
    },
}

/// Which duration a three-point estimate is planned at (`estimate_at`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum EstimateAt {
    /// The PERT mean `(o + 4m + p) / 6`, SCHEDULING.md's default.
    #[default]
    Mean,
    /// The duration the Beta-PERT distribution stays under with this
    /// probability, in percent (1 to 99): `"p80"`.
    Percentile(u8),
}

impl EstimateAt {
    /// `"mean"` or `"p1"` to `"p99"`.
    pub fn parse(text: &str) -> Option<EstimateAt> {
        let t = text.trim().to_ascii_lowercase();
        if t == "mean" || t == "pert" {
            return Some(EstimateAt::Mean);
        }
        let n: u8 = t.strip_prefix('p')?.parse().ok()?;
        (1..=99).contains(&n).then_some(EstimateAt::Percentile(n))
    }

    pub fn code(self) -> String {
        match self {
            EstimateAt::Mean => "mean".to_string(),
            EstimateAt::Percentile(n) => format!("p{n}"),
        }
    }
}

impl Duration {
    /// The duration planned: a fixed number of days, or an estimate's PERT
    /// mean or chosen percentile, rounded up to whole days (SCHEDULING.md,
    /// "Estimates").
    pub fn planned_days(self) -> u32 {
        match self {
            Duration::Days(d) => d,
            Duration::Estimate { at, .. } => {
                let value = match at {
                    EstimateAt::Mean => self.mean(),
                    EstimateAt::Percentile(q) => self.quantile(f64::from(q) / 100.0),
                };
                // A tolerance so that a mean of 5.000000001 from float noise stays 5.
                let rounded = (value - 1e-9).ceil().max(0.0);
                rounded.min(f64::from(u32::MAX)) as u32
            }
        }
    }

    pub fn mean(self) -> f64 {
        match self {
            Duration::Days(d) => f64::from(d),
            Duration::Estimate {
                optimistic,
                likely,
                pessimistic,
                ..
            } => (optimistic + 4.0 * likely + pessimistic) / 6.0,
        }
    }

    /// The PERT standard deviation `(p - o) / 6` that planners quote
    /// (SCHEDULING.md); zero for a fixed duration.
    pub fn sigma(self) -> f64 {
        match self {
            Duration::Days(_) => 0.0,
            Duration::Estimate {
                optimistic,
                pessimistic,
                ..
            } => (pessimistic - optimistic) / 6.0,
        }
    }

    /// The variance of the Beta-PERT distribution itself, `(μ - o)(p - μ) / 7`
    /// (what Monte Carlo draws from; `sigma()` squared is the classic
    /// approximation of it).
    pub fn variance(self) -> f64 {
        match self {
            Duration::Days(_) => 0.0,
            Duration::Estimate {
                optimistic,
                pessimistic,
                ..
            } => {
                let mean = self.mean();
                (mean - optimistic) * (pessimistic - mean) / 7.0
            }
        }
    }

    /// The Beta-PERT shape parameters `(α, β)` of an estimate whose
    /// pessimistic value exceeds its optimistic one.
    pub fn pert_shape(self) -> Option<(f64, f64)> {
        match self {
            Duration::Estimate {
                optimistic: o,
                likely: m,
                pessimistic: p,
                ..
            } if p > o => Some((1.0 + 4.0 * (m - o) / (p - o), 1.0 + 4.0 * (p - m) / (p - o))),
            _ => None,
        }
    }

    /// The duration the Beta-PERT distribution stays under with
    /// probability `q` (0 to 1). The inverse of the regularized incomplete
    /// beta function comes from statrs: no closed form exists.
    pub fn quantile(self, q: f64) -> f64 {
        use statrs::distribution::{Beta, ContinuousCDF};
        let Duration::Estimate {
            optimistic: o,
            pessimistic: p,
            ..
        } = self
        else {
            return self.mean();
        };
        match self.pert_shape().and_then(|(a, b)| Beta::new(a, b).ok()) {
            Some(beta) => o + (p - o) * beta.inverse_cdf(q.clamp(0.0, 1.0)),
            None => o,
        }
    }
}

/// A dependency on a predecessor task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Link {
    pub task: TaskIx,
    pub kind: LinkKind,
    /// Working days; may be negative (a lead).
    pub lag: i32,
}

impl Link {
    pub fn finish_to_start(task: TaskIx) -> Link {
        Link {
            task,
            kind: LinkKind::FinishToStart,
            lag: 0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkKind {
    FinishToStart,
    StartToStart,
    FinishToFinish,
    StartToFinish,
}

impl LinkKind {
    pub fn parse(code: &str) -> Option<LinkKind> {
        match code.trim().to_ascii_uppercase().as_str() {
            "FS" | "FD" => Some(LinkKind::FinishToStart),
            "SS" | "DD" => Some(LinkKind::StartToStart),
            "FF" => Some(LinkKind::FinishToFinish),
            "SF" | "DF" => Some(LinkKind::StartToFinish),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            LinkKind::FinishToStart => "FS",
            LinkKind::StartToStart => "SS",
            LinkKind::FinishToFinish => "FF",
            LinkKind::StartToFinish => "SF",
        }
    }

    /// Does the rule start from the predecessor's finish (else its start)?
    pub fn from_finish(self) -> bool {
        matches!(self, LinkKind::FinishToStart | LinkKind::FinishToFinish)
    }

    /// Does the rule constrain the successor's finish (else its start)?
    pub fn to_finish(self) -> bool {
        matches!(self, LinkKind::FinishToFinish | LinkKind::StartToFinish)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Status {
    #[default]
    Todo,
    InProgress,
    Review,
    Done,
    Blocked,
    /// Dropped: kept in the file for the record, it takes no time and books
    /// nobody; its links pass through it.
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Todo,
        Status::InProgress,
        Status::Review,
        Status::Done,
        Status::Blocked,
        Status::Cancelled,
    ];

    /// Work on it has begun (it may be finished).
    pub fn is_started(self) -> bool {
        matches!(self, Status::InProgress | Status::Review | Status::Done)
    }

    /// Nothing is left to do: done or cancelled.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }

    /// Accepts the plan file's codes and the French and English words people type.
    pub fn parse(text: &str) -> Option<Status> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        let t = t.as_str();
        Some(match t {
            "todo" | "to_do" | "à_faire" | "a_faire" => Status::Todo,
            "in_progress" | "doing" | "en_cours" | "started" => Status::InProgress,
            "review" | "to_validate" | "à_valider" | "a_valider" | "en_validation" => {
                Status::Review
            }
            "done" | "terminé" | "termine" | "fait" | "finished" => Status::Done,
            "blocked" | "bloqué" | "bloque" => Status::Blocked,
            "cancelled" | "canceled" | "annulé" | "annule" | "abandonné" | "abandonne" => {
                Status::Cancelled
            }
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Todo => "todo",
            Status::InProgress => "in_progress",
            Status::Review => "review",
            Status::Done => "done",
            Status::Blocked => "blocked",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Todo, Lang::Fr) => "à faire",
            (Status::InProgress, Lang::Fr) => "en cours",
            (Status::Review, Lang::Fr) => "à valider",
            (Status::Done, Lang::Fr) => "terminé",
            (Status::Blocked, Lang::Fr) => "bloqué",
            (Status::Cancelled, Lang::Fr) => "annulé",
            (Status::Todo, Lang::En) => "to do",
            (Status::InProgress, Lang::En) => "in progress",
            (Status::Review, Lang::En) => "to validate",
            (Status::Done, Lang::En) => "done",
            (Status::Blocked, Lang::En) => "blocked",
            (Status::Cancelled, Lang::En) => "cancelled",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pert_mean_is_rounded_up() {
        let e = Duration::Estimate {
            optimistic: 3.0,
            likely: 5.0,
            pessimistic: 8.0,
            at: EstimateAt::Mean,
        };
        assert!((e.mean() - 31.0 / 6.0).abs() < 1e-12);
        assert_eq!(e.planned_days(), 6);
        assert!((e.sigma() - 5.0 / 6.0).abs() < 1e-12);
        let exact = Duration::Estimate {
            optimistic: 2.0,
            likely: 5.0,
            pessimistic: 8.0,
            at: EstimateAt::Mean,
        };
        assert_eq!(exact.planned_days(), 5);
    }

    #[test]
    fn percentiles_of_the_beta_pert_distribution() {
        let at = |q| Duration::Estimate {
            optimistic: 2.0,
            likely: 5.0,
            pessimistic: 8.0,
            at: EstimateAt::Percentile(q),
        };
        // Symmetric: Beta(3, 3) on [2, 8], so the median is the mode.
        assert!((at(50).quantile(0.5) - 5.0).abs() < 1e-9);
        // Beta(3, 3) has variance 1/28: sigma = 6 / sqrt(28) = 1.134 days.
        assert!((at(50).variance() - 36.0 / 28.0).abs() < 1e-12);
        // P(X <= x) for Beta(3, 3) is 10x^3 - 15x^4 + 6x^5.
        let cdf = |days: f64| {
            let x = (days - 2.0) / 6.0;
            10.0 * x.powi(3) - 15.0 * x.powi(4) + 6.0 * x.powi(5)
        };
        let p80 = at(80).quantile(0.8);
        assert!((cdf(p80) - 0.8).abs() < 1e-9, "{p80}");
        assert!(p80 > 6.0 && p80 < 6.1, "{p80}");
        assert_eq!(at(80).planned_days(), 7, "{p80} rounded up");
        assert!((at(80).quantile(cdf(6.5)) - 6.5).abs() < 1e-6);
        assert_eq!(at(99).planned_days(), 8);
        assert_eq!(at(1).planned_days(), 3);
        // No spread: every percentile is the value itself.
        let flat = Duration::Estimate {
            optimistic: 4.0,
            likely: 4.0,
            pessimistic: 4.0,
            at: EstimateAt::Percentile(90),
        };
        assert_eq!((flat.planned_days(), flat.variance()), (4, 0.0));
    }

    #[test]
    fn estimate_at_codes() {
        assert_eq!(EstimateAt::parse("p80"), Some(EstimateAt::Percentile(80)));
        assert_eq!(EstimateAt::parse(" Mean "), Some(EstimateAt::Mean));
        assert_eq!(EstimateAt::parse("p0"), None);
        assert_eq!(EstimateAt::parse("p100"), None);
        assert_eq!(EstimateAt::parse("80"), None);
        assert_eq!(EstimateAt::Percentile(95).code(), "p95");
    }

    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(Status::parse("à faire"), Some(Status::Todo));
        assert_eq!(Status::parse("En cours"), Some(Status::InProgress));
        assert_eq!(Status::parse("à valider"), Some(Status::Review));
        assert_eq!(Status::parse("terminé"), Some(Status::Done));
        assert_eq!(Status::parse("bloqué"), Some(Status::Blocked));
        assert_eq!(Status::parse("in-progress"), Some(Status::InProgress));
        assert_eq!(Status::parse("annulé"), Some(Status::Cancelled));
        assert_eq!(Status::parse("Cancelled"), Some(Status::Cancelled));
        assert_eq!(Status::parse("maybe"), None);
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
            assert_eq!(Status::parse(s.label(Lang::Fr)), Some(s));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.code()), Some(s));
            assert_eq!(Status::parse(s.label(Lang::Fr)), Some(s));
        }
    }

    #[test]
    fn capacities_and_their_spans() {
        assert_eq!(Capacity::default(), Capacity::ONE);
        assert_eq!(Capacity::tasks(2).map(Capacity::percent), Some(200));
        assert_eq!(
            Capacity::from_percent(150),
            None,
            "not a whole number of tasks"
        );
        assert_eq!(Capacity::from_percent(0), None);
        let half = Capacity::from_percent(50).unwrap();
        assert_eq!((half.per_task(), half.span(2), half.span(3)), (50, 4, 6));
        let third = Capacity::from_percent(33).unwrap();
        assert_eq!(third.span(1), 4, "1 / 0.33 = 3.03 days, rounded up");
        let two = Capacity::tasks(2).unwrap();
        assert_eq!((two.per_task(), two.span(5)), (100, 5));
    }

    #[test]
    fn link_kinds() {
        assert_eq!(LinkKind::parse("ss"), Some(LinkKind::StartToStart));
        assert_eq!(LinkKind::parse("XX"), None);
        assert!(LinkKind::FinishToFinish.from_finish() && LinkKind::FinishToFinish.to_finish());
        assert!(!LinkKind::StartToFinish.from_finish() && LinkKind::StartToFinish.to_finish());
    }
}
