//! The Gantt chart as a person reads it: geometry that follows the calendar,
//! the look of each state, the parts a chart must show (critical path,
//! milestones, buffers, links, baseline, today and D-day), zoom and window,
//! a 500-task chart, and the PNG and PDF made from it. Golden snapshots of
//! the examples pin the whole picture.

use std::collections::HashMap;

use jiff::civil::date;
use resvg::usvg::roxmltree::{Document, Node};
use retroplan_engine::{Lang, Plan, Schedule, schedule};
use retroplan_gantt::{GanttError, GanttOptions, Zoom};

fn read(source: &str) -> Plan {
    let read = retroplan_formats::read_plan(source);
    assert!(
        !retroplan_formats::has_errors(&read.diagnostics),
        "{:?}",
        read.diagnostics
    );
    read.plan.expect("plan")
}

fn planned(source: &str) -> (Plan, Schedule) {
    let plan = read(source);
    let today = plan.today.expect("the test plans fix today");
    let s = schedule(&plan, today).expect("schedules");
    (plan, s)
}

fn example(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../examples/{name}.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
}

fn options(lang: Lang) -> GanttOptions {
    GanttOptions::new(lang)
}

fn attr(node: &Node, name: &str) -> f64 {
    node.attribute(name)
        .unwrap_or_else(|| panic!("no {name} on {node:?}"))
        .parse()
        .expect("number")
}

/// The task groups by id.
fn tasks<'a>(doc: &'a Document<'a>) -> HashMap<String, Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("data-id").is_some() && n.has_tag_name("g"))
        .map(|n| (n.attribute("data-id").unwrap_or_default().to_string(), n))
        .collect()
}

/// The bar of a task group: its first `rect` that is not a ghost, buffer or slip.
fn bar<'a>(group: &Node<'a, 'a>) -> Node<'a, 'a> {
    group
        .children()
        .find(|n| n.has_tag_name("rect") && n.attribute("class").is_none())
        .expect("a bar")
}

/// The widths of the rectangles filled with `fill`.
fn widths_filled(doc: &Document, fill: &str) -> Vec<f64> {
    doc.descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") == Some(fill))
        .map(|n| attr(&n, "width"))
        .collect()
}

/// The rectangle behind the axis: it spans the days shown.
fn days_rect<'a>(doc: &'a Document<'a>) -> Node<'a, 'a> {
    doc.descendants()
        .find(|n| n.attribute("class") == Some("days"))
        .expect("the days' rectangle")
}

fn classes(node: &Node) -> Vec<String> {
    node.attribute("class")
        .unwrap_or_default()
        .split(' ')
        .map(str::to_string)
        .collect()
}

const CHAIN: &str = r#"
name = "Chaîne"
deadline = 2026-12-18
today = 2026-11-30
[calendar]
country = "FR"
[[person]]
id = "lea"
name = "Léa Martin"
[[task]]
id = "brief"
title = "Brief"
owner = "lea"
days = 3
[[task]]
id = "visuels"
title = "Visuels"
owner = "lea"
days = 4
after = ["brief"]
[[task]]
id = "go"
title = "Go"
days = 0
after = ["visuels"]
"#;

#[test]
fn bars_span_their_calendar_days_at_the_zoom_scale() {
    let (plan, s) = planned(CHAIN);
    for (zoom, px) in [(Zoom::Day, 28.0), (Zoom::Week, 5.0), (Zoom::Month, 1.5)] {
        let svg = retroplan_gantt::svg(
            &plan,
            &s,
            &GanttOptions {
                zoom: Some(zoom),
                ..options(Lang::Fr)
            },
        )
        .expect("svg");
        let doc = Document::parse(&svg).expect("well-formed SVG");
        let groups = tasks(&doc);
        let brief = bar(&groups["brief"]);
        let visuels = bar(&groups["visuels"]);
        let t = |id: &str| &s.tasks[plan.tasks.iter().position(|t| t.id == id).unwrap()];
        // A bar covers its first to its last day, weekends inside included.
        let calendar_days = |id: &str| ((t(id).end - t(id).start).get_days() + 1) as f64;
        assert!((attr(&brief, "width") - calendar_days("brief") * px).abs() < 0.11);
        assert!((attr(&visuels, "width") - calendar_days("visuels") * px).abs() < 0.11);
        // Two bars are as far apart as their starts.
        let gap = (t("visuels").start - t("brief").start).get_days() as f64;
        assert!((attr(&visuels, "x") - attr(&brief, "x") - gap * px).abs() < 0.11);
        // Each row sits one row below the previous.
        assert_eq!(attr(&visuels, "y") - attr(&brief, "y"), 24.0);
    }
}

