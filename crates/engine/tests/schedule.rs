//! Hand-checked schedules (SCHEDULING.md): every expected date here was
//! worked out by hand from a calendar, with the reasoning in the comments.
//! December 2026: Mon 14, Fri 18 (the usual deadline), Sat 19, Sun 20.

use jiff::civil::{Date, date};
use retroplan_engine::calendar::{CalendarRules, Country, Weekdays};
use retroplan_engine::relative::RelativeDate;
use retroplan_engine::{
    Direction, Link, LinkKind, Plan, PlanError, Progress, Schedule, Status, Task, When, schedule,
};

fn plan(deadline: Date, tasks: Vec<Task>) -> Plan {
    Plan {
        name: "test".into(),
        deadline,
        today: None,
        lang: None,
        calendar: CalendarRules {
            country: None,
            ..CalendarRules::default()
        },
        people: vec![],
        tasks,
        meetings: Vec::new(),
        level: false,
        tracking: Default::default(),
        margins: Default::default(),
    }
}

fn task(id: &str, days: u32) -> Task {
    Task::new(id, id, days)
}

fn after(mut t: Task, pred: usize, kind: LinkKind, lag: i32) -> Task {
    t.after.push(Link {
        task: pred,
        kind,
        lag,
    });
    t
}

fn fixed(mut t: Task, on: When) -> Task {
    t.on = Some(on);
    t
}

fn label(text: &str) -> When {
    When::Relative(RelativeDate::parse(text).unwrap())
}

/// (start, end) of every task.
fn dates(s: &Schedule) -> Vec<(Date, Date)> {
    s.tasks.iter().map(|t| (t.start, t.end)).collect()
}

const DEADLINE: Date = date(2026, 12, 18);
const TODAY: Date = date(2026, 11, 2);

fn run(tasks: Vec<Task>) -> Schedule {
    schedule(&plan(DEADLINE, tasks), TODAY).unwrap()
}

#[test]
fn finish_to_start_with_lag_and_lead() {
    use LinkKind::FinishToStart as FS;
    // B (2 days) ends on the deadline: Thu 17 - Fri 18. A must end 2 working
    // days before B starts: last day Mon 14, so Thu 10 - Mon 14.
    let s = run(vec![task("a", 3), after(task("b", 2), 0, FS, 2)]);
    assert_eq!(
        dates(&s),
        [
            (date(2026, 12, 10), date(2026, 12, 14)),
            (date(2026, 12, 17), date(2026, 12, 18))
        ]
    );
    // Forward from Mon 2 Nov: A is 2-4 Nov, B may start 2 days after: Mon 9.
    assert_eq!(s.tasks[1].earliest_start, date(2026, 11, 9));
    // Dec 10 is working day 28 after Nov 2 (5 weeks and 3 days).
    assert_eq!(s.tasks[0].slack, 28);
    assert_eq!(s.tasks[1].slack, 28);
    // A lead of one day: A may end on B's first day.
    let s = run(vec![task("a", 3), after(task("b", 2), 0, FS, -1)]);
    assert_eq!(s.tasks[0].end, date(2026, 12, 17));
    assert_eq!(s.tasks[1].earliest_start, date(2026, 11, 4));
}

#[test]
fn start_to_start_with_lag_and_lead() {
    use LinkKind::StartToStart as SS;
    // B = Wed 16 - Fri 18; A starts 2 working days before B: Mon 14 - Thu 17.
    let s = run(vec![task("a", 4), after(task("b", 3), 0, SS, 2)]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 14), date(2026, 12, 17)));
    assert_eq!(s.tasks[1].earliest_start, date(2026, 11, 4));
    // With a lead of 1, A could start Thu 17, but must end by the deadline: Tue 15 - Fri 18.
    let s = run(vec![task("a", 4), after(task("b", 3), 0, SS, -1)]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 15), date(2026, 12, 18)));
}

