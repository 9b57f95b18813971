//! The HTML page to send to a client: self-contained (no link, script or
//! address outside it, the chart's font inside), the chart inline, one table
//! row per task with its state, every value escaped, in both languages.

use base64::Engine;
use jiff::civil::date;
use retroplan_engine::{Lang, Plan, Schedule};

const PROMO: &str = include_str!("../../../examples/promo-noel.toml");

fn dated(text: &str, today: jiff::civil::Date) -> (Plan, Schedule) {
    let read = retroplan_formats::read_plan(text);
    assert!(!retroplan_formats::has_errors(&read.diagnostics));
    let plan = read.plan.expect("plan");
    let schedule = retroplan_engine::schedule(&plan, today).expect("schedules");
    (plan, schedule)
}

#[test]
fn the_page_stands_alone_with_the_chart_and_a_row_per_task() {
    let (plan, s) = dated(PROMO, date(2026, 11, 23));
    let page = retroplan_exports::html::page(&plan, &s, Lang::Fr).expect("page");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains(r#"<html lang="fr">"#));
    assert!(page.contains("<title>Promo de Noël 2026</title>"));
    // Nothing is fetched: no script, stylesheet link, image or address.
    for outside in ["<script", "<link", "<img", "http://", "https://", "<iframe"] {
        let allowed = outside == "http://"
            && page.matches("http://").count()
                == page.matches("http://www.w3.org/2000/svg").count();
        assert!(!page.contains(outside) || allowed, "{outside}");
    }
    // The chart is the renderer's SVG, inline.
    let chart = retroplan_gantt::svg(&plan, &s, &retroplan_gantt::GanttOptions::new(Lang::Fr))
        .expect("svg");
    assert!(page.contains(chart.trim_end()));
    // The fonts are the shipped ones, as data.
    let b64 = base64::engine::general_purpose::STANDARD;
    for font in [retroplan_gantt::font::REGULAR, retroplan_gantt::font::BOLD] {
        assert!(page.contains(&b64.encode(font)));
    }
    // One body row per task (23 in the example, cancelled included), under
    // one table per phase: Cadrage, Production, Mise en ligne, Promotion, Bilan.
    assert_eq!(page.matches("<tr class=").count(), plan.tasks.len());
    assert_eq!(page.matches("<h2>").count(), 5);
    assert!(page.contains("<h2>Mise en ligne</h2>"));
    assert!(page.contains("<th>Dépend de</th>") && page.contains("<th>Responsable</th>"));
    assert!(page.contains(r#"<p class="verdict on_track">"#));
}

#[test]
fn late_and_done_rows_carry_their_state() {
    // Read on 3 December: the client meeting of 1 December is not done
    // (late); the team meeting of the 2nd is marked done.
    let text = PROMO.replacen(
        "id = \"reunion-equipe-1\"\n",
        "id = \"reunion-equipe-1\"\nstatus = \"done\"\n",
        1,
    );
    let (plan, s) = dated(&text, date(2026, 12, 3));
    let page = retroplan_exports::html::page(&plan, &s, Lang::En).expect("page");
    assert!(page.contains(r#"<html lang="en">"#));
    assert!(page.contains(r#"<tr class="late" title="to do"><td>reunion-client-1</td>"#));
    assert!(page.contains(r#"<tr class="done" title="done"><td>reunion-equipe-1</td>"#));
    assert!(page.contains("<th>Depends on</th>"));
}

#[test]
fn every_value_from_the_plan_is_escaped() {
    let text = r#"
name = "R&D <b>"
deadline = 2026-12-18
[[task]]
id = "a"
title = "Tom & Jerry <script>alert(1)</script>"
days = 1
notes = "\"quoted\" & 'single'"
"#;
    let (plan, s) = dated(text, date(2026, 12, 1));
    let page = retroplan_exports::html::page(&plan, &s, Lang::Fr).expect("page");
    assert!(!page.contains("<script>") && !page.contains("R&D <b>"));
    assert!(
        page.contains("Tom &#38; Jerry &#60;script&#62;")
            || page.contains("Tom &amp; Jerry &lt;script&gt;")
    );
    assert!(page.contains("R&#38;D &#60;b&#62;") || page.contains("R&amp;D &lt;b&gt;"));
}
