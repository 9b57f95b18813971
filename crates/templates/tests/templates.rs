//! The built-in templates against the contract, and the template operations
//! (instantiate, save) end to end on real template files.

#[path = "../../engine/tests/oracle/mod.rs"]
mod oracle;

use jiff::civil::{Date, date};
use retroplan_engine::{Lang, LinkKind, Plan, RelativeDate, Schedule, When, schedule};
use retroplan_formats::{has_errors, read_plan};
use retroplan_templates::{
    Assignment, Catalog, Origin, Template, TemplateError, instantiate, save,
};

/// Awkward deadlines: a Sunday, Christmas Eve, Easter Monday 2027 (a public
/// holiday), Ascension Thursday 2027 (a holiday before a bridge), Black Friday.
const DEADLINES: [Date; 5] = [
    date(2027, 3, 14),
    date(2026, 12, 24),
    date(2027, 3, 29),
    date(2027, 5, 6),
    date(2026, 11, 27),
];

fn dated(template: &Template, deadline: Date) -> (String, Plan) {
    let text = instantiate(template, deadline, &[]).unwrap_or_else(|e| {
        panic!(
            "{} ({}) for {deadline}: {e:?}",
            template.id,
            template.lang.code()
        )
    });
    let read = read_plan(&text);
    assert!(
        !has_errors(&read.diagnostics),
        "{} ({}): {:?}",
        template.id,
        template.lang.code(),
        read.diagnostics
    );
    (text, read.plan.expect("a dated template has a deadline"))
}

fn before(d: Date, days: i64) -> Date {
    d.checked_sub(jiff::Span::new().days(days)).unwrap()
}

#[test]
fn every_builtin_template_schedules_and_keeps_the_invariants_for_awkward_deadlines() {
    let catalog = Catalog::builtin();
    assert!(catalog.templates().len() >= 2);
    for template in catalog.templates() {
        for deadline in DEADLINES {
            let (_, plan) = dated(template, deadline);
            assert_eq!(plan.deadline, deadline);
            assert!(!plan.tasks.is_empty(), "{}: no tasks", template.id);
            let today = before(deadline, 200);
            let s = schedule(&plan, today).unwrap_or_else(|e| {
                panic!(
                    "{} ({}) for {deadline}: {e}",
                    template.id,
                    template.lang.code()
                )
            });
            assert!(
                s.feasible,
                "{} ({}) for {deadline}: late by {} from 200 days ahead",
                template.id,
                template.lang.code(),
                s.late_by
            );
            // The oracle knows no buffers (they move planned dates only,
            // docs/margins.md; `crates/engine/tests/margins.rs` checks
            // them): it checks the plan without them.
            let plain = retroplan_engine::Plan {
                margins: Default::default(),
                ..plan.clone()
            };
            if let Err(e) = oracle::check_plan(&plain, today) {
                panic!(
                    "{} ({}) for {deadline}: {e}",
                    template.id,
                    template.lang.code()
                );
            }
        }
    }
}

#[test]
fn every_builtin_template_exists_in_french_and_english_with_an_alias_and_a_span() {
    let catalog = Catalog::builtin();
    for id in catalog.ids() {
        let fr = catalog.find(&id, Some(Lang::Fr)).expect("a French version");
        let en = catalog
            .find(&id, Some(Lang::En))
            .expect("an English version");
        assert!(fr.span.is_some() && en.span.is_some(), "{id}: span");
        assert!(fr.source.is_some(), "{id}: source");
        assert!(!fr.aliases.is_empty(), "{id}: a French alias");
        for alias in &fr.aliases {
            assert_eq!(catalog.find(alias, Some(Lang::Fr)).unwrap().id, id);
        }
    }
}

/// Names by order of first appearance, so two languages compare without
/// their words.
fn rank_of(names: impl Iterator<Item = Option<String>>) -> Vec<Option<usize>> {
    let mut seen: Vec<String> = Vec::new();
    names
        .map(|n| {
            n.map(|n| match seen.iter().position(|s| *s == n) {
                Some(i) => i,
                None => {
                    seen.push(n);
                    seen.len() - 1
                }
            })
        })
        .collect()
}

