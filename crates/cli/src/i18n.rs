//! Every sentence the CLI shows a person, in French and English.
//!
//! The language comes from `--lang`, else the plan's `lang`, else the
//! environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.

use retroplan_engine::Lang;

/// The language from the environment's locale variables, if they name one.
pub fn lang_from_env(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|k| get(k).filter(|v| !v.is_empty()))
        .map(|v| {
            if v.to_ascii_lowercase().starts_with("fr") {
                Lang::Fr
            } else {
                Lang::En
            }
        })
        .next()
}

pub struct Messages {
    /// What separates a label from its value: " : " in French, ": " in English.
    pub colon: &'static str,
    pub deadline: &'static str,
    pub today: &'static str,
    pub col_label: &'static str,
    pub col_start: &'static str,
    pub col_end: &'static str,
    pub col_task: &'static str,
    pub col_owner: &'static str,
    pub col_days: &'static str,
    pub col_slack: &'static str,
    pub no_phase: &'static str,
    pub critical_legend: &'static str,
    pub milestone_legend: &'static str,
    pub follow_up_legend: &'static str,
    pub anchor_legend: &'static str,
    pub moved_legend: &'static str,
    pub meetings: &'static str,
    pub skipped: &'static str,
    pub weekdays: [&'static str; 7],
}

pub const FR: Messages = Messages {
    colon: " : ",
    deadline: "Jour J",
    today: "aujourd'hui",
    col_label: "J-x",
    col_start: "Début",
    col_end: "Fin",
    col_task: "Tâche",
    col_owner: "Resp.",
    col_days: "Jours",
    col_slack: "Marge",
    no_phase: "Sans phase",
    critical_legend: "! critique (hors dates fixes)",
    milestone_legend: "◆ jalon",
    follow_up_legend: "→ suivi après J",
    anchor_legend: "   ⚓ J-x finit avant son repère (la suite a besoin du temps)",
    moved_legend: "   ⇠n avancée de n jours par le lissage",
    meetings: "Réunions",
    skipped: "annulées (jour fermé)",
    weekdays: ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"],
};

pub const EN: Messages = Messages {
    colon: ": ",
    deadline: "D-day",
    today: "today",
    col_label: "J-x",
    col_start: "Start",
    col_end: "End",
    col_task: "Task",
    col_owner: "Owner",
    col_days: "Days",
    col_slack: "Slack",
    no_phase: "No phase",
    critical_legend: "! critical (fixed dates aside)",
    milestone_legend: "◆ milestone",
    follow_up_legend: "→ follow-up after D",
    anchor_legend: "   ⚓ J-x ends before its anchor (what follows needs the time)",
    moved_legend: "   ⇠n moved n working days by levelling",
    meetings: "Meetings",
    skipped: "skipped (closed day)",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// "3 jours ouvrés" / "1 working day".
pub fn working_days(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Fr, 0 | 1) => format!("{n} jour ouvré"),
        (Lang::Fr, _) => format!("{n} jours ouvrés"),
        (Lang::En, 1) => format!("{n} working day"),
        (Lang::En, _) => format!("{n} working days"),
    }
}

pub fn verdict_feasible(lang: Lang, min_slack: i32, start: &str) -> String {
    let slack = working_days(lang, min_slack.max(0) as u32);
    match lang {
        Lang::Fr => format!(
            "Faisable : {slack} de marge au minimum. Le travail doit commencer au plus tard le {start}."
        ),
        Lang::En => format!("Feasible: at least {slack} of slack. Work must start by {start}."),
    }
}

pub fn verdict_late(lang: Lang, late_by: u32, earliest: &str) -> String {
    let days = working_days(lang, late_by);
    match lang {
        Lang::Fr => format!(
            "En retard de {days}. Date au plus tôt tenable depuis aujourd'hui : {earliest}."
        ),
        Lang::En => format!("Late by {days}. The earliest deadline today allows: {earliest}."),
    }
}

/// Late, though the deadline itself holds: a fixed date or a `due` before
/// it is what breaks (the earliest deadline is then no later than it, and
/// naming it would read as a way out).
pub fn verdict_date_missed(lang: Lang, late_by: u32) -> String {
    let days = working_days(lang, late_by);
    match lang {
        Lang::Fr => format!(
            "En retard de {days} : le Jour J tient, mais une date qui ne peut pas bouger (date fixe ou échéance `due`) est manquée."
        ),
        Lang::En => format!(
            "Late by {days}: the deadline holds, but a date that cannot move (a fixed date or a `due`) is missed."
        ),
    }
}

