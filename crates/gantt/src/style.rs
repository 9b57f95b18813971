//! How each state looks: colours, and the pattern or mark that says the same
//! thing without colour (a chart printed in black and white, or read by
//! someone who does not tell red from green, must still say which bar is
//! late). Sizes of the chart's parts live here too, so that the layout and
//! the drawing agree on them.

use retroplan_engine::{Status, TaskSchedule};

/// The look of a bar: its colour, its pattern (if any) and a mark written
/// after it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Look {
    Todo,
    InProgress,
    Review,
    Done,
    Blocked,
    Late,
}

impl Look {
    pub const ALL: [Look; 6] = [
        Look::Todo,
        Look::InProgress,
        Look::Review,
        Look::Done,
        Look::Blocked,
        Look::Late,
    ];

    /// A task that runs past its planned dates is late whatever its status
    /// says, unless it is done: lateness is what a meeting must see first.
    pub fn of(task: &TaskSchedule) -> Look {
        match task.status {
            Status::Done => Look::Done,
            _ if task.late => Look::Late,
            Status::InProgress => Look::InProgress,
            Status::Review => Look::Review,
            Status::Blocked => Look::Blocked,
            Status::Todo | Status::Cancelled => Look::Todo,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Look::Todo => "todo",
            Look::InProgress => "in_progress",
            Look::Review => "review",
            Look::Done => "done",
            Look::Blocked => "blocked",
            Look::Late => "late",
        }
    }

    /// The plain colour (diamonds, legend swatches, pattern backgrounds).
    pub fn colour(self) -> &'static str {
        match self {
            Look::Todo => "#a7b1be",
            Look::InProgress => "#f2c230",
            Look::Review => "#9b87d9",
            Look::Done => "#3a9b5c",
            Look::Blocked => "#e07b24",
            Look::Late => "#d64541",
        }
    }

    /// The fill: a colour, or a pattern over it defined in the chart's `<defs>`.
    pub fn fill(self) -> &'static str {
        match self {
            Look::Todo => "#a7b1be",
            Look::Done => "#3a9b5c",
            Look::InProgress => "url(#p-in_progress)",
            Look::Review => "url(#p-review)",
            Look::Blocked => "url(#p-blocked)",
            Look::Late => "url(#p-late)",
        }
    }

    /// The mark written after the bar, before the owner: the text cue.
    pub fn mark(self) -> &'static str {
        match self {
            Look::Todo => "",
            Look::InProgress => "▶ ",
            Look::Review => "? ",
            Look::Done => "✓ ",
            Look::Blocked => "✖ ",
            Look::Late => "! ",
        }
    }
}

/// The patterns behind `Look::fill` and the buffers, as SVG `<pattern>`s.
pub const PATTERNS: &str = concat!(
    r##"<pattern id="p-in_progress" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f2c230"/><rect width="2" height="6" fill="#fff3c4"/></pattern>"##,
    r##"<pattern id="p-review" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#9b87d9"/><rect width="1.5" height="5" fill="#e4ddf7"/></pattern>"##,
    r##"<pattern id="p-blocked" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#e07b24"/><circle cx="2.5" cy="2.5" r="1.1" fill="#5a2a05"/></pattern>"##,
    r##"<pattern id="p-late" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#d64541"/><rect width="1.6" height="6" fill="#7a1411"/><rect width="6" height="1.6" fill="#7a1411"/></pattern>"##,
    r##"<pattern id="p-buffer" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="6" height="6" fill="#fdf0d5"/><rect width="2" height="6" fill="#e9b45c"/></pattern>"##,
);

pub const CRITICAL_STROKE: &str = "#111827";
pub const BUFFER_CONSUMED: &str = "#c8821e";
pub const BASELINE: &str = "#7d8794";
pub const TODAY: &str = "#2563eb";
pub const DEADLINE: &str = "#c0262d";
pub const CLOSED_DAY: &str = "#eef1f5";
pub const PHASE_BAND: &str = "#e3e8ef";
pub const ROW_STRIPE: &str = "#f8fafc";
pub const GRID: &str = "#dde3ea";
pub const GRID_STRONG: &str = "#b9c2cd";
pub const TEXT: &str = "#1f2933";
pub const TEXT_SOFT: &str = "#52606d";
pub const LINK: &str = "#7b8794";

/// Heights and widths, in SVG user units (pixels).
pub const TITLE_H: f64 = 50.0;
pub const AXIS_BAND_H: f64 = 16.0;
pub const AXIS_H: f64 = 3.0 * AXIS_BAND_H;
pub const ROW_H: f64 = 24.0;
pub const BAR_TOP: f64 = 5.0;
pub const BAR_H: f64 = 12.0;
pub const GHOST_TOP: f64 = 19.0;
pub const GHOST_H: f64 = 3.0;
pub const LEGEND_H: f64 = 44.0;
pub const MARGIN: f64 = 12.0;
pub const LABEL_MIN: f64 = 180.0;
pub const LABEL_MAX: f64 = 320.0;
pub const INDENT: f64 = 12.0;
/// Room right of the last day for the owner written after the last bars.
pub const RIGHT_ROOM: f64 = 150.0;
pub const FONT_SIZE: f64 = 11.0;
pub const SMALL: f64 = 9.0;
pub const TINY: f64 = 8.0;
