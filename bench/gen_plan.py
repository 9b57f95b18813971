#!/usr/bin/env python3
"""Writes a deterministic random retroplan plan of N tasks (PLAN-FORMAT.md) to stdout.

    python3 bench/gen_plan.py 100000 [--seed 42] > bench/out/plan-100000.toml

Every task depends on about 3 earlier tasks (1 to 5, 2 % none) drawn from the
previous 200, so the plan has no cycle; about 10 % of the links use the long
form `{ task = "t12", type = "SS", lag = 2 }` (FS/SS/FF/SF, lag -2..5). About
5 % of the tasks are milestones (0 days), the others last 1 to 5 days. Owners
are free names (no [[person]] table), a third of the tasks have a phase and a
quarter a channel.

The deadline is today plus 1.5 calendar days per working day of the longest
chain (estimated with every link's type and lag, ignoring the calendar) plus
14 days: the plan is about feasible, and the work is the same if it is late.

The output is byte for byte the text that crates/engine/benches/common/
random_plan.rs generates for the same N and seed (the Rust benchmarks), so
the whole-process figures of bench/run.sh and the criterion figures measure
the same plans. A one-line summary (tasks, edges, deadline) goes to stderr.
Python 3 standard library only.
"""

import argparse
import datetime
import sys

WINDOW = 200
TODAY = datetime.date(2026, 9, 1)

VERBS = [
    "Rédiger", "Créer", "Valider", "Relire", "Préparer", "Publier", "Envoyer",
    "Planifier", "Tourner", "Monter", "Traduire", "Intégrer", "Tester",
    "Analyser", "Briefer", "Sélectionner", "Mettre à jour", "Programmer",
    "Imprimer", "Livrer",
]
OBJECTS = [
    "la newsletter", "les visuels", "la page de destination",
    "le communiqué de presse", "les fiches produits", "la vidéo de lancement",
    "le coupon de réduction", "les bannières", "le calendrier éditorial",
    "les publications Instagram", "le catalogue", "l'emailing de relance",
    "les textes du site", "le brief créatif", "les photos produits",
    "le jeu-concours", "la campagne Google Ads", "le dossier de presse",
    "les étiquettes", "le bilan de l'opération",
]
OWNERS = [
    "Léa", "Hugo", "Chloé", "Lucas", "Inès", "Thomas", "Manon", "Théo",
    "Camille", "Nathan", "Zoé", "Louis", "Anaïs", "Jules", "Clémence",
    "Gabriel", "Sarah", "Raphaël", "Emma", "Maël", "Jade", "Noé", "Louise",
    "Arthur", "Juliette", "Adam", "Élise", "Paul", "Alice", "Victor", "Lina",
    "Hélène", "Jérôme", "Margaux", "Bastien", "Océane", "Quentin", "Pauline",
    "Mathis", "Agathe", "Romain", "Céline", "Antoine", "Sophie", "Étienne",
    "Claire", "Maxime", "Audrey", "Benoît", "Fanny",
]
PHASES = ["Stratégie", "Création", "Production", "Validation", "Diffusion", "Bilan"]
CHANNELS = ["Web", "Email", "Réseaux sociaux", "Presse", "Magasin", "Publicité"]
KINDS = ["FS", "SS", "FF", "SF"]

MASK = (1 << 64) - 1
MUL = 6364136223846793005
INC = 1442695040888963407


def generate(n, seed):
    """Yields the plan's text in pieces."""
    state = (seed ^ 0x9E3779B97F4A7C15) & MASK

    # Inlined below for speed: state = state * MUL + INC (mod 2^64); value = state >> 33.
    tasks = []
    es = [0] * n  # earliest start, in working days from today (deadline estimate)
    ef = [0] * n
    longest = 0
    edges = 0
    for i in range(n):
        state = (state * MUL + INC) & MASK
        verb = VERBS[(state >> 33) % 20]
        state = (state * MUL + INC) & MASK
        obj = OBJECTS[(state >> 33) % 20]
        state = (state * MUL + INC) & MASK
        if (state >> 33) % 100 < 5:
            days = 0
        else:
            state = (state * MUL + INC) & MASK
            days = 1 + (state >> 33) % 5
        state = (state * MUL + INC) & MASK
        owner = OWNERS[(state >> 33) % 50]
        state = (state * MUL + INC) & MASK
        phase = None
        if (state >> 33) % 3 == 0:
            state = (state * MUL + INC) & MASK
            phase = PHASES[(state >> 33) % 6]
        state = (state * MUL + INC) & MASK
        channel = None
        if (state >> 33) % 4 == 0:
            state = (state * MUL + INC) & MASK
            channel = CHANNELS[(state >> 33) % 6]

        k = 0
        if i > 0:
            state = (state * MUL + INC) & MASK
            if (state >> 33) % 100 >= 2:
                state = (state * MUL + INC) & MASK
                k = min(1 + (state >> 33) % 5, i, WINDOW)
        lo = max(0, i - WINDOW)
        preds = []
        while len(preds) < k:
            state = (state * MUL + INC) & MASK
            p = lo + (state >> 33) % (i - lo)
            if p not in preds:
                preds.append(p)
        start = 0
        links = []
        edges += k
        for p in preds:
            state = (state * MUL + INC) & MASK
            if (state >> 33) % 10 == 0:
                state = (state * MUL + INC) & MASK
                kind = (state >> 33) % 4
                state = (state * MUL + INC) & MASK
                lag = (state >> 33) % 8 - 2
                links.append('{ task = "t%d", type = "%s", lag = %d }' % (p, KINDS[kind], lag))
            else:
                kind, lag = 0, 0
                links.append('"t%d"' % p)
            # FS: start >= ef + lag; SS: start >= es + lag; FF: start >= ef + lag - days; SF: start >= es + lag - days
            base = ef[p] if kind in (0, 2) else es[p]
            if kind >= 2:
                base -= days
            start = max(start, base + lag)
        es[i] = start
        ef[i] = start + days
        longest = max(longest, ef[i])

        lines = ['\n[[task]]\nid = "t%d"\ntitle = "%s %s"\ndays = %d\nowner = "%s"\n' % (i, verb, obj, days, owner)]
        if phase is not None:
            lines.append('phase = "%s"\n' % phase)
        if channel is not None:
            lines.append('channel = "%s"\n' % channel)
        if links:
            lines.append("after = [%s]\n" % ", ".join(links))
        tasks.append("".join(lines))

    deadline = TODAY + datetime.timedelta(days=(longest * 3 + 1) // 2 + 14)
    yield (
        "# A random plan for retroplan's benchmarks: bench/gen_plan.py %d --seed %d\n"
        'name = "Plan aléatoire de %d tâches"\n'
        "deadline = %s\n"
        "today = %s\n"
        'lang = "fr"\n'
        "\n"
        "[calendar]\n"
        'country = "FR"\n' % (n, seed, n, deadline.isoformat(), TODAY.isoformat())
    )
    yield from tasks
    sys.stderr.write(
        "gen_plan: %d tasks, %d edges, today %s, deadline %s (longest chain about %d working days)\n"
        % (n, edges, TODAY.isoformat(), deadline.isoformat(), longest)
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tasks", type=int, help="number of tasks")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    args = parser.parse_args()
    if args.tasks < 0:
        parser.error("the number of tasks must be >= 0")
    out = sys.stdout.buffer
    for piece in generate(args.tasks, args.seed):
        out.write(piece.encode("utf-8"))
    out.flush()


if __name__ == "__main__":
    main()