/// A plan with nothing left to do (every task cancelled, or none).
pub fn verdict_no_work(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Rien à faire : aucune tâche à mener.",
        Lang::En => "Nothing to do: no task left to carry out.",
    }
}

pub fn verdict_fixed_overload(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "Intenable : des tâches à date fixe réservent une personne au-delà de sa capacité (voir Surcharges)."
        }
        Lang::En => {
            "Not feasible: tasks with fixed dates book a person over capacity (see Overloads)."
        }
    }
}

pub fn chain(lang: Lang, late: bool) -> &'static str {
    match (lang, late) {
        (Lang::Fr, false) => "Chemin critique",
        (Lang::Fr, true) => "Chaîne en cause",
        (Lang::En, false) => "Critical path",
        (Lang::En, true) => "Chain causing it",
    }
}

pub fn thinnest_margin(lang: Lang, margin: i32) -> String {
    let days = working_days(lang, margin.max(0) as u32);
    match lang {
        Lang::Fr => format!("Marge la plus faible ({days})"),
        Lang::En => format!("Thinnest margin ({days})"),
    }
}

pub fn check_ok(lang: Lang, tasks: usize, deadline: &str) -> String {
    match lang {
        Lang::Fr => format!("Plan valide : {tasks} tâche(s), Jour J le {deadline}."),
        Lang::En => format!("The plan is valid: {tasks} task(s), D-day on {deadline}."),
    }
}

/// The words of `retroplan raci` (the RACI matrix).
pub struct RaciMessages {
    pub title: &'static str,
    /// The first columns of the CSV: id, title, phase.
    pub csv_columns: [&'static str; 3],
    pub col_person: &'static str,
    pub col_name: &'static str,
    pub who_does_what: &'static str,
    /// Each entry starts with its letters, then what they mean.
    pub legend: [&'static str; 5],
}

pub const RACI_FR: RaciMessages = RaciMessages {
    title: "Matrice RACI",
    csv_columns: ["id", "titre", "phase"],
    col_person: "Personne",
    col_name: "Nom",
    who_does_what: "Qui fait quoi",
    legend: [
        "A approuve et rend compte (le propriétaire)",
        "R réalise",
        "C consulté",
        "I informé",
        "A/R le propriétaire réalise lui-même",
    ],
};

pub const RACI_EN: RaciMessages = RaciMessages {
    title: "RACI matrix",
    csv_columns: ["id", "title", "phase"],
    col_person: "Person",
    col_name: "Name",
    who_does_what: "Who does what",
    legend: [
        "A accountable (the owner)",
        "R responsible (does the work)",
        "C consulted",
        "I informed",
        "A/R the owner does the work",
    ],
};

pub fn raci_messages(lang: Lang) -> &'static RaciMessages {
    match lang {
        Lang::Fr => &RACI_FR,
        Lang::En => &RACI_EN,
    }
}

/// Tasks without an owner, so nobody accountable (`list`: their ids).
pub fn raci_no_accountable(lang: Lang, n: usize, list: &str) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => format!("1 tâche sans propriétaire (A, `owner`) : {list}"),
        (Lang::Fr, _) => format!("{n} tâches sans propriétaire (A, `owner`) : {list}"),
        (Lang::En, 1) => format!("1 task with nobody accountable (A, `owner`): {list}"),
        (Lang::En, _) => format!("{n} tasks with nobody accountable (A, `owner`): {list}"),
    }
}

/// Tasks with neither an owner nor `responsible`: nobody does the work.
pub fn raci_no_responsible(lang: Lang, n: usize, list: &str) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => {
            format!("1 tâche que personne ne réalise (R : ni `owner` ni `responsible`) : {list}")
        }
        (Lang::Fr, _) => {
            format!("{n} tâches que personne ne réalise (R : ni `owner` ni `responsible`) : {list}")
        }
        (Lang::En, 1) => {
            format!("1 task nobody is responsible for (R: no `owner`, no `responsible`): {list}")
        }
        (Lang::En, _) => {
            format!("{n} tasks nobody is responsible for (R: no `owner`, no `responsible`): {list}")
        }
    }
}

/// Milestones that involve nobody, left out of the matrix.
pub fn raci_left_out(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 jalon sans personne n'est pas affiché.".to_string(),
        (Lang::Fr, _) => format!("{n} jalons sans personne ne sont pas affichés."),
        (Lang::En, 1) => "1 milestone involving nobody is not shown.".to_string(),
        (Lang::En, _) => format!("{n} milestones involving nobody are not shown."),
    }
}

/// Which command edits a plan file (`set`, `start`, `done`), for its refusals.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum EditCommand {
    Set,
    Start,
    Done,
}

