//! The duration law of each task: a fixed number of working days, or a
//! Beta-PERT draw scaled to the plan calendar.

use rand::Rng;
use rand_distr::{Distribution, Pert};

use crate::plan::Duration;

/// How long a task lasts on the plan calendar.
pub(super) enum Law {
    Fixed(f64),
    Drawn(Drawn),
}

/// `scale` times a Beta-PERT draw between the optimistic and pessimistic
/// values.
#[derive(Clone, Debug)]
pub(super) struct Drawn {
    pert: Pert<f64>,
    scale: f64,
}

impl Law {
    /// The law of `duration`, scaled by `scale` (plan-calendar days per
    /// day of the task's own calendar). `planned` is what a fixed duration
    /// lasts: the days the schedule planned, already on the plan calendar,
    /// so that a plan without uncertainty is the schedule itself.
    pub fn of(duration: Duration, scale: f64, planned: f64) -> Law {
        match duration {
            Duration::Days(_) => Law::Fixed(planned),
            Duration::Estimate {
                optimistic: o,
                likely: m,
                pessimistic: p,
                ..
            } => {
                // Beta-PERT of shape 4: the mean and variance of
                // `Duration::mean` and `Duration::variance`.
                if p > o
                    && let Ok(pert) = Pert::new(o, p).with_mode(m.clamp(o, p))
                {
                    return Law::Drawn(Drawn { pert, scale });
                }
                // No spread: nothing is uncertain, so every run is the
                // schedule, which plans the value rounded up to whole days.
                Law::Fixed(planned)
            }
        }
    }
}

impl Drawn {
    #[inline]
    pub fn sample<R: Rng + ?Sized>(&self, rng: &mut R) -> f64 {
        self.pert.sample(rng) * self.scale
    }
}