#[test]
fn finish_to_finish_with_lag_and_lead() {
    use LinkKind::FinishToFinish as FF;
    // B ends Fri 18; A ends a day before: Tue 15 - Thu 17.
    let s = run(vec![task("a", 3), after(task("b", 2), 0, FF, 1)]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 15), date(2026, 12, 17)));
    // A ends Wed 4 Nov (end index 3); B must end one day later (Thu 5), so it starts Wed 4.
    assert_eq!(s.tasks[1].earliest_start, date(2026, 11, 4));
    // A lead: the deadline binds A first.
    let s = run(vec![task("a", 3), after(task("b", 2), 0, FF, -2)]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 16), date(2026, 12, 18)));
}

#[test]
fn start_to_finish_with_lag_and_lead() {
    use LinkKind::StartToFinish as SF;
    // B = Thu 17 - Fri 18 (end index just after Fri 18). A must start at least
    // 4 working days before that end: on Tue 15 at the latest: Tue 15 - Thu 17.
    let s = run(vec![task("a", 3), after(task("b", 2), 0, SF, 4)]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 15), date(2026, 12, 17)));
    // B must end 4 days after A starts (Mon 2 Nov): end index 4, so B = Wed 4 - Thu 5.
    assert_eq!(s.tasks[1].earliest_start, date(2026, 11, 4));
    let s = run(vec![task("a", 3), after(task("b", 2), 0, SF, -1)]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 16), date(2026, 12, 18)));
}

#[test]
fn a_fixed_milestone_on_a_sunday_is_the_close_of_that_day() {
    use LinkKind::FinishToStart as FS;
    // The post goes out Sunday 13: its predecessor ends by Friday 11; its
    // successor cannot start before Monday 14.
    let s = run(vec![
        task("visual", 2),
        fixed(
            after(task("post", 0), 0, FS, 0),
            When::Date(date(2026, 12, 13)),
        ),
        after(task("report", 1), 1, FS, 0),
    ]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 10), date(2026, 12, 11)));
    assert_eq!(dates(&s)[1], (date(2026, 12, 13), date(2026, 12, 13)));
    assert!(s.tasks[1].milestone && s.tasks[1].fixed);
    assert_eq!(
        s.tasks[2].start,
        date(2026, 12, 18),
        "backward: as late as possible"
    );
    assert_eq!(s.tasks[2].earliest_start, date(2026, 12, 14));
    assert!(s.feasible);
}

#[test]
fn a_fixed_task_on_a_closed_day_is_an_error_unless_it_has_its_own_workdays() {
    let saturday = When::Date(date(2026, 12, 12));
    let err = schedule(
        &plan(DEADLINE, vec![fixed(task("shoot", 1), saturday)]),
        TODAY,
    )
    .unwrap_err();
    assert!(
        matches!(&err.0[..], [PlanError::FixedOnNonWorkingDay { task: 0, date: d, .. }] if *d == date(2026, 12, 12))
    );
    let mut weekend = fixed(task("shoot", 2), saturday);
    weekend.workdays = Some(Weekdays::ALL);
    let s = schedule(&plan(DEADLINE, vec![weekend]), TODAY).unwrap();
    assert_eq!(dates(&s)[0], (date(2026, 12, 12), date(2026, 12, 13)));
}

#[test]
fn follow_up_tasks_are_forward_after_their_anchor() {
    use LinkKind::FinishToStart as FS;
    // Launch fixed on J (Fri 18); the reminder 2 working days after it ends:
    // after the close of Fri 18 comes Mon 21, plus 2: Wed 23.
    let s = run(vec![
        task("prep", 3),
        fixed(after(task("launch", 1), 0, FS, 0), label("J")),
        after(task("remind", 1), 1, FS, 2),
        fixed(task("removal", 0), label("J+6")),
    ]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 15), date(2026, 12, 17)));
    assert_eq!(dates(&s)[1], (date(2026, 12, 18), date(2026, 12, 18)));
    assert_eq!(dates(&s)[2], (date(2026, 12, 23), date(2026, 12, 23)));
    assert_eq!(dates(&s)[3], (date(2026, 12, 24), date(2026, 12, 24)));
    assert_eq!(s.tasks[0].direction, Direction::Backward);
    assert_eq!(s.tasks[2].direction, Direction::FollowUp);
    assert_eq!(s.tasks[3].direction, Direction::FollowUp);
    assert!(s.feasible);
}

