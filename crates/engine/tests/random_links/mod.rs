//! Random dependencies for the property tests (`invariants.rs`,
//! `progress.rs`): each task depends on earlier ones only, so plans are
//! acyclic, with every link type and lags from -3 to 5 working days.

use proptest::prelude::*;
use proptest::sample::Index;
use retroplan_engine::{Link, LinkKind};

pub fn arb_kind() -> impl Strategy<Value = LinkKind> {
    prop_oneof![
        3 => Just(LinkKind::FinishToStart),
        1 => Just(LinkKind::StartToStart),
        1 => Just(LinkKind::FinishToFinish),
        1 => Just(LinkKind::StartToFinish),
    ]
}

#[derive(Clone, Debug)]
pub struct LinkSpec {
    pick: Index,
    /// Pick among the few tasks just before (long chains), else among all earlier ones.
    near: bool,
    kind: LinkKind,
    lag: i32,
}

impl LinkSpec {
    /// The link of task `i > 0`: "near" picks among the `window` tasks before it.
    pub fn link(&self, i: usize, window: usize) -> Link {
        let task = if self.near {
            i - 1 - self.pick.index(i.min(window))
        } else {
            self.pick.index(i)
        };
        Link {
            task,
            kind: self.kind,
            lag: self.lag,
        }
    }
}

prop_compose! {
    /// A link that is "near" with probability `near`.
    pub fn arb_link(near: f64)(
        pick in any::<Index>(),
        near in prop::bool::weighted(near),
        kind in arb_kind(),
        lag in -3i32..=5,
    ) -> LinkSpec {
        LinkSpec { pick, near, kind, lag }
    }
}