#[test]
fn french_and_english_versions_describe_the_same_plan() {
    let catalog = Catalog::builtin();
    let deadline = date(2027, 6, 15);
    for id in catalog.ids() {
        let (_, fr) = dated(catalog.find(&id, Some(Lang::Fr)).unwrap(), deadline);
        let (_, en) = dated(catalog.find(&id, Some(Lang::En)).unwrap(), deadline);
        assert_eq!(fr.tasks.len(), en.tasks.len(), "{id}: number of tasks");
        assert_eq!(fr.people.len(), en.people.len(), "{id}: number of roles");
        assert_eq!(fr.calendar, en.calendar, "{id}: calendar");
        let person = |p: &Plan, owner: &Option<String>| {
            owner
                .as_ref()
                .and_then(|o| p.people.iter().position(|x| x.id == *o))
        };
        for (i, (a, b)) in fr.tasks.iter().zip(&en.tasks).enumerate() {
            let at = format!("{id}: task {i} ({} / {})", a.id, b.id);
            assert_eq!(a.duration, b.duration, "{at}: duration");
            assert_eq!(a.due, b.due, "{at}: due");
            assert_eq!(a.on, b.on, "{at}: on");
            assert_eq!(a.after, b.after, "{at}: dependencies");
            assert_eq!(a.workdays, b.workdays, "{at}: workdays");
            assert_eq!(a.work_on_holidays, b.work_on_holidays, "{at}: holidays");
            assert_eq!(person(&fr, &a.owner), person(&en, &b.owner), "{at}: owner");
            assert_eq!(a.channel.is_some(), b.channel.is_some(), "{at}: channel");
        }
        let phases = |p: &Plan| rank_of(p.tasks.iter().map(|t| t.phase.clone()));
        assert_eq!(phases(&fr), phases(&en), "{id}: phases");
        assert_eq!(fr.meetings.len(), en.meetings.len(), "{id}: meetings");
        for (a, b) in fr.meetings.iter().zip(&en.meetings) {
            assert_eq!(a.rule, b.rule, "{id}: meeting {} / {}", a.id, b.id);
        }
    }
}

/// The dates of every task and meeting: what a round trip must keep.
fn dates_of(plan: &Plan, s: &Schedule) -> Vec<(String, Date, Date)> {
    let mut out: Vec<(String, Date, Date)> = plan
        .tasks
        .iter()
        .zip(&s.tasks)
        .map(|(t, ts)| (t.id.clone(), ts.start, ts.end))
        .collect();
    for (m, d) in plan.meetings.iter().zip(&s.meetings) {
        for &day in &d.dates {
            out.push((m.id.clone(), day, day));
        }
    }
    out
}

fn round_trip(plan_text: &str, what: &str) {
    let read = read_plan(plan_text);
    assert!(
        !has_errors(&read.diagnostics),
        "{what}: {:?}",
        read.diagnostics
    );
    let plan = read.plan.unwrap();
    let today = before(plan.deadline, 150);
    let original = schedule(&plan, today).unwrap();

    let catalog = Catalog::builtin();
    let template_text = save(plan_text, "mon-modele", &catalog).unwrap();
    assert!(
        !template_text.contains("deadline ="),
        "{what}: the deadline is gone"
    );
    let file = "mon-modele.fr.toml".to_string();
    let template = Template::parse(&template_text, Origin::User { file }).unwrap();
    assert_eq!(template.id, "mon-modele");
    let again = instantiate(&template, plan.deadline, &[]).unwrap();
    let plan2 = read_plan(&again).plan.unwrap();
    let s2 = schedule(&plan2, today).unwrap();
    assert_eq!(dates_of(&plan, &original), dates_of(&plan2, &s2), "{what}");
    assert_eq!(plan.calendar, plan2.calendar, "{what}: closures kept");
    assert_eq!(plan.people, plan2.people, "{what}: people, time off");
}

#[test]
fn a_plan_saved_as_a_template_and_dated_again_keeps_its_dates() {
    round_trip(
        include_str!("../../../examples/promo-noel.toml"),
        "promo-noel",
    );
    round_trip(
        include_str!("../../../examples/lancement-produit.toml"),
        "lancement-produit",
    );
    let catalog = Catalog::builtin();
    for t in catalog.templates() {
        let (text, _) = dated(t, date(2027, 10, 8));
        round_trip(&text, &t.id);
    }
}

