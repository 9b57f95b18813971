//! The retroplan engine: dates every task of a rétroplanning backward from a
//! deadline that cannot move.
//!
//! This crate owns the meaning of a schedule, as `SCHEDULING.md` states it:
//! working-day calendars with public holidays ([`calendar`]), the plan model
//! ([`plan`]), and the scheduling passes ([`schedule`]): backward from the
//! deadline, follow-up tasks forward after it, forward from today for slack,
//! the critical path and feasibility.
//!
//! Architecture invariant: no I/O. No files, no network, no clock, no
//! environment. `today` is an argument. Everything here is a pure function of
//! its inputs, so the same plan gives the same schedule, byte for byte, on any
//! machine; the formats and the faces (CLI, server) sit around it.

pub mod calendar;
pub mod day_number;
pub mod error;
pub mod meeting;
pub mod plan;
pub mod relative;
pub mod risk;
pub mod schedule;

pub use error::{PlanError, PlanErrors};
pub use meeting::{Meeting, MeetingDates, MeetingRule};
pub use plan::{
    Baseline, BaselineTask, Capacity, Duration, EstimateAt, Lang, Link, LinkKind, Margins, Person,
    Plan, Progress, Raci, ReadyBy, Status, Task, TaskIx, Tracking,
};
pub use relative::{RelativeDate, When};
pub use risk::{Bin, Finish, RiskOptions, RiskReport, StartBy, simulate};
pub use schedule::{
    Buffer, BufferKind, Direction, MoveCause, Overload, Overloads, OverloadsIter, PeopleLoad,
    PersonLoad, PlanVariance, Reassignment, Schedule, Shortfall, TaskSchedule, Variance, Verdict,
    reassignments, schedule, schedule_with_load,
};