#[test]
fn a_four_day_task_over_a_weekend_is_six_columns_wide() {
    // visuels: 4 working days before the milestone, from Friday 11 to
    // Wednesday 16 December 2026 would be 4 days only if it skipped the
    // weekend; the bar covers the calendar span, weekend inside.
    let (plan, s) = planned(CHAIN);
    let v = &s.tasks[1];
    let span = (v.end - v.start).get_days() + 1;
    assert_eq!(v.days, 4);
    let working: i32 = v
        .start
        .series(jiff::ToSpan::day(1))
        .take(span as usize)
        .filter(|d| plan.calendar.is_working_day(*d))
        .count() as i32;
    assert_eq!(working, 4, "the schedule puts 4 working days in the bar");
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let width = attr(&bar(&tasks(&doc)["visuels"]), "width");
    assert_eq!(width, f64::from(span) * 28.0);
}

const STATES: &str = r#"
name = "États"
deadline = 2026-12-18
today = 2026-12-07
[[task]]
id = "fait"
title = "Fait"
days = 2
status = "done"
[[task]]
id = "encours"
title = "En cours"
days = 2
status = "in_progress"
[[task]]
id = "avalider"
title = "À valider"
days = 2
status = "review"
[[task]]
id = "bloque"
title = "Bloqué"
days = 2
status = "blocked"
[[task]]
id = "afaire"
title = "À faire"
days = 2
[[task]]
id = "retard"
title = "En retard"
days = 3
on = 2026-12-01
[[task]]
id = "annule"
title = "Annulé"
days = 2
status = "cancelled"
"#;

#[test]
fn each_state_has_its_colour_and_a_pattern_or_mark_too() {
    let (plan, s) = planned(STATES);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let groups = tasks(&doc);
    let expect = [
        ("fait", "done", "#3a9b5c", "✓ "),
        ("encours", "in_progress", "url(#p-in_progress)", "▶ "),
        ("avalider", "review", "url(#p-review)", "? "),
        ("bloque", "blocked", "url(#p-blocked)", "✖ "),
        ("afaire", "todo", "#a7b1be", ""),
    ];
    for (id, class, fill, _) in expect {
        let g = &groups[id];
        assert!(
            classes(g).contains(&class.to_string()),
            "{id}: {:?}",
            classes(g)
        );
        assert_eq!(bar(g).attribute("fill"), Some(fill), "{id}");
    }
    // Not started on its fixed start, 1 December, a week before today: late.
    let late = &groups["retard"];
    assert!(classes(late).contains(&"late".to_string()));
    assert_eq!(bar(late).attribute("fill"), Some("url(#p-late)"));
    // The marks are text: they survive black-and-white printing.
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_string))
        .collect();
    for mark in ["✓ ", "▶ ", "? ", "✖ ", "! "] {
        assert!(
            texts
                .iter()
                .any(|t| t == mark.trim_end() || t.starts_with(mark)),
            "{mark}"
        );
    }
    // A cancelled task takes no time: not drawn.
    assert!(!groups.contains_key("annule"));
    // The legend names every state.
    for word in [
        "à faire",
        "en cours",
        "à valider",
        "terminé",
        "bloqué",
        "en retard",
    ] {
        assert!(texts.iter().any(|t| t.ends_with(word)), "legend: {word}");
    }
}