#[test]
fn saving_turns_absolute_dates_into_labels_everywhere() {
    let plan = r#"
name = "Salon"
deadline = 2027-03-10
today = 2027-01-04

[calendar]
holidays = [2027-02-22]
closed = [{ from = 2027-02-15, to = 2027-02-19 }]

[[person]]
id = "lea"
off = [{ from = 2027-03-01, to = 2027-03-02 }]

[[meeting]]
id = "client"
on = [2027-02-01, "J-7"]

[[task]]
id = "stand"
owner = "lea"
days = 3
due = 2027-03-01

[[task]]
id = "ouverture"
days = 0
on = 2027-03-10
after = ["stand"]
"#;
    let text = save(plan, "salon", &Catalog::builtin()).unwrap();
    for expected in [
        r#"holidays = ["J-16"]"#,
        r#"closed = [{ from = "J-23", to = "J-19" }]"#,
        r#"off = [{ from = "J-9", to = "J-8" }]"#,
        r#"on = ["J-37", "J-7"]"#,
        r#"due = "J-9""#,
        r#"on = "J""#,
        "[template]",
        r#"id = "salon""#,
    ] {
        assert!(text.contains(expected), "missing {expected} in:\n{text}");
    }
    assert!(!text.contains("today"), "{text}");
}

#[test]
fn saving_refuses_builtin_ids_bad_ids_and_plans_with_errors() {
    let catalog = Catalog::builtin();
    let id = catalog.ids()[0].clone();
    let plan = "deadline = 2027-03-10\n[[task]]\nid = \"a\"\ndays = 1\n";
    assert!(matches!(
        save(plan, &id, &catalog),
        Err(TemplateError::BuiltInId { .. })
    ));
    match save(plan, "Mon Modèle", &catalog) {
        Err(TemplateError::BadId { suggestion, .. }) => assert_eq!(suggestion, "mon-modele"),
        other => panic!("{other:?}"),
    }
    let broken = "deadline = 2027-03-10\n[[task]]\nid = \"a\"\ndays = 1\nafter = [\"b\"]\n";
    assert!(matches!(
        save(broken, "x", &catalog),
        Err(TemplateError::Invalid { .. })
    ));
}

const SMALL: &str = r#"# En-tête du modèle : gardé.
name = "Petit modèle"
lang = "fr"

[template]
id = "petit"
title = "Petit modèle"
span = "J-10 … J"
aliases = ["mini"]

[[person]]
id = "graphiste"
name = "Graphiste"
role = "Graphiste"

[[person]]
id = "webmaster"
name = "Webmaster"
role = "Webmaster"

[[person]]
id = "client"
name = "Client"
role = "Client"

[[meeting]]
id = "point"
title = "Point"
owner = "webmaster"
attendees = ["graphiste", "webmaster", "client"]
every = "lun"

[[task]]
id = "maquette"
title = "Maquette"
owner = "graphiste"   # le graphiste dessine
days = 3
reviews = 1
reviewer = "client"

[[task]]
id = "page"
title = "Page"
owner = "webmaster"
days = 2
after = ["maquette"]
due = "J-2"
"#;

fn small() -> Template {
    Template::parse(SMALL, Origin::BuiltIn).unwrap()
}

#[test]
fn instantiating_writes_the_deadline_keeps_comments_and_maps_roles() {
    let assign = [
        Assignment::parse("graphiste=Léa Martin").unwrap(),
        Assignment::parse("Webmaster = lea-martin").unwrap(),
    ];
    let text = instantiate(&small(), date(2027, 4, 16), &assign).unwrap();
    assert!(
        text.starts_with(
            "# En-tête du modèle : gardé.\nname = \"Petit modèle\"\ndeadline = 2027-04-16"
        ),
        "{text}"
    );
    assert!(text.contains("# le graphiste dessine"), "{text}");
    assert!(!text.contains("[template]"), "{text}");
    let plan = read_plan(&text).plan.unwrap();
    // Two roles, one person: one entry holding both roles.
    let ids: Vec<&str> = plan.people.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["lea-martin", "client"]);
    assert_eq!(plan.people[0].name, "Léa Martin");
    assert_eq!(plan.people[0].role.as_deref(), Some("Graphiste, Webmaster"));
    assert!(
        plan.tasks
            .iter()
            .filter(|t| t.id != "maquette-review-1")
            .all(|t| t.owner.as_deref() == Some("lea-martin"))
    );
    assert_eq!(plan.meetings[0].owner.as_deref(), Some("lea-martin"));
    assert_eq!(plan.meetings[0].attendees, ["lea-martin", "client"]);
}

