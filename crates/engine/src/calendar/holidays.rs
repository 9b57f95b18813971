//! Public holidays (the days off most employees get) of the countries a plan
//! can name: France (with Alsace-Moselle), Belgium, Switzerland, Luxembourg,
//! Canada (Québec), the United Kingdom (England and Wales), the United States
//! (federal), Germany, Spain and Italy.
//!
//! This module owns the holiday *rules* (fixed dates, Easter-relative dates,
//! "nth weekday of the month" dates, substitute/observed days and the known
//! one-off holidays), their French and English names, the country codes that
//! people write in a plan, and the Gregorian Easter computus. It does no I/O
//! and reads no clock: everything is a pure function of `(country, year)`.
//!
//! # Why it is written by hand
//!
//! No well-kept Rust crate covers these countries on top of `jiff`. What
//! crates.io offered when this was written (checked with `cargo info`;
//! `cargo search` was unavailable through the registry mirror):
//!
//! * `holidays` 0.1.0: a single release, a machine-generated 6.8 MB table
//!   transcribed from the Python `holidays` package for the years 2000..=2030
//!   only, built on `chrono`, loaded into a global `RwLock` that must be
//!   initialised at run time, and with countries only (no Alsace-Moselle, no
//!   Québec, no England-and-Wales subdivision).
//! * `bdays` 0.1.4: business-day calendars on `chrono`, covering only Brazil,
//!   the United States (settlement calendar) and Germany.
//!
//! Neither fits an engine crate whose only dependency is `jiff` and which
//! must not hold global state; the rules below are short and are tested
//! against data generated independently with the Python `holidays` and
//! `python-dateutil` packages (see `tests/holidays.rs`).
//!
//! # Scope and historical accuracy
//!
//! The rules are the ones in force in 2026, applied to every year of
//! [`SUPPORTED_YEARS`] (1900..=2200); [`public_holidays`] returns an empty
//! list for any other year. The only history modelled is: US Martin Luther
//! King Jr. Day (from 1986) and Juneteenth (from 2021), Luxembourg's Europe
//! Day (from 2019), Italy's 4 October (from 2026), and the one-off holidays
//! of Italy (2011), Germany (2017) and England and Wales (1981 onwards).
//!
//! Compared with python-holidays over 1978..=2100, the lists differ only
//! where `tests/holidays.rs` documents an intentional difference, and by
//! these older rules that are not modelled: France's 8 May (not a holiday
//! 1959..=1981) and Whit Monday (a working day by default 2005..=2007),
//! Germany before 1995 (Repentance Day, the West German 17 June), Italy's
//! 2 June (moved to a Sunday 1977..=2000) and 6 January (abolished
//! 1978..=1985). python-holidays has no comparable data for Spain before
//! 2010 or for Québec's May holiday before 2003 (then "Fête de Dollard").
//! Before 1978 more rules differ (e.g. England's Early May bank holiday did
//! not exist, US holidays had fixed dates before 1971).
//!
//! Future one-off holidays (royal events, days of mourning) cannot be known in
//! advance; US federal closures decided by executive order (e.g. an extra
//! Christmas Eve) are not federal holidays and are not listed.
//!
//! # Days off, not calendar dates
//!
//! Where a country moves a holiday that falls on a weekend (England and
//! Wales, the United States, Québec's 24 June and 1 July), the list holds the
//! day off that employees actually get, named "... (substitute day)" or
//! "... (observed)", and not the weekend date itself. Everywhere else a
//! holiday that falls on a weekend is listed on its own date and is simply
//! lost for employees who do not work weekends.

use jiff::Span;
use jiff::civil::{Date, Weekday};
use std::ops::RangeInclusive;

/// The years for which [`public_holidays`] computes a list; it returns an
/// empty list for any other year.
pub const SUPPORTED_YEARS: RangeInclusive<i16> = 1900..=2200;

/// A country (or the part of a country) whose public holidays are known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Country {
    /// France (metropolitan, general regime).
    Fr,
    /// France, Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle): France plus
    /// Good Friday and 26 December.
    FrAlsaceMoselle,
    /// Belgium.
    Be,
    /// Switzerland: the days observed in most cantons.
    Ch,
    /// Luxembourg.
    Lu,
    /// Canada, province of Québec (statutory holidays).
    CaQc,
    /// United Kingdom, England and Wales (bank holidays).
    Gb,
    /// United States (federal holidays).
    Us,
    /// Germany (nationwide holidays only).
    De,
    /// Spain (national holidays only).
    Es,
    /// Italy.
    It,
}