/// Regression: a backward task that feeds a follow-up task must leave room
/// for the fixed date after it (it once only looked at the deadline).
#[test]
fn a_backward_task_feeding_a_follow_up_respects_the_fixed_date_after_it() {
    use LinkKind::FinishToStart as FS;
    // Y must end by the close of Tue 22 (X, a milestone at J+4); B must end 3
    // working days before Y starts (Tue 22): last day Wed 16, so Tue 15 - Wed 16.
    let s = run(vec![
        fixed(task("launch", 1), label("J")),
        task("b", 2),
        after(after(task("y", 1), 0, FS, 0), 1, FS, 3),
        fixed(after(task("x", 0), 2, FS, 0), label("J+4")),
    ]);
    assert_eq!(dates(&s)[1], (date(2026, 12, 15), date(2026, 12, 16)));
    assert_eq!(dates(&s)[2], (date(2026, 12, 22), date(2026, 12, 22)));
    assert_eq!(dates(&s)[3], (date(2026, 12, 22), date(2026, 12, 22)));
    assert!(s.feasible);
}

#[test]
fn an_infeasible_plan_says_by_how_much_which_chain_and_the_earliest_deadline() {
    use LinkKind::FinishToStart as FS;
    // From Mon 14 there are 5 working days to Fri 18, for 3 + 4 days of work.
    let s = schedule(
        &plan(DEADLINE, vec![task("a", 3), after(task("b", 4), 0, FS, 0)]),
        date(2026, 12, 14),
    )
    .unwrap();
    assert!(!s.feasible);
    assert_eq!(s.late_by, 2);
    assert_eq!(s.critical_path, [0, 1]);
    // A: Mon 14 - Wed 16, B: Thu 17 - Tue 22.
    assert_eq!(s.earliest_deadline, date(2026, 12, 22));
    // Planned dates stay as late as possible, before today: that is the lateness.
    assert_eq!(dates(&s)[0], (date(2026, 12, 10), date(2026, 12, 14)));
    assert_eq!(s.tasks[0].slack, -2);
}

#[test]
fn a_cycle_names_every_task_on_it() {
    use LinkKind::FinishToStart as FS;
    let tasks = vec![
        after(task("a", 1), 2, FS, 0),
        after(task("b", 1), 0, FS, 0),
        after(task("c", 1), 1, FS, 0),
        task("free", 1),
    ];
    let err = schedule(&plan(DEADLINE, tasks), TODAY).unwrap_err();
    match &err.0[..] {
        [PlanError::Cycle { ids, .. }] => assert_eq!(ids, &["a", "b", "c"]),
        other => panic!("expected one cycle, got {other:?}"),
    }
    assert!(err.to_string().contains("a -> b -> c -> a"));
}

#[test]
fn public_holidays_and_bridges_are_closed() {
    // 5 days ending Fri 13 Nov 2026 in France skip Wed 11 (Armistice).
    let mut p = plan(date(2026, 11, 13), vec![task("shoot", 5)]);
    p.calendar.country = Some(Country::Fr);
    let s = schedule(&p, TODAY).unwrap();
    assert_eq!(dates(&s)[0], (date(2026, 11, 6), date(2026, 11, 13)));
    // Ascension is Thu 14 May 2026; 3 days ending Mon 18 May: Wed 13, Fri 15, Mon 18,
    // or with the bridge (Fri 15 closed): Tue 12, Wed 13, Mon 18.
    let mut p = plan(date(2026, 5, 18), vec![task("t", 3)]);
    p.calendar.country = Some(Country::Fr);
    assert_eq!(
        schedule(&p, date(2026, 4, 1)).unwrap().tasks[0].start,
        date(2026, 5, 13)
    );
    p.calendar.bridges = true;
    assert_eq!(
        schedule(&p, date(2026, 4, 1)).unwrap().tasks[0].start,
        date(2026, 5, 12)
    );
}

#[test]
fn a_deadline_on_a_weekend_means_the_friday_before() {
    let s = schedule(&plan(date(2026, 12, 20), vec![task("t", 2)]), TODAY).unwrap();
    assert_eq!(dates(&s)[0], (date(2026, 12, 17), date(2026, 12, 18)));
}