#[test]
fn instantiating_refuses_an_unknown_role_and_names_the_roles() {
    let wrong = [Assignment::parse("photographe=Hugo").unwrap()];
    match instantiate(&small(), date(2027, 4, 16), &wrong).unwrap_err() {
        TemplateError::UnknownRole { role, roles, .. } => {
            assert_eq!(role, "photographe");
            let ids: Vec<&str> = roles.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(ids, ["graphiste", "webmaster", "client"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(Assignment::parse("graphiste").is_err());
    assert!(Assignment::parse("=lea").is_err());
}

#[test]
fn a_validation_loop_expands_into_separate_items_owned_by_the_reviewer() {
    let text = instantiate(&small(), date(2027, 4, 16), &[]).unwrap();
    let plan = read_plan(&text).plan.unwrap();
    let items: Vec<(&str, Option<&str>, u32)> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.owner.as_deref(), t.days()))
        .collect();
    assert_eq!(
        items,
        [
            ("maquette-draft", Some("graphiste"), 3),
            ("maquette-review-1", Some("client"), 2),
            ("maquette", Some("graphiste"), 1),
            ("page", Some("webmaster"), 2),
        ]
    );
    assert_eq!(plan.tasks[2].title, "Maquette (corrections finales)");
    // Friday 16 April 2027: the page ends J-2 = Wednesday 14; the loop
    // before it: draft Mon 5 - Wed 7, review Thu 8 - Fri 9, fix Mon 12.
    let s = schedule(&plan, date(2027, 3, 1)).unwrap();
    let got: Vec<(Date, Date)> = s.tasks.iter().map(|t| (t.start, t.end)).collect();
    assert_eq!(
        got,
        [
            (date(2027, 4, 5), date(2027, 4, 7)),
            (date(2027, 4, 8), date(2027, 4, 9)),
            (date(2027, 4, 12), date(2027, 4, 12)),
            (date(2027, 4, 13), date(2027, 4, 14)),
        ]
    );
    assert!(
        plan.tasks
            .iter()
            .all(|t| t.after.iter().all(|l| l.kind == LinkKind::FinishToStart))
    );
}

#[test]
fn the_starter_plan_reads_in_both_languages() {
    let on_d_day = When::Relative(RelativeDate::parse("J").unwrap());
    for lang in [Lang::Fr, Lang::En] {
        let text = retroplan_templates::starter(lang, date(2027, 2, 1));
        let read = read_plan(&text);
        assert!(!has_errors(&read.diagnostics), "{:?}", read.diagnostics);
        let plan = read.plan.unwrap();
        assert_eq!(plan.deadline, date(2027, 2, 1));
        assert_eq!(plan.lang, Some(lang));
        assert!(plan.tasks.iter().any(|t| t.on == Some(on_d_day)));
        let comments = text
            .lines()
            .filter(|l| l.trim_start().starts_with('#'))
            .count();
        assert!(comments > 10, "commented: {comments} lines");
    }
}

/// `ready_by` stayed an absolute date in a saved template, so a plan made
/// from it for another deadline had a buffer months long; `--assign` did
/// not rename the people of a task's RACI, and the plan was refused.
#[test]
fn a_saved_template_moves_its_ready_by_and_assigns_its_raci() {
    let plan = r#"
name = "RB"
deadline = 2026-12-18
lang = "en"
ready_by = 2026-12-11

[[person]]
id = "designer"
name = "Designer"

[[person]]
id = "writer"
name = "Writer"

[[task]]
id = "brief"
owner = "designer"
responsible = "writer"
consulted = ["designer", "writer"]
days = 2

[[task]]
id = "ship"
owner = "writer"
days = 1
after = ["brief"]
"#;
    let text = save(plan, "rb", &Catalog::builtin()).unwrap();
    assert!(text.contains("ready_by = \"J-7\""), "{text}");
    let template = Template::parse(
        &text,
        Origin::User {
            file: "rb.en.toml".to_string(),
        },
    )
    .unwrap();
    let assign = [Assignment::parse("writer=Léa Martin").unwrap()];
    let made = instantiate(&template, date(2027, 3, 19), &assign).unwrap();
    let read = read_plan(&made);
    assert!(
        !has_errors(&read.diagnostics),
        "{:?}\n{made}",
        read.diagnostics
    );
    let plan = read.plan.unwrap();
    let raci = plan.tasks[0].raci.as_ref().unwrap();
    assert_eq!(raci.responsible, ["lea-martin"]);
    assert_eq!(raci.consulted, ["designer", "lea-martin"]);
    // Ready a week before the new deadline: Fri 12 March 2027.
    let s = schedule(&plan, date(2027, 1, 4)).unwrap();
    assert_eq!(s.tasks[1].end, date(2027, 3, 12));
}