impl Country {
    /// Every supported country, in a stable order (for listings and tests).
    pub const ALL: &'static [Country] = &[
        Country::Fr,
        Country::FrAlsaceMoselle,
        Country::Be,
        Country::Ch,
        Country::Lu,
        Country::CaQc,
        Country::Gb,
        Country::Us,
        Country::De,
        Country::Es,
        Country::It,
    ];

    /// The code people write in a plan: "FR", "FR-AM", "BE", "CH", "LU",
    /// "CA-QC", "GB", "US", "DE", "ES", "IT".
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Country::Fr => "FR",
            Country::FrAlsaceMoselle => "FR-AM",
            Country::Be => "BE",
            Country::Ch => "CH",
            Country::Lu => "LU",
            Country::CaQc => "CA-QC",
            Country::Gb => "GB",
            Country::Us => "US",
            Country::De => "DE",
            Country::Es => "ES",
            Country::It => "IT",
        }
    }

    /// Parses a country code, ignoring ASCII case and surrounding whitespace
    /// and treating `_` like `-`. Besides every [`Country::code`], accepts the
    /// aliases "FR-57", "FR-67", "FR-68" (Alsace-Moselle), "QC" and "CA_QC"
    /// (Québec), "UK", "GB-ENG", "GB-WLS" and "GB-EAW" (England and Wales).
    /// Returns `None` for anything else.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Country> {
        const CODES: &[(&str, Country)] = &[
            ("FR", Country::Fr),
            ("FR-AM", Country::FrAlsaceMoselle),
            ("FR-57", Country::FrAlsaceMoselle),
            ("FR-67", Country::FrAlsaceMoselle),
            ("FR-68", Country::FrAlsaceMoselle),
            ("BE", Country::Be),
            ("CH", Country::Ch),
            ("LU", Country::Lu),
            ("CA-QC", Country::CaQc),
            ("QC", Country::CaQc),
            ("GB", Country::Gb),
            ("UK", Country::Gb),
            ("GB-ENG", Country::Gb),
            ("GB-WLS", Country::Gb),
            ("GB-EAW", Country::Gb),
            ("US", Country::Us),
            ("DE", Country::De),
            ("ES", Country::Es),
            ("IT", Country::It),
        ];
        let code = code.trim().as_bytes();
        CODES.iter().find_map(|&(known, country)| {
            let known = known.as_bytes();
            let same = known.len() == code.len()
                && known.iter().zip(code).all(|(&k, &c)| {
                    let c = if c == b'_' { b'-' } else { c };
                    k == c.to_ascii_uppercase()
                });
            same.then_some(country)
        })
    }

    /// Human name in French, e.g. "France", "Royaume-Uni (Angleterre et pays
    /// de Galles)".
    #[must_use]
    pub fn name_fr(self) -> &'static str {
        match self {
            Country::Fr => "France",
            Country::FrAlsaceMoselle => "France (Alsace-Moselle)",
            Country::Be => "Belgique",
            Country::Ch => "Suisse",
            Country::Lu => "Luxembourg",
            Country::CaQc => "Canada (Québec)",
            Country::Gb => "Royaume-Uni (Angleterre et pays de Galles)",
            Country::Us => "États-Unis",
            Country::De => "Allemagne",
            Country::Es => "Espagne",
            Country::It => "Italie",
        }
    }

    /// Human name in English, e.g. "France", "United Kingdom (England and
    /// Wales)".
    #[must_use]
    pub fn name_en(self) -> &'static str {
        match self {
            Country::Fr => "France",
            Country::FrAlsaceMoselle => "France (Alsace-Moselle)",
            Country::Be => "Belgium",
            Country::Ch => "Switzerland",
            Country::Lu => "Luxembourg",
            Country::CaQc => "Canada (Quebec)",
            Country::Gb => "United Kingdom (England and Wales)",
            Country::Us => "United States",
            Country::De => "Germany",
            Country::Es => "Spain",
            Country::It => "Italy",
        }
    }
}

/// One public holiday: the day off and its names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: Date,
    pub name_fr: &'static str,
    pub name_en: &'static str,
}

/// The public holidays (days off for most employees) of `country` in `year`,
/// sorted by date, without duplicate dates: when two holidays fall on the
/// same date a single entry is kept whose names join both with " / " (e.g.
/// "Fête du Travail / Ascension" in France in 2008).
///
/// Returns an empty list for a year outside [`SUPPORTED_YEARS`]
/// (1900..=2200).
///
/// The dates are days off: see the module documentation for weekend
/// substitutes. One entry may lie outside `year`: when 1 January of
/// `year + 1` is a Saturday, the US federal New Year's Day is observed on
/// Friday 31 December of `year`, and it is listed in `year` (the year in
/// which it is a day off), not in `year + 1`.
#[must_use]
pub fn public_holidays(country: Country, year: i16) -> Vec<Holiday> {
    build(country, year).holidays
}