#[test]
fn due_dates_and_labels() {
    use LinkKind::FinishToStart as FS;
    // S-1 is Fri 11 Dec: copy ends then; the page still ends on the deadline.
    let mut copy = task("copy", 2);
    copy.due = Some(label("S-1"));
    let s = run(vec![copy, after(task("page", 3), 0, FS, 0)]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 10), date(2026, 12, 11)));
    assert_eq!(dates(&s)[1], (date(2026, 12, 16), date(2026, 12, 18)));
    assert_eq!(s.tasks[0].offset, -8);
    assert_eq!(s.critical_path, [0]);
}

#[test]
fn a_weekend_task_and_a_weekday_task_link_across_calendars() {
    use LinkKind::FinishToStart as FS;
    // The promotion runs every day from Sat 19 for 5 days (to Wed 23); the
    // preparation ends the working day before (Fri 18); the removal is the
    // next working day of the plan after the promotion (Thu 24).
    let mut promo = fixed(task("promo", 5), When::Date(date(2026, 12, 19)));
    promo.workdays = Some(Weekdays::ALL);
    promo.after.push(Link::finish_to_start(0));
    let s = run(vec![
        task("prep", 2),
        promo,
        after(task("removal", 1), 1, FS, 0),
    ]);
    assert_eq!(dates(&s)[0], (date(2026, 12, 17), date(2026, 12, 18)));
    assert_eq!(dates(&s)[1], (date(2026, 12, 19), date(2026, 12, 23)));
    assert_eq!(dates(&s)[2], (date(2026, 12, 24), date(2026, 12, 24)));
}

#[test]
fn a_plan_spanning_decades_widens_its_calendar() {
    use LinkKind::FinishToStart as FS;
    // 3000 tasks of 5 days, each a Monday-Friday week: the first starts on
    // the Monday 2999 weeks before Mon 14 Dec 2026.
    let n = 3000;
    let tasks = (0..n)
        .map(|i| {
            if i == 0 {
                task("t0", 5)
            } else {
                after(task(&format!("t{i}"), 5), i - 1, FS, 0)
            }
        })
        .collect();
    let s = schedule(&plan(DEADLINE, tasks), date(1900, 1, 1)).unwrap();
    let first = date(2026, 12, 14)
        .checked_sub(jiff::Span::new().weeks(2999))
        .unwrap();
    assert_eq!(s.tasks[0].start, first);
    assert_eq!(s.tasks[n - 1].end, DEADLINE);
    assert!(s.feasible);
}

#[test]
fn same_plan_same_schedule() {
    use LinkKind::FinishToStart as FS;
    let tasks = vec![
        task("a", 3),
        after(task("b", 2), 0, FS, 1),
        after(task("c", 0), 1, LinkKind::StartToStart, -1),
    ];
    assert_eq!(run(tasks.clone()), run(tasks));
}

#[test]
fn the_critical_path_is_the_longest_chain_and_the_margin_path_the_thinnest_margin() {
    use LinkKind::FinishToStart as FS;
    // Fixed dates have no slack: the lone follow-up milestone at J+10 finishes
    // last, but the longer zero-slack chain is ready -> launch. The margin
    // people control is on a -> b: b ends by the close of Tue 15 (ready), so
    // b = Mon 14 - Tue 15 and a = Wed 9 - Fri 11; from Mon 2 Nov that is 27
    // working days of slack for both.
    let s = run(vec![
        task("a", 3),
        after(task("b", 2), 0, FS, 0),
        fixed(after(task("ready", 0), 1, FS, 0), label("J-3")),
        fixed(after(task("launch", 1), 2, FS, 0), label("J")),
        fixed(task("report", 0), label("J+10")),
    ]);
    assert_eq!(s.min_slack, 0);
    assert_eq!(s.critical_path, [2, 3]);
    assert!(s.tasks[4].critical, "every minimum-slack task is critical");
    assert_eq!(s.margin, Some(27));
    assert_eq!(s.margin_path, [0, 1]);
    assert_eq!(dates(&s)[1], (date(2026, 12, 14), date(2026, 12, 15)));
}