#[test]
fn the_critical_path_is_outlined_and_milestones_are_diamonds() {
    let (plan, s) = planned(CHAIN);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::En)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let groups = tasks(&doc);
    for (i, t) in plan.tasks.iter().enumerate() {
        let g = &groups[&t.id];
        assert_eq!(
            classes(g).contains(&"critical".to_string()),
            s.tasks[i].critical,
            "{}",
            t.id
        );
    }
    assert!(s.tasks[0].critical, "a single chain is critical");
    assert_eq!(bar(&groups["brief"]).attribute("stroke"), Some("#111827"));
    let diamond = groups["go"]
        .children()
        .find(|n| n.has_tag_name("path"))
        .expect("a milestone is a path");
    let d = diamond.attribute("d").unwrap_or_default();
    assert_eq!(d.matches('L').count(), 3, "four corners: {d}");
    assert!(groups["go"].children().all(|n| !n.has_tag_name("rect")));
}

#[test]
fn every_visible_dependency_has_an_arrow_unless_asked_not_to() {
    let (plan, s) = planned(&example("promo-noel"));
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let arrows: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.attribute("marker-end").is_some())
        .map(|n| {
            (
                n.attribute("data-from").unwrap_or_default().to_string(),
                n.attribute("data-to").unwrap_or_default().to_string(),
            )
        })
        .collect();
    let links: Vec<(String, String)> = plan
        .tasks
        .iter()
        .flat_map(|t| {
            t.after
                .iter()
                .map(|l| (plan.tasks[l.task].id.clone(), t.id.clone()))
        })
        .collect();
    assert!(!links.is_empty());
    assert_eq!(arrows.len(), links.len());
    for link in &links {
        assert!(arrows.contains(link), "{link:?}");
    }
    let bare = retroplan_gantt::svg(
        &plan,
        &s,
        &GanttOptions {
            links: false,
            ..options(Lang::Fr)
        },
    )
    .expect("svg");
    assert!(!bare.contains("marker-end"));
}

#[test]
fn buffers_are_hatched_and_what_is_consumed_is_filled() {
    // A 2-day task margin after `brief`, and its start slipped by a
    // recorded late start: the forecast eats into the margin.
    let source = r#"
name = "Marges"
deadline = 2026-12-18
today = 2026-12-03
buffer = "2d"
[[task]]
id = "brief"
title = "Brief"
days = 3
margin = "2d"
status = "in_progress"
started = 2026-12-03
[[task]]
id = "visuels"
title = "Visuels"
days = 2
after = ["brief"]
"#;
    let (plan, s) = planned(source);
    assert!(s.buffers.len() >= 2, "{:?}", s.buffers);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let buffers: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g") && classes(n).contains(&"buffer".to_string()))
        .collect();
    assert_eq!(buffers.len(), s.buffers.len());
    for (node, b) in buffers.iter().zip(&s.buffers) {
        let hatched = node
            .children()
            .find(|n| n.attribute("fill") == Some("url(#p-buffer)"))
            .expect("hatched");
        let days = ((b.end - b.start).get_days() + 1) as f64;
        assert!((attr(&hatched, "width") - days * 28.0).abs() < 0.11);
        let consumed = node
            .children()
            .find(|n| n.attribute("class") == Some("consumed"));
        assert_eq!(consumed.is_some(), b.consumed > 0);
        if let Some(c) = consumed {
            let share = f64::from(b.consumed) / f64::from(b.days);
            assert!((attr(&c, "width") - attr(&hatched, "width") * share).abs() < 0.11);
        }
    }
    // The buffer before D-day has its own row, labelled.
    assert!(svg.contains("Marge avant le Jour J"));
}

#[test]
fn a_baseline_shows_as_ghost_bars_at_its_dates() {
    let source = r#"
name = "Référence"
deadline = 2026-12-18
today = 2026-12-01
[[task]]
id = "brief"
title = "Brief"
days = 3
[baseline.v1]
recorded = 2026-11-20
deadline = 2026-12-18
tasks.brief = { start = 2026-12-07, end = 2026-12-09, days = 3, status = "todo" }
"#;
    let (plan, s) = planned(source);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::En)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let g = &tasks(&doc)["brief"];
    let ghost = g
        .children()
        .find(|n| n.attribute("class") == Some("baseline"))
        .expect("ghost bar");
    // Three calendar days, Monday 7 to Wednesday 9.
    assert_eq!(attr(&ghost, "width"), 3.0 * 28.0);
    let bar_x = attr(&bar(g), "x");
    let planned_start = s.tasks[0].start;
    let offset = (date(2026, 12, 7) - planned_start).get_days() as f64;
    assert!((attr(&ghost, "x") - bar_x - offset * 28.0).abs() < 0.11);
    assert!(svg.contains("baseline v1"));
}

