//! Random plans for the benchmarks, deterministic for a size and a seed.
//!
//! The same draws as `bench/gen_plan.py`, in the same order, so that
//! [`RandomPlan::toml`] is byte for byte the file that
//! `python3 bench/gen_plan.py N --seed S` writes: the criterion figures and
//! the whole-process figures of `bench/run.sh` measure the same plans.
//!
//! Every task depends on about 3 earlier tasks (1 to 5, 2 % none) among the
//! previous [`WINDOW`], so there is no cycle; about 10 % of the links have a
//! type (FS/SS/FF/SF) and a lag (-2..=5). About 5 % of the tasks are
//! milestones, the others last 1 to 5 days. The deadline leaves 1.5 calendar
//! days per working day of the longest chain (estimated without the
//! calendar) plus 14: the plan is about feasible.
//!
//! Shared by the engine's and the formats' benchmarks (the latter includes
//! this file with `#[path]`). Standard library and jiff only.

#![allow(dead_code)]

use std::fmt::Write as _;

use jiff::ToSpan;
use jiff::civil::{Date, date};

/// Dependencies are drawn among this many previous tasks.
pub const WINDOW: usize = 200;
pub const TODAY: Date = date(2026, 9, 1);

pub const VERBS: [&str; 20] = [
    "Rédiger",
    "Créer",
    "Valider",
    "Relire",
    "Préparer",
    "Publier",
    "Envoyer",
    "Planifier",
    "Tourner",
    "Monter",
    "Traduire",
    "Intégrer",
    "Tester",
    "Analyser",
    "Briefer",
    "Sélectionner",
    "Mettre à jour",
    "Programmer",
    "Imprimer",
    "Livrer",
];
pub const OBJECTS: [&str; 20] = [
    "la newsletter",
    "les visuels",
    "la page de destination",
    "le communiqué de presse",
    "les fiches produits",
    "la vidéo de lancement",
    "le coupon de réduction",
    "les bannières",
    "le calendrier éditorial",
    "les publications Instagram",
    "le catalogue",
    "l'emailing de relance",
    "les textes du site",
    "le brief créatif",
    "les photos produits",
    "le jeu-concours",
    "la campagne Google Ads",
    "le dossier de presse",
    "les étiquettes",
    "le bilan de l'opération",
];
pub const OWNERS: [&str; 50] = [
    "Léa",
    "Hugo",
    "Chloé",
    "Lucas",
    "Inès",
    "Thomas",
    "Manon",
    "Théo",
    "Camille",
    "Nathan",
    "Zoé",
    "Louis",
    "Anaïs",
    "Jules",
    "Clémence",
    "Gabriel",
    "Sarah",
    "Raphaël",
    "Emma",
    "Maël",
    "Jade",
    "Noé",
    "Louise",
    "Arthur",
    "Juliette",
    "Adam",
    "Élise",
    "Paul",
    "Alice",
    "Victor",
    "Lina",
    "Hélène",
    "Jérôme",
    "Margaux",
    "Bastien",
    "Océane",
    "Quentin",
    "Pauline",
    "Mathis",
    "Agathe",
    "Romain",
    "Céline",
    "Antoine",
    "Sophie",
    "Étienne",
    "Claire",
    "Maxime",
    "Audrey",
    "Benoît",
    "Fanny",
];
pub const PHASES: [&str; 6] = [
    "Stratégie",
    "Création",
    "Production",
    "Validation",
    "Diffusion",
    "Bilan",
];
pub const CHANNELS: [&str; 6] = [
    "Web",
    "Email",
    "Réseaux sociaux",
    "Presse",
    "Magasin",
    "Publicité",
];
/// Link types, in the order of the draws.
pub const KINDS: [&str; 4] = ["FS", "SS", "FF", "SF"];

/// A 64-bit linear congruential generator (Knuth's MMIX constants), high bits out.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

pub struct RandomLink {
    pub task: usize,
    /// An index into [`KINDS`].
    pub kind: usize,
    pub lag: i32,
    /// Written in the long form `{ task, type, lag }`.
    pub long: bool,
}

pub struct RandomTask {
    pub verb: usize,
    pub object: usize,
    pub days: u32,
    pub owner: usize,
    pub phase: Option<usize>,
    pub channel: Option<usize>,
    pub after: Vec<RandomLink>,
}

impl RandomTask {
    pub fn title(&self) -> String {
        format!("{} {}", VERBS[self.verb], OBJECTS[self.object])
    }
}