/// The `n`-th working day (1 for `from` itself if it works) on France's
/// calendar, counted day by day from the rules' list of closed dates: no
/// work index, no window.
fn nth_french_working_day(from: Date, n: u32) -> Date {
    let rules = CalendarRules {
        country: Some(Country::Fr),
        ..CalendarRules::default()
    };
    let closed: Vec<Date> = rules
        .closed_dates(from, date(from.year() + 10, 12, 31))
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let mut day = from;
    let mut left = n;
    loop {
        let weekend = matches!(
            day.weekday(),
            jiff::civil::Weekday::Saturday | jiff::civil::Weekday::Sunday
        );
        if !weekend && !closed.contains(&day) {
            left -= 1;
            if left == 0 {
                return day;
            }
        }
        day = day.tomorrow().unwrap();
    }
}

/// Work under way whose `remaining` ran past the calendars' window was
/// dated from the weekdays alone, without holidays: the same task ended on
/// another day when a task followed it (which widened the window).
#[test]
fn a_long_remaining_past_the_window_is_dated_with_holidays() {
    let today = date(2026, 11, 2);
    let make = |followed: bool| {
        let mut x = task("x", 1);
        x.status = Status::InProgress;
        x.progress = Some(Box::new(Progress {
            started: Some(today),
            remaining: Some(1000),
            ..Progress::default()
        }));
        let mut tasks = vec![x];
        if followed {
            tasks.push(after(task("y", 1), 0, LinkKind::FinishToStart, 0));
        }
        let mut p = plan(date(2026, 12, 1), tasks);
        p.calendar.country = Some(Country::Fr);
        p
    };
    // `remaining` counts today.
    let end = nth_french_working_day(today, 1000);
    for followed in [false, true] {
        let s = schedule(&make(followed), today).unwrap();
        assert_eq!(s.tasks[0].earliest_end, end, "followed: {followed}");
        assert_eq!(s.tasks[0].forecast_end, end, "followed: {followed}");
    }
}

/// A buffer after the last follow-up task is converted after the
/// positions: one running past the window was dated without holidays.
#[test]
fn a_long_buffer_after_a_follow_up_task_is_dated_with_holidays() {
    let deadline = date(2026, 12, 1);
    let mut b = after(task("b", 1), 0, LinkKind::FinishToStart, 0);
    b.margin = 1000;
    let mut p = plan(
        deadline,
        vec![
            fixed(task("a", 0), label("J+1")),
            b,
            after(task("c", 1), 0, LinkKind::FinishToStart, 0),
        ],
    );
    p.calendar.country = Some(Country::Fr);
    let s = schedule(&p, date(2026, 11, 2)).unwrap();
    assert_eq!(s.tasks[1].direction, Direction::FollowUp);
    let b_end = s.tasks[1].end;
    let buffer = s
        .buffers
        .iter()
        .find(|x| x.after == Some(1))
        .expect("the buffer after b");
    assert_eq!(buffer.days, 1000);
    let first = nth_french_working_day(b_end.tomorrow().unwrap(), 1);
    assert_eq!(buffer.start, first);
    assert_eq!(buffer.end, nth_french_working_day(first, 1000));
}

/// A deadline on the last day the calendars know (31 December 9999) was
/// refused as out of range: the window was asked for the working day after
/// the last task's.
#[test]
fn a_deadline_on_the_last_supported_day_schedules() {
    let s = schedule(
        &plan(date(9999, 12, 31), vec![task("a", 3)]),
        date(9999, 11, 1),
    )
    .unwrap();
    // Friday 31 December 9999; three days back: Wed 29 to Fri 31.
    assert_eq!(dates(&s), vec![(date(9999, 12, 29), date(9999, 12, 31))]);
}

/// Dates before year 1 came out as `-000001-06-24` in the JSON and CSV,
/// which write four digits of year: a schedule stays within the years 1
/// to 9999, and one that would not is refused.
#[test]
fn a_schedule_stays_within_the_years_1_to_9999() {
    let fits = schedule(&plan(date(1, 12, 3), vec![task("a", 20)]), date(1, 1, 1)).unwrap();
    assert_eq!(fits.tasks[0].start.year(), 1);
    let refused = schedule(&plan(date(1, 1, 3), vec![task("a", 400)]), date(1, 1, 1));
    let errors = refused.expect_err("400 days before 3 January of year 1");
    assert!(
        errors
            .0
            .iter()
            .any(|e| matches!(e, PlanError::DateOutOfRange { .. })),
        "{errors:?}"
    );
}