#[test]
fn the_window_keeps_the_tasks_it_touches_and_refuses_to_run_backwards() {
    let (plan, s) = planned(&example("promo-noel"));
    let from = date(2026, 12, 14);
    let to = date(2026, 12, 24);
    let svg = retroplan_gantt::svg(
        &plan,
        &s,
        &GanttOptions {
            from: Some(from),
            to: Some(to),
            ..options(Lang::Fr)
        },
    )
    .expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let shown = tasks(&doc);
    for (i, t) in plan.tasks.iter().enumerate() {
        let ts = &s.tasks[i];
        let touches = ts.start.min(ts.forecast_start) <= to && ts.end.max(ts.forecast_end) >= from;
        assert_eq!(shown.contains_key(&t.id), touches, "{}", t.id);
    }
    // 11 days from the 14th to the 24th, in day zoom.
    let days = days_rect(&doc);
    assert_eq!(attr(&days, "width"), 11.0 * 28.0);
    let err = retroplan_gantt::svg(
        &plan,
        &s,
        &GanttOptions {
            from: Some(to),
            to: Some(from),
            ..options(Lang::Fr)
        },
    )
    .unwrap_err();
    assert_eq!(
        err,
        GanttError::EmptyWindow {
            first: to,
            last: from
        }
    );
    let err = retroplan_gantt::svg(
        &plan,
        &s,
        &GanttOptions {
            from: Some(date(1990, 1, 1)),
            ..options(Lang::Fr)
        },
    )
    .unwrap_err();
    assert!(matches!(err, GanttError::WindowTooLong { .. }), "{err}");
}

#[test]
fn the_zoom_follows_the_length_of_the_plan_unless_chosen() {
    assert_eq!(Zoom::fitting(60), Zoom::Day);
    assert_eq!(Zoom::fitting(200), Zoom::Week);
    assert_eq!(Zoom::fitting(900), Zoom::Month);
    // 120 working days: about six months, drawn in weeks from a Monday to
    // a Sunday, each Monday labelled dd/mm.
    let source = r#"
name = "Long"
deadline = 2027-06-30
today = 2027-01-04
[[task]]
id = "a"
title = "A"
days = 120
"#;
    let (plan, s) = planned(source);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let clip_w = attr(&days_rect(&doc), "width");
    assert_eq!(clip_w % 35.0, 0.0, "whole weeks of 5 px days: {clip_w}");
    let monday = s.tasks[0].start.checked_sub(jiff::ToSpan::days(i64::from(
        s.tasks[0].start.weekday().to_monday_zero_offset(),
    )));
    let monday = monday.expect("date");
    let label = format!(">{:02}/{:02}<", monday.day(), monday.month());
    assert!(svg.contains(&label), "{label}");
    // Asked for days, it is days.
    let daily = retroplan_gantt::svg(
        &plan,
        &s,
        &GanttOptions {
            zoom: Some(Zoom::Day),
            ..options(Lang::Fr)
        },
    )
    .expect("svg");
    assert!(svg_size(&daily).0 > 4.0 * svg_size(&svg).0);
}

#[test]
fn the_axis_shows_dates_and_j_labels_with_d_day_marked() {
    let (plan, s) = planned(CHAIN);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let bold_red: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("fill") == Some("#c0262d"))
        .filter_map(|n| n.text())
        .collect();
    assert!(bold_red.contains(&"J"), "{bold_red:?}");
    assert!(bold_red.iter().any(|t| t.starts_with("Jour J 18/12/2026")));
    assert!(svg.contains(">J-1<") && svg.contains(">décembre 2026<"));
    let english = retroplan_gantt::svg(&plan, &s, &options(Lang::En)).expect("svg");
    assert!(english.contains(">December 2026<") && english.contains("D-day 2026-12-18"));
    assert!(english.contains(">Today 2026-11-30<"));
}