fn build(country: Country, year: i16) -> List {
    let mut list = List {
        holidays: Vec::with_capacity(16),
        unjoined: 0,
    };
    if SUPPORTED_YEARS.contains(&year) {
        let easter = easter_sunday(year);
        let y = Year { year, easter };
        match country {
            Country::Fr => france(&mut list, y, false),
            Country::FrAlsaceMoselle => france(&mut list, y, true),
            Country::Be => belgium(&mut list, y),
            Country::Ch => switzerland(&mut list, y),
            Country::Lu => luxembourg(&mut list, y),
            Country::CaQc => quebec(&mut list, y),
            Country::Gb => england_and_wales(&mut list, y),
            Country::Us => united_states(&mut list, y),
            Country::De => germany(&mut list, y),
            Country::Es => spain(&mut list, y),
            Country::It => italy(&mut list, y),
        }
    }
    list
}

/// Gregorian Easter Sunday (anonymous Gregorian / Meeus-Jones-Butcher
/// algorithm).
///
/// Valid for every Gregorian year; years outside jiff's range
/// (-9999..=9999) are clamped to it, so this never panics.
#[must_use]
pub fn easter_sunday(year: i16) -> Date {
    let year = year.clamp(-9999, 9999);
    let y = i32::from(year);
    // Euclidean division keeps every intermediate value in its textbook range
    // for negative years too, so month is 3 or 4 and day is in 1..=31.
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    let (month, day) = (n / 31, n % 31 + 1);
    // `month` is 3 or 4 and `day` is at most 25 in April, so the conversions
    // and `Date::new` cannot fail; the fallback only keeps this panic-free.
    let month = i8::try_from(month).unwrap_or(4);
    let day = i8::try_from(day).unwrap_or(1);
    Date::new(year, month, day).unwrap_or(Date::MIN)
}

// ---------------------------------------------------------------------------
// Names.

/// A holiday's French and English names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Name {
    fr: &'static str,
    en: &'static str,
}

const fn name(fr: &'static str, en: &'static str) -> Name {
    Name { fr, en }
}

const NEW_YEAR: Name = name("Jour de l'An", "New Year's Day");
const GOOD_FRIDAY: Name = name("Vendredi saint", "Good Friday");
const EASTER_MONDAY: Name = name("Lundi de Pâques", "Easter Monday");
const LABOUR_DAY: Name = name("Fête du Travail", "Labour Day");
const ASCENSION: Name = name("Ascension", "Ascension Day");
const WHIT_MONDAY: Name = name("Lundi de Pentecôte", "Whit Monday");
const ASSUMPTION: Name = name("Assomption", "Assumption Day");
const ALL_SAINTS: Name = name("Toussaint", "All Saints' Day");
const ARMISTICE: Name = name("Armistice 1918", "Armistice Day");
const CHRISTMAS: Name = name("Noël", "Christmas Day");
const ST_STEPHEN: Name = name("Saint-Étienne", "St Stephen's Day");
const EPIPHANY: Name = name("Épiphanie", "Epiphany");
const IMMACULATE_CONCEPTION: Name = name("Immaculée Conception", "Immaculate Conception");

const FR_VICTORY: Name = name("Victoire 1945", "Victory in Europe Day");
const FR_NATIONAL: Name = name("Fête nationale", "Bastille Day");

const BE_NATIONAL: Name = name("Fête nationale", "Belgian National Day");

const CH_BERCHTOLD: Name = name("Saint-Berchtold", "Berchtold's Day");
const CH_NATIONAL: Name = name("Fête nationale", "Swiss National Day");

const LU_EUROPE: Name = name("Journée de l'Europe", "Europe Day");
const LU_NATIONAL: Name = name("Fête nationale", "National Day");

const QC_PATRIOTS: Name = name("Journée nationale des patriotes", "National Patriots' Day");
const QC_NATIONAL: Name = name("Fête nationale du Québec", "Quebec National Holiday");
const QC_NATIONAL_OBSERVED: Name = name(
    "Fête nationale du Québec (reportée)",
    "Quebec National Holiday (observed)",
);
const QC_CANADA: Name = name("Fête du Canada", "Canada Day");
const QC_CANADA_OBSERVED: Name = name("Fête du Canada (reportée)", "Canada Day (observed)");
const QC_THANKSGIVING: Name = name("Action de grâce", "Thanksgiving");

