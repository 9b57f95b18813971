//! `retroplan gantt PLAN -o FILE.svg|png|pdf`: the Gantt chart of a plan
//! (docs/gantt.md). The chart is drawn by `retroplan-gantt`; this face loads
//! the plan as `schedule` does, picks the picture from the file's extension
//! and writes it whole or not at all.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;
use retroplan_gantt::{GanttOptions, ROWS_PER_PAGE, Zoom};

use crate::load;

#[derive(clap::Args)]
pub struct GanttArgs {
    /// The plan file (TOML); `-` for standard input; `example:NAME` for a built-in example.
    pub plan: String,
    /// The picture to write: FILE.svg, FILE.png or FILE.pdf (`-`: the SVG on standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: String,
    /// Time scale; default: days up to three months shown, weeks up to a year and a half, else months.
    #[arg(long, value_enum)]
    pub zoom: Option<ZoomArg>,
    /// First day shown (YYYY-MM-DD); default: the first bar.
    #[arg(long, value_parser = crate::parse_date)]
    pub from: Option<Date>,
    /// Last day shown (YYYY-MM-DD); default: the later of the last bar and the deadline.
    #[arg(long, value_parser = crate::parse_date)]
    pub to: Option<Date>,
    /// The day to plan from (YYYY-MM-DD); overrides the plan's `today` and the clock.
    #[arg(long, value_parser = crate::parse_date)]
    pub today: Option<Date>,
    /// Level the owners' work first (as `schedule --level`).
    #[arg(long)]
    pub level: bool,
    /// Ghost bars of this baseline instead of the last one recorded.
    #[arg(long, value_name = "NAME")]
    pub baseline: Option<String>,
    /// Leave out the dependency arrows (a very large plan reads better without).
    #[arg(long)]
    pub no_links: bool,
    /// Language of the axis, legend and title; default: the plan's `lang`, else LANG.
    #[arg(long, value_enum)]
    pub lang: Option<crate::LangArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ZoomArg {
    Day,
    Week,
    Month,
}

enum Picture {
    Svg,
    Png,
    Pdf,
}

fn picture(output: &str) -> anyhow::Result<Picture> {
    if output == "-" {
        return Ok(Picture::Svg);
    }
    let ext = Path::new(output)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("svg") => Ok(Picture::Svg),
        Some("png") => Ok(Picture::Png),
        Some("pdf") => Ok(Picture::Pdf),
        _ => anyhow::bail!(
            "`{output}`: the chart is written as .svg, .png or .pdf; give -o a file with one of those extensions"
        ),
    }
}

pub fn run(args: GanttArgs) -> anyhow::Result<ExitCode> {
    let kind = picture(&args.output)?;
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        anyhow::bail!("--from {from} is after --to {to}");
    }
    let Ok(mut loaded) = load::load(&args.plan, &crate::read_options(None, args.lang))? else {
        return Ok(ExitCode::from(2));
    };
    loaded.plan.level |= args.level;
    if let Some(name) = &args.baseline {
        let Some(i) = crate::baseline::find(&loaded.plan, name) else {
            return Ok(ExitCode::from(2));
        };
        loaded.plan.tracking.compare_with = Some(i);
    }
    let today = load::today(args.today, &loaded.plan);
    let Ok(schedule) = load::schedule(&loaded, today) else {
        return Ok(ExitCode::from(2));
    };
    let options = GanttOptions {
        zoom: args.zoom.map(|z| match z {
            ZoomArg::Day => Zoom::Day,
            ZoomArg::Week => Zoom::Week,
            ZoomArg::Month => Zoom::Month,
        }),
        from: args.from,
        to: args.to,
        lang: crate::language(args.lang, &loaded),
        links: !args.no_links,
    };
    let bytes = match kind {
        Picture::Svg => retroplan_gantt::svg(&loaded.plan, &schedule, &options)?.into_bytes(),
        Picture::Png => {
            retroplan_gantt::png(&retroplan_gantt::svg(&loaded.plan, &schedule, &options)?)?
        }
        Picture::Pdf => {
            let pages = retroplan_gantt::pages(&loaded.plan, &schedule, &options, ROWS_PER_PAGE)?;
            retroplan_gantt::pdf(&pages, &loaded.plan.name)?
        }
    };
    if args.output == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(&bytes)?;
        out.flush()?;
    } else {
        crate::output::replace_file(Path::new(&args.output), &bytes)?;
    }
    Ok(ExitCode::SUCCESS)
}