#[test]
fn closed_days_are_shaded_in_runs() {
    // 25 December 2026 (a Friday) and 1 January 2027 (a Friday) are public
    // holidays in France, shaded darker than the weekends beside them.
    let source = r#"
name = "Noël"
deadline = 2026-12-31
today = 2026-12-21
[[task]]
id = "a"
title = "A"
days = 6
"#;
    let (plan, s) = planned(source);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let holidays = widths_filled(&doc, "#e6e9f0");
    // The window runs from the 20th (J-11, one day before the first bar) to
    // 1 January: two holidays, Christmas and New Year's Day, each alone
    // among working days.
    assert_eq!(holidays, vec![28.0, 28.0], "the 25th and the 1st");
    let weekends = widths_filled(&doc, "#eef1f5");
    assert!(
        weekends.contains(&56.0),
        "Saturday and Sunday together: {weekends:?}"
    );
}

#[test]
fn text_from_the_plan_is_escaped() {
    let source = r#"
name = "R&D <test> \"quoted\""
deadline = 2026-12-18
today = 2026-12-01
[[task]]
id = "a"
title = "Tom & Jerry <script>"
days = 1
"#;
    let (plan, s) = planned(source);
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("well-formed despite & and <");
    assert!(
        doc.descendants()
            .any(|n| n.text() == Some("Tom & Jerry <script>"))
    );
    assert!(!svg.contains("<script>"));
}

/// 500 tasks in 20 phases of a chain each.
fn big_plan(tasks: usize) -> String {
    let mut s = String::from("name = \"Grand plan\"\ndeadline = 2027-06-30\ntoday = 2026-11-02\n");
    for i in 0..tasks {
        s.push_str(&format!(
            "[[task]]\nid = \"t{i}\"\ntitle = \"Tâche numéro {i} avec un titre assez long pour être coupé\"\ndays = {}\nphase = \"Phase {}\"\n",
            1 + i % 4,
            i % 20
        ));
        if i >= 20 {
            s.push_str(&format!("after = [\"t{}\"]\n", i - 20));
        }
    }
    s
}