pub struct RandomPlan {
    pub seed: u64,
    pub today: Date,
    pub deadline: Date,
    pub tasks: Vec<RandomTask>,
}

impl RandomPlan {
    pub fn new(n: usize, seed: u64) -> RandomPlan {
        let mut rng = Lcg(seed ^ 0x9E37_79B9_7F4A_7C15);
        let mut tasks = Vec::with_capacity(n);
        // Earliest start and finish in working days from today, for the deadline.
        let mut es = vec![0i64; n];
        let mut ef = vec![0i64; n];
        let mut longest = 0i64;
        for i in 0..n {
            let verb = rng.below(20) as usize;
            let object = rng.below(20) as usize;
            let days = if rng.below(100) < 5 {
                0
            } else {
                1 + rng.below(5) as u32
            };
            let owner = rng.below(50) as usize;
            let phase = (rng.below(3) == 0).then(|| rng.below(6) as usize);
            let channel = (rng.below(4) == 0).then(|| rng.below(6) as usize);
            let mut k = 0;
            if i > 0 && rng.below(100) >= 2 {
                k = (1 + rng.below(5) as usize).min(i).min(WINDOW);
            }
            let lo = i.saturating_sub(WINDOW);
            let mut preds: Vec<usize> = Vec::with_capacity(k);
            while preds.len() < k {
                let p = lo + rng.below((i - lo) as u64) as usize;
                if !preds.contains(&p) {
                    preds.push(p);
                }
            }
            let mut start = 0i64;
            let mut after = Vec::with_capacity(k);
            for p in preds {
                let (kind, lag, long) = if rng.below(10) == 0 {
                    let kind = rng.below(4) as usize;
                    let lag = rng.below(8) as i32 - 2;
                    (kind, lag, true)
                } else {
                    (0, 0, false)
                };
                // FS, FF start from the predecessor's finish; FF, SF bind the finish.
                let mut base = if kind == 0 || kind == 2 { ef[p] } else { es[p] };
                if kind >= 2 {
                    base -= i64::from(days);
                }
                start = start.max(base + i64::from(lag));
                after.push(RandomLink {
                    task: p,
                    kind,
                    lag,
                    long,
                });
            }
            es[i] = start;
            ef[i] = start + i64::from(days);
            longest = longest.max(ef[i]);
            tasks.push(RandomTask {
                verb,
                object,
                days,
                owner,
                phase,
                channel,
                after,
            });
        }
        let deadline = TODAY
            .checked_add(((longest * 3 + 1) / 2 + 14).days())
            .expect("the deadline is within jiff's range");
        RandomPlan {
            seed,
            today: TODAY,
            deadline,
            tasks,
        }
    }

    pub fn edges(&self) -> usize {
        self.tasks.iter().map(|t| t.after.len()).sum()
    }

    /// The plan file, as `bench/gen_plan.py` writes it.
    pub fn toml(&self) -> String {
        let n = self.tasks.len();
        let mut out = String::with_capacity(n * 160 + 256);
        write!(
            out,
            "# A random plan for retroplan's benchmarks: bench/gen_plan.py {n} --seed {}\n\
             name = \"Plan aléatoire de {n} tâches\"\n\
             deadline = {}\n\
             today = {}\n\
             lang = \"fr\"\n\
             \n\
             [calendar]\n\
             country = \"FR\"\n",
            self.seed, self.deadline, self.today
        )
        .unwrap();
        for (i, t) in self.tasks.iter().enumerate() {
            write!(
                out,
                "\n[[task]]\nid = \"t{i}\"\ntitle = \"{} {}\"\ndays = {}\nowner = \"{}\"\n",
                VERBS[t.verb], OBJECTS[t.object], t.days, OWNERS[t.owner]
            )
            .unwrap();
            if let Some(p) = t.phase {
                writeln!(out, "phase = \"{}\"", PHASES[p]).unwrap();
            }
            if let Some(c) = t.channel {
                writeln!(out, "channel = \"{}\"", CHANNELS[c]).unwrap();
            }
            if !t.after.is_empty() {
                out.push_str("after = [");
                for (j, l) in t.after.iter().enumerate() {
                    if j > 0 {
                        out.push_str(", ");
                    }
                    if l.long {
                        write!(
                            out,
                            "{{ task = \"t{}\", type = \"{}\", lag = {} }}",
                            l.task, KINDS[l.kind], l.lag
                        )
                        .unwrap();
                    } else {
                        write!(out, "\"t{}\"", l.task).unwrap();
                    }
                }
                out.push_str("]\n");
            }
        }
        out
    }
}