const GB_NEW_YEAR_SUBSTITUTE: Name = name(
    "Jour de l'An (jour de remplacement)",
    "New Year's Day (substitute day)",
);
const GB_EARLY_MAY: Name = name("Jour férié de début mai", "Early May bank holiday");
const GB_EARLY_MAY_VE_DAY: Name = name(
    "Jour férié de début mai (jour de la Victoire)",
    "Early May bank holiday (VE day)",
);
const GB_SPRING: Name = name("Jour férié de printemps", "Spring bank holiday");
const GB_SUMMER: Name = name("Jour férié d'été", "Summer bank holiday");
const GB_CHRISTMAS_SUBSTITUTE: Name = name(
    "Noël (jour de remplacement)",
    "Christmas Day (substitute day)",
);
const GB_BOXING_DAY: Name = name("Lendemain de Noël", "Boxing Day");
const GB_BOXING_DAY_SUBSTITUTE: Name = name(
    "Lendemain de Noël (jour de remplacement)",
    "Boxing Day (substitute day)",
);
const GB_ROYAL_WEDDING_1981: Name = name(
    "Mariage du prince Charles et de Lady Diana Spencer",
    "Royal wedding of Prince Charles and Lady Diana Spencer",
);
const GB_MILLENNIUM: Name = name("Passage à l'an 2000", "Millennium Day");
const GB_GOLDEN_JUBILEE: Name = name("Jubilé d'or de la reine", "Queen's Golden Jubilee");
const GB_ROYAL_WEDDING_2011: Name = name(
    "Mariage du prince William et de Catherine Middleton",
    "Royal wedding of Prince William and Catherine Middleton",
);
const GB_DIAMOND_JUBILEE: Name = name("Jubilé de diamant de la reine", "Queen's Diamond Jubilee");
const GB_PLATINUM_JUBILEE: Name = name(
    "Jubilé de platine de la reine",
    "Platinum Jubilee bank holiday",
);
const GB_STATE_FUNERAL: Name = name(
    "Funérailles nationales de la reine Elizabeth II",
    "Bank holiday for the State Funeral of Queen Elizabeth II",
);
const GB_CORONATION: Name = name(
    "Couronnement du roi Charles III",
    "Bank holiday for the coronation of King Charles III",
);

const US_NEW_YEAR_OBSERVED: Name = name("Jour de l'An (reporté)", "New Year's Day (observed)");
const US_MLK: Name = name("Journée Martin Luther King", "Martin Luther King Jr. Day");
const US_WASHINGTON: Name = name("Anniversaire de Washington", "Washington's Birthday");
const US_MEMORIAL: Name = name("Jour du Souvenir (Memorial Day)", "Memorial Day");
const US_JUNETEENTH: Name = name("Juneteenth", "Juneteenth National Independence Day");
const US_JUNETEENTH_OBSERVED: Name = name(
    "Juneteenth (reporté)",
    "Juneteenth National Independence Day (observed)",
);
const US_INDEPENDENCE: Name = name("Fête de l'Indépendance", "Independence Day");
const US_INDEPENDENCE_OBSERVED: Name = name(
    "Fête de l'Indépendance (reportée)",
    "Independence Day (observed)",
);
const US_LABOR: Name = name("Fête du Travail", "Labor Day");
const US_COLUMBUS: Name = name("Jour de Christophe Colomb", "Columbus Day");
const US_VETERANS: Name = name("Journée des anciens combattants", "Veterans Day");
const US_VETERANS_OBSERVED: Name = name(
    "Journée des anciens combattants (reportée)",
    "Veterans Day (observed)",
);
const US_THANKSGIVING: Name = name("Action de grâce", "Thanksgiving Day");
const US_CHRISTMAS_OBSERVED: Name = name("Noël (reporté)", "Christmas Day (observed)");

const DE_SECOND_CHRISTMAS: Name = name("Deuxième jour de Noël", "Second Day of Christmas");
const DE_UNITY: Name = name("Jour de l'Unité allemande", "German Unity Day");
const DE_REFORMATION_500: Name = name(
    "Jour de la Réforme (500e anniversaire)",
    "Reformation Day (500th anniversary)",
);

const ES_NATIONAL: Name = name("Fête nationale de l'Espagne", "National Day of Spain");
const ES_CONSTITUTION: Name = name("Jour de la Constitution", "Constitution Day");

const IT_LIBERATION: Name = name("Fête de la Libération", "Liberation Day");
const IT_REPUBLIC: Name = name("Fête de la République", "Republic Day");
const IT_UNIFICATION_150: Name = name(
    "150e anniversaire de l'unification de l'Italie",
    "150th anniversary of the unification of Italy",
);
const IT_ST_FRANCIS: Name = name(
    "Saint François d'Assise, patron de l'Italie",
    "St Francis of Assisi, Patron Saint of Italy",
);