#[test]
fn five_hundred_tasks_stay_legible() {
    let (plan, s) = planned(&big_plan(500));
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let doc = Document::parse(&svg).expect("xml");
    let groups = tasks(&doc);
    assert_eq!(groups.len(), 500);
    // Every row is 24 px apart: no two bars share a line.
    let mut ys: Vec<f64> = groups.values().map(|g| attr(&bar(g), "y")).collect();
    ys.sort_by(f64::total_cmp);
    ys.dedup();
    assert_eq!(ys.len(), 500);
    // Titles are cut to their column: none runs into the chart.
    let chart_left = attr(&days_rect(&doc), "x");
    let titles: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter(|n| n.text().is_some_and(|t| t.starts_with("Tâche numéro")))
        .collect();
    assert_eq!(titles.len(), 500);
    for t in titles {
        let text = t.text().unwrap_or_default();
        let right = attr(&t, "x") + retroplan_gantt::font::text_width(text, 11.0, false);
        assert!(
            right < chart_left,
            "{text} runs to {right}, chart at {chart_left}"
        );
        assert!(text.ends_with('…'));
    }
    // 500 rows and 20 phase headers, the same height each.
    let height = doc.root_element().attribute("height").unwrap_or_default();
    let expected = 50.0 + 48.0 + 520.0 * 24.0 + 16.0 + 44.0;
    assert_eq!(height.parse::<f64>().ok(), Some(expected));
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

fn svg_size(svg: &str) -> (f64, f64) {
    let doc = Document::parse(svg).expect("xml");
    let root = doc.root_element();
    (attr(&root, "width"), attr(&root, "height"))
}

#[test]
fn the_png_is_the_svg_at_twice_its_size_up_to_a_limit() {
    let (plan, s) = planned(&example("promo-noel"));
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let (w, h) = svg_size(&svg);
    let png = retroplan_gantt::png(&svg).expect("png");
    assert_eq!(png_size(&png), ((w * 2.0) as u32, (h * 2.0) as u32));

    let (plan, s) = planned(&big_plan(500));
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let (w, h) = svg_size(&svg);
    let (pw, ph) = png_size(&retroplan_gantt::png(&svg).expect("png"));
    assert!(ph <= 16_000 && pw <= 16_000, "{pw} × {ph}");
    // Scaled down, proportions kept.
    assert!(((f64::from(pw) / f64::from(ph)) - w / h).abs() < 0.01);
}

#[test]
fn the_pdf_has_a_page_per_forty_rows_with_the_text_inside() {
    let (plan, s) = planned(&big_plan(100));
    let pages = retroplan_gantt::pages(&plan, &s, &options(Lang::Fr), 40).expect("pages");
    // 100 tasks and 20 phase headers: 120 rows, 3 pages of 40.
    assert_eq!(pages.len(), 3);
    assert!(pages[0].contains("page 1/3") && pages[2].contains("page 3/3"));
    let pdf = retroplan_gantt::pdf(&pages, &plan.name).expect("pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    let text = String::from_utf8_lossy(&pdf);
    let page_objects = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page ").count()
        + text.matches("/Type/Page\n").count()
        + text.matches("/Type/Page/").count();
    assert!(page_objects == 3 || text.contains("/Count 3"), "3 pages");
}

#[test]
fn examples_golden() {
    for name in ["promo-noel", "lancement-produit", "campagne-communication"] {
        let (plan, s) = planned(&example(name));
        let svg =
            retroplan_gantt::svg(&plan, &s, &options(plan.lang.unwrap_or(Lang::Fr))).expect("svg");
        insta::assert_snapshot!(name, svg);
    }
}

#[test]
fn every_example_reads_back_in_usvg_with_the_shipped_font() {
    for name in ["promo-noel", "lancement-produit", "campagne-communication"] {
        let (plan, s) = planned(&example(name));
        for zoom in [Zoom::Day, Zoom::Week, Zoom::Month] {
            let svg = retroplan_gantt::svg(
                &plan,
                &s,
                &GanttOptions {
                    zoom: Some(zoom),
                    ..options(Lang::Fr)
                },
            )
            .expect("svg");
            let png = retroplan_gantt::png(&svg).expect("png");
            let (w, _) = svg_size(&svg);
            assert_eq!(png_size(&png).0, (w * 2.0) as u32, "{name} {zoom:?}");
        }
    }
}

/// A character the shipped font lacks (★, an emoji, Hebrew) sent the text
/// layout into an endless loop: the fallback offered the same font again
/// each time it was asked. It must end, as a missing glyph.
#[test]
fn a_character_no_font_has_does_not_hang_the_png_or_the_pdf() {
    let (plan, s) = planned(
        "name = \"x ★\"\ndeadline = 2026-12-18\ntoday = 2026-11-02\n\
         [[task]]\nid = \"a\"\ntitle = \"Lancement 🎉 עברית\"\ndays = 2\n",
    );
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let png = retroplan_gantt::png(&svg).map(|p| p.len());
        let pdf = retroplan_gantt::pdf(&[svg], "x ★").map(|p| p.len());
        let _ = done.send((png, pdf));
    });
    let (png, pdf) = finished
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the PNG and the PDF are drawn within a minute");
    assert!(png.expect("png") > 0 && pdf.expect("pdf") > 0);
}

/// U+FFFE and U+FFFF, which TOML strings allow, made an SVG that is not XML
/// (and a PNG or PDF refused).
#[test]
fn characters_xml_has_no_place_for_are_left_out_of_the_svg() {
    let (plan, s) = planned(
        "name = \"Big \\uFFFF plan\"\ndeadline = 2026-12-18\ntoday = 2026-11-02\n\
         [[task]]\nid = \"a\"\ntitle = \"A\\uFFFE\"\ndays = 2\n",
    );
    let svg = retroplan_gantt::svg(&plan, &s, &options(Lang::Fr)).expect("svg");
    assert!(Document::parse(&svg).is_ok(), "not XML");
    assert!(retroplan_gantt::png(&svg).is_ok());
}