/// What `set`, `start` and `done` print: "visuels: status todo → done, finished 2026-11-03".
pub fn edit_summary(lang: Lang, task: &str, parts: &[String]) -> String {
    format!("{task}{}{}", messages(lang).colon, parts.join(", "))
}

/// After a key's old value, when the edit removed it: "remaining 3 removed".
pub fn edit_removed(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "retiré",
        Lang::En => "removed",
    }
}

/// Every value asked for was already there.
pub fn edit_nothing(lang: Lang, task: &str) -> String {
    match lang {
        Lang::Fr => format!("{task} : rien à changer, le fichier n'est pas modifié."),
        Lang::En => format!("{task}: nothing to change, the file is left as it is."),
    }
}

pub fn edit_dry_run(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "(essai : rien n'a été écrit)",
        Lang::En => "(dry run: nothing written)",
    }
}

/// The edit would leave the plan invalid: nothing is written.
pub fn edit_refused(lang: Lang, file: &str, summary: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "refusé, rien n'a été écrit : avec ce changement ({summary}), {file} ne serait plus un plan valide :"
        ),
        Lang::En => format!(
            "refused, nothing written: with this change ({summary}), {file} would not be a valid plan:"
        ),
    }
}

/// The plan was invalid before the edit too.
pub fn edit_already_invalid(lang: Lang, file: &str, errors: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{file} avait déjà {errors} erreur(s) avant ce changement : `retroplan check {file}` les montre."
        ),
        Lang::En => format!(
            "{file} already had {errors} error(s) before this change: `retroplan check {file}` shows them."
        ),
    }
}

/// `start` or `done` on a task that is done or cancelled (`done` true for done).
pub fn edit_closed(lang: Lang, command: EditCommand, file: &str, task: &str, done: bool) -> String {
    match (lang, command, done) {
        (Lang::Fr, EditCommand::Done, false) => format!(
            "la tâche « {task} » est annulée. Pour la noter terminée malgré tout : retroplan set {file} {task} status=done finished=DATE"
        ),
        (Lang::Fr, _, true) => format!(
            "la tâche « {task} » est déjà terminée. Pour la rouvrir : retroplan set {file} {task} status=in_progress finished="
        ),
        (Lang::Fr, _, false) => format!(
            "la tâche « {task} » est annulée. Pour la reprendre : retroplan set {file} {task} status=in_progress"
        ),
        (Lang::En, EditCommand::Done, false) => format!(
            "task \"{task}\" is cancelled. To record it as done anyway: retroplan set {file} {task} status=done finished=DATE"
        ),
        (Lang::En, _, true) => format!(
            "task \"{task}\" is already done. To reopen it: retroplan set {file} {task} status=in_progress finished="
        ),
        (Lang::En, _, false) => format!(
            "task \"{task}\" is cancelled. To take it up again: retroplan set {file} {task} status=in_progress"
        ),
    }
}

/// `start` on a task that already has a `started` date, without `--on`.
pub fn edit_already_started(lang: Lang, file: &str, task: &str, started: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "la tâche « {task} » a déjà commencé le {started}. Pour changer cette date : retroplan start {file} {task} --on DATE"
        ),
        Lang::En => format!(
            "task \"{task}\" already started on {started}. To change that date: retroplan start {file} {task} --on DATE"
        ),
    }
}

/// `done` on a task already done with a `finished` date, without `--on`.
pub fn edit_already_done(lang: Lang, file: &str, task: &str, finished: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "la tâche « {task} » est déjà terminée, le {finished}. Pour changer cette date : retroplan done {file} {task} --on DATE"
        ),
        Lang::En => format!(
            "task \"{task}\" is already done, finished on {finished}. To change that date: retroplan done {file} {task} --on DATE"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_variables_pick_the_language() {
        let env = |pairs: &'static [(&str, &str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            lang_from_env(env(&[("LANG", "fr_FR.UTF-8")])),
            Some(Lang::Fr)
        );
        assert_eq!(
            lang_from_env(env(&[("LANG", "fr_FR.UTF-8"), ("LC_ALL", "en_US.UTF-8")])),
            Some(Lang::En)
        );
        assert_eq!(lang_from_env(env(&[("LANG", "")])), None);
        assert_eq!(lang_from_env(env(&[])), None);
    }

    #[test]
    fn plurals() {
        assert_eq!(working_days(Lang::Fr, 1), "1 jour ouvré");
        assert_eq!(working_days(Lang::Fr, 3), "3 jours ouvrés");
        assert_eq!(working_days(Lang::En, 1), "1 working day");
        assert_eq!(working_days(Lang::En, 0), "0 working days");
    }
}