/// The names to use when two holidays fall on the same date, keyed by the
/// names of the holiday listed first and of the one listed second (in the
/// order the country's rules add them). These are the only coincidences the
/// rules can produce; the unit test `every_coincidence_has_a_joined_name`
/// checks every country and every supported year.
const JOINED: &[(Name, Name, Name)] = &[
    // FR, FR-AM, BE, LU, DE: Ascension (30 April at the earliest) on 1 May,
    // e.g. 2008.
    (
        LABOUR_DAY,
        ASCENSION,
        name("Fête du Travail / Ascension", "Labour Day / Ascension Day"),
    ),
    // FR, FR-AM: Ascension on 8 May, e.g. 1997, 2059.
    (
        FR_VICTORY,
        ASCENSION,
        name(
            "Victoire 1945 / Ascension",
            "Victory in Europe Day / Ascension Day",
        ),
    ),
    // LU: Ascension on 9 May, e.g. 2024.
    (
        LU_EUROPE,
        ASCENSION,
        name(
            "Journée de l'Europe / Ascension",
            "Europe Day / Ascension Day",
        ),
    ),
    // IT: Easter Monday (26 April at the latest) on 25 April, e.g. 2011.
    (
        EASTER_MONDAY,
        IT_LIBERATION,
        name(
            "Lundi de Pâques / Fête de la Libération",
            "Easter Monday / Liberation Day",
        ),
    ),
];

// ---------------------------------------------------------------------------
// Building a list.

/// The list being built, kept sorted by date.
struct List {
    holidays: Vec<Holiday>,
    /// How many coincidences had no entry in `JOINED` (0 for the supported
    /// rules; checked by a unit test).
    unjoined: u16,
}

impl List {
    /// Inserts a holiday at its place; on a date already present, joins the
    /// names. `None` (a date that does not exist) is ignored: the rules only
    /// build valid dates for supported years, and tests check every list.
    fn add(&mut self, date: Option<Date>, names: Name) {
        let Some(date) = date else { return };
        let at = self.holidays.partition_point(|h| h.date < date);
        match self.holidays.get_mut(at) {
            Some(h) if h.date == date => {
                let first = Name {
                    fr: h.name_fr,
                    en: h.name_en,
                };
                // Without a joined name (impossible for the supported rules,
                // see `JOINED`), keep the first names.
                let joined = joined_name(first, names).unwrap_or_else(|| {
                    self.unjoined = self.unjoined.saturating_add(1);
                    first
                });
                h.name_fr = joined.fr;
                h.name_en = joined.en;
            }
            _ => self.holidays.insert(
                at,
                Holiday {
                    date,
                    name_fr: names.fr,
                    name_en: names.en,
                },
            ),
        }
    }
}

fn joined_name(first: Name, second: Name) -> Option<Name> {
    JOINED
        .iter()
        .find(|(a, b, _)| *a == first && *b == second)
        .map(|&(_, _, joined)| joined)
}

/// The year being computed and its Easter Sunday.
#[derive(Clone, Copy)]
struct Year {
    year: i16,
    easter: Date,
}

impl Year {
    /// A fixed date of this year.
    fn on(self, month: i8, day: i8) -> Option<Date> {
        Date::new(self.year, month, day).ok()
    }

    /// Easter Sunday plus `days` (negative for days before Easter).
    fn easter_plus(self, days: i32) -> Option<Date> {
        let span = Span::new().try_days(days).ok()?;
        self.easter.checked_add(span).ok()
    }

    /// The `nth` `weekday` of `month` (negative `nth` counts from the end:
    /// -1 is the last one).
    fn nth(self, nth: i8, weekday: Weekday, month: i8) -> Option<Date> {
        self.on(month, 1)?.nth_weekday_of_month(nth, weekday).ok()
    }
}

fn is_weekend(date: Date) -> bool {
    matches!(date.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// Moves a date by `days` (used for weekend substitutes).
fn shift(date: Date, days: i32) -> Option<Date> {
    let span = Span::new().try_days(days).ok()?;
    date.checked_add(span).ok()
}

// ---------------------------------------------------------------------------
// Rules, one function per country.

/// France (Code du travail, art. L3133-1) and, with `alsace_moselle`,
/// Alsace-Moselle (art. L3134-13: Good Friday and 26 December in addition).
///
/// Whit Monday is listed every year: since 2008 the "journée de solidarité"
/// may be worked on any day the employer chooses and most employees get Whit
/// Monday off (it was a working day by default in 2005..=2007; not modelled).
/// Good Friday in Alsace-Moselle is, by the letter of the law, a holiday in
/// communes with a Protestant or mixed church; in practice it is observed
/// throughout the three départements, so it is listed.
fn france(list: &mut List, y: Year, alsace_moselle: bool) {
    list.add(y.on(1, 1), NEW_YEAR);
    if alsace_moselle {
        list.add(y.easter_plus(-2), GOOD_FRIDAY);
    }
    list.add(y.easter_plus(1), EASTER_MONDAY);
    list.add(y.on(5, 1), LABOUR_DAY);
    list.add(y.on(5, 8), FR_VICTORY);
    list.add(y.easter_plus(39), ASCENSION);
    list.add(y.easter_plus(50), WHIT_MONDAY);
    list.add(y.on(7, 14), FR_NATIONAL);
    list.add(y.on(8, 15), ASSUMPTION);
    list.add(y.on(11, 1), ALL_SAINTS);
    list.add(y.on(11, 11), ARMISTICE);
    list.add(y.on(12, 25), CHRISTMAS);
    if alsace_moselle {
        list.add(y.on(12, 26), ST_STEPHEN);
    }
}

/// Belgium: the ten legal holidays (the Sundays Easter and Pentecost are not
/// listed: they are not extra days off).
fn belgium(list: &mut List, y: Year) {
    list.add(y.on(1, 1), NEW_YEAR);
    list.add(y.easter_plus(1), EASTER_MONDAY);
    list.add(y.on(5, 1), LABOUR_DAY);
    list.add(y.easter_plus(39), ASCENSION);
    list.add(y.easter_plus(50), WHIT_MONDAY);
    list.add(y.on(7, 21), BE_NATIONAL);
    list.add(y.on(8, 15), ASSUMPTION);
    list.add(y.on(11, 1), ALL_SAINTS);
    list.add(y.on(11, 11), ARMISTICE);
    list.add(y.on(12, 25), CHRISTMAS);
}

/// Switzerland has no single national list: only 1 August is federal, the
/// other holidays are set by each canton. This is the list observed in most
/// cantons (it is exactly the canton of Bern's): 1 and 2 January, Good
/// Friday, Easter Monday, Ascension, Whit Monday, 1 August, 25 and 26
/// December. 1 May (only some cantons) and the Catholic feasts (Corpus
/// Christi, Assumption, All Saints...) are left out.
fn switzerland(list: &mut List, y: Year) {
    list.add(y.on(1, 1), NEW_YEAR);
    list.add(y.on(1, 2), CH_BERCHTOLD);
    list.add(y.easter_plus(-2), GOOD_FRIDAY);
    list.add(y.easter_plus(1), EASTER_MONDAY);
    list.add(y.easter_plus(39), ASCENSION);
    list.add(y.easter_plus(50), WHIT_MONDAY);
    list.add(y.on(8, 1), CH_NATIONAL);
    list.add(y.on(12, 25), CHRISTMAS);
    list.add(y.on(12, 26), ST_STEPHEN);
}

/// Luxembourg (Code du travail, art. L232-2). Europe Day (9 May) was added by
/// the law of 26 March 2019 and is listed from 2019 on.
fn luxembourg(list: &mut List, y: Year) {
    list.add(y.on(1, 1), NEW_YEAR);
    list.add(y.easter_plus(1), EASTER_MONDAY);
    list.add(y.on(5, 1), LABOUR_DAY);
    if y.year >= 2019 {
        list.add(y.on(5, 9), LU_EUROPE);
    }
    list.add(y.easter_plus(39), ASCENSION);
    list.add(y.easter_plus(50), WHIT_MONDAY);
    list.add(y.on(6, 23), LU_NATIONAL);
    list.add(y.on(8, 15), ASSUMPTION);
    list.add(y.on(11, 1), ALL_SAINTS);
    list.add(y.on(12, 25), CHRISTMAS);
    list.add(y.on(12, 26), ST_STEPHEN);
}

/// Québec statutory holidays (Loi sur les normes du travail, art. 60, Loi sur
/// la fête nationale). The law lets the employer give Good Friday or Easter
/// Monday; Good Friday is the common practice and is listed. 24 June on a
/// Sunday moves to 25 June, 1 July on a Sunday to 2 July; the other holidays
/// do not move.
fn quebec(list: &mut List, y: Year) {
    list.add(y.on(1, 1), NEW_YEAR);
    list.add(y.easter_plus(-2), GOOD_FRIDAY);
    // The Monday before 25 May (i.e. between 18 and 24 May).
    let patriots = y
        .on(5, 25)
        .and_then(|d| d.nth_weekday(-1, Weekday::Monday).ok());
    list.add(patriots, QC_PATRIOTS);
    for (day, usual, observed) in [
        (24, QC_NATIONAL, QC_NATIONAL_OBSERVED),
        (1, QC_CANADA, QC_CANADA_OBSERVED),
    ] {
        let month = if day == 24 { 6 } else { 7 };
        let date = y.on(month, day);
        match date {
            Some(d) if d.weekday() == Weekday::Sunday => list.add(shift(d, 1), observed),
            _ => list.add(date, usual),
        }
    }
    list.add(y.nth(1, Weekday::Monday, 9), LABOUR_DAY);
    list.add(y.nth(2, Weekday::Monday, 10), QC_THANKSGIVING);
    list.add(y.on(12, 25), CHRISTMAS);
}

/// England and Wales bank holidays (Banking and Financial Dealings Act 1971
/// and royal proclamations), as listed on gov.uk: a holiday falling on a
/// weekend is replaced by a "substitute day" on the next weekday that is not
/// already a bank holiday, and only the substitute day is listed.
fn england_and_wales(list: &mut List, y: Year) {
    // New Year's Day: Saturday -> Monday 3, Sunday -> Monday 2.
    match y.on(1, 1) {
        Some(d) if is_weekend(d) => {
            let monday = d.nth_weekday(1, Weekday::Monday).ok();
            list.add(monday, GB_NEW_YEAR_SUBSTITUTE);
        }
        date => list.add(date, NEW_YEAR),
    }
    list.add(y.easter_plus(-2), GOOD_FRIDAY);
    list.add(y.easter_plus(1), EASTER_MONDAY);
    match y.year {
        // Moved for the 50th and 75th anniversaries of VE Day.
        1995 | 2020 => list.add(y.on(5, 8), GB_EARLY_MAY_VE_DAY),
        _ => list.add(y.nth(1, Weekday::Monday, 5), GB_EARLY_MAY),
    }
    match y.year {
        // Moved next to the jubilee holidays (listed below).
        2002 | 2012 => list.add(y.on(6, 4), GB_SPRING),
        2022 => list.add(y.on(6, 2), GB_SPRING),
        _ => list.add(y.nth(-1, Weekday::Monday, 5), GB_SPRING),
    }
    list.add(y.nth(-1, Weekday::Monday, 8), GB_SUMMER);
    // Christmas and Boxing Day. The 25th on a Saturday gives Monday 27
    // (Christmas) and Tuesday 28 (Boxing Day); on a Sunday, Monday 26 is
    // Boxing Day and Tuesday 27 the Christmas substitute; on a Friday,
    // Boxing Day (Saturday) moves to Monday 28.
    match y.on(12, 25).map(Date::weekday) {
        Some(Weekday::Friday) => {
            list.add(y.on(12, 25), CHRISTMAS);
            list.add(y.on(12, 28), GB_BOXING_DAY_SUBSTITUTE);
        }
        Some(Weekday::Saturday) => {
            list.add(y.on(12, 27), GB_CHRISTMAS_SUBSTITUTE);
            list.add(y.on(12, 28), GB_BOXING_DAY_SUBSTITUTE);
        }
        Some(Weekday::Sunday) => {
            list.add(y.on(12, 26), GB_BOXING_DAY);
            list.add(y.on(12, 27), GB_CHRISTMAS_SUBSTITUTE);
        }
        _ => {
            list.add(y.on(12, 25), CHRISTMAS);
            list.add(y.on(12, 26), GB_BOXING_DAY);
        }
    }
    // One-off bank holidays.
    match y.year {
        1981 => list.add(y.on(7, 29), GB_ROYAL_WEDDING_1981),
        1999 => list.add(y.on(12, 31), GB_MILLENNIUM),
        2002 => list.add(y.on(6, 3), GB_GOLDEN_JUBILEE),
        2011 => list.add(y.on(4, 29), GB_ROYAL_WEDDING_2011),
        2012 => list.add(y.on(6, 5), GB_DIAMOND_JUBILEE),
        2022 => {
            list.add(y.on(6, 3), GB_PLATINUM_JUBILEE);
            list.add(y.on(9, 19), GB_STATE_FUNERAL);
        }
        2023 => list.add(y.on(5, 8), GB_CORONATION),
        _ => {}
    }
}

/// United States federal holidays (5 U.S.C. 6103). A holiday on a Saturday is
/// observed on the Friday before, one on a Sunday on the Monday after (as for
/// federal employees), and the observed date is the one listed. New Year's
/// Day of `year + 1` on a Saturday is observed on 31 December of `year` and
/// is listed in `year`.
fn united_states(list: &mut List, y: Year) {
    /// Adds a fixed-date holiday on its observed date.
    fn observed(list: &mut List, date: Option<Date>, usual: Name, moved: Name) {
        match date.map(|d| (d, d.weekday())) {
            Some((d, Weekday::Saturday)) => list.add(shift(d, -1), moved),
            Some((d, Weekday::Sunday)) => list.add(shift(d, 1), moved),
            _ => list.add(date, usual),
        }
    }

    // 1 January of this year, unless a Saturday (then observed last year).
    match y.on(1, 1) {
        Some(d) if d.weekday() == Weekday::Saturday => {}
        date => observed(list, date, NEW_YEAR, US_NEW_YEAR_OBSERVED),
    }
    if y.year >= 1986 {
        list.add(y.nth(3, Weekday::Monday, 1), US_MLK);
    }
    list.add(y.nth(3, Weekday::Monday, 2), US_WASHINGTON);
    list.add(y.nth(-1, Weekday::Monday, 5), US_MEMORIAL);
    if y.year >= 2021 {
        observed(list, y.on(6, 19), US_JUNETEENTH, US_JUNETEENTH_OBSERVED);
    }
    observed(list, y.on(7, 4), US_INDEPENDENCE, US_INDEPENDENCE_OBSERVED);
    list.add(y.nth(1, Weekday::Monday, 9), US_LABOR);
    list.add(y.nth(2, Weekday::Monday, 10), US_COLUMBUS);
    observed(list, y.on(11, 11), US_VETERANS, US_VETERANS_OBSERVED);
    list.add(y.nth(4, Weekday::Thursday, 11), US_THANKSGIVING);
    observed(list, y.on(12, 25), CHRISTMAS, US_CHRISTMAS_OBSERVED);
    // Next year's New Year's Day, when it is a Saturday.
    let new_year_eve = y.on(12, 31);
    if new_year_eve.is_some_and(|d| d.weekday() == Weekday::Friday) {
        list.add(new_year_eve, US_NEW_YEAR_OBSERVED);
    }
}

/// Germany: the nine nationwide holidays (the states add their own, not
/// listed), plus Reformation Day 2017 (500th anniversary, nationwide once).
fn germany(list: &mut List, y: Year) {
    list.add(y.on(1, 1), NEW_YEAR);
    list.add(y.easter_plus(-2), GOOD_FRIDAY);
    list.add(y.easter_plus(1), EASTER_MONDAY);
    list.add(y.on(5, 1), LABOUR_DAY);
    list.add(y.easter_plus(39), ASCENSION);
    list.add(y.easter_plus(50), WHIT_MONDAY);
    list.add(y.on(10, 3), DE_UNITY);
    if y.year == 2017 {
        list.add(y.on(10, 31), DE_REFORMATION_500);
    }
    list.add(y.on(12, 25), CHRISTMAS);
    list.add(y.on(12, 26), DE_SECOND_CHRISTMAS);
}

/// Spain: the national holidays as a fixed list. In practice each year's
/// official calendar (BOE) lets the autonomous communities swap some of them
/// (Epiphany, 15 August, ...) and move those that fall on a Sunday to the
/// Monday; those regional choices are not modelled, and a holiday falling on
/// a Sunday is listed on its own date.
fn spain(list: &mut List, y: Year) {
    list.add(y.on(1, 1), NEW_YEAR);
    list.add(y.on(1, 6), EPIPHANY);
    list.add(y.easter_plus(-2), GOOD_FRIDAY);
    list.add(y.on(5, 1), LABOUR_DAY);
    list.add(y.on(8, 15), ASSUMPTION);
    list.add(y.on(10, 12), ES_NATIONAL);
    list.add(y.on(11, 1), ALL_SAINTS);
    list.add(y.on(12, 6), ES_CONSTITUTION);
    list.add(y.on(12, 8), IMMACULATE_CONCEPTION);
    list.add(y.on(12, 25), CHRISTMAS);
}

/// Italy. 4 October (St Francis of Assisi, patron saint of Italy) is a
/// national holiday again from 2026 (law no. 151 of 8 October 2025), and
/// 17 March 2011 was a one-off national holiday (150th anniversary of the
/// unification, decree-law no. 5 of 22 February 2011).
fn italy(list: &mut List, y: Year) {
    list.add(y.on(1, 1), NEW_YEAR);
    list.add(y.on(1, 6), EPIPHANY);
    if y.year == 2011 {
        list.add(y.on(3, 17), IT_UNIFICATION_150);
    }
    list.add(y.easter_plus(1), EASTER_MONDAY);
    list.add(y.on(4, 25), IT_LIBERATION);
    list.add(y.on(5, 1), LABOUR_DAY);
    list.add(y.on(6, 2), IT_REPUBLIC);
    list.add(y.on(8, 15), ASSUMPTION);
    if y.year >= 2026 {
        list.add(y.on(10, 4), IT_ST_FRANCIS);
    }
    list.add(y.on(11, 1), ALL_SAINTS);
    list.add(y.on(12, 8), IMMACULATE_CONCEPTION);
    list.add(y.on(12, 25), CHRISTMAS);
    list.add(y.on(12, 26), ST_STEPHEN);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of holidays that the rules put on one date has a joined
    /// name in `JOINED` (otherwise `List::add` would keep only the first
    /// name), and every joined name is "first / second".
    #[test]
    fn every_coincidence_has_a_joined_name() {
        for (first, second, joined) in JOINED {
            assert_eq!(joined.fr, format!("{} / {}", first.fr, second.fr));
            assert_eq!(joined.en, format!("{} / {}", first.en, second.en));
        }
        for &country in Country::ALL {
            for year in SUPPORTED_YEARS {
                assert_eq!(build(country, year).unjoined, 0, "{country:?} {year}");
            }
        }
    }
}
