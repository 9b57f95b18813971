//! [`TaskList`]: a list of tasks that shares its storage with others.
//!
//! A large plan can have tens of thousands of overloaded days, each with its
//! list of tasks. One allocation per list (and one more to free it) cost as
//! much as the rest of the overload report, so a schedule keeps them in a
//! few buffers (one per group of people booked together) and each list is a
//! range of one. For its readers a list is just a slice of task indices.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use crate::plan::TaskIx;

/// Tasks in a given order (plan order, for an [`crate::Overload`]): reads
/// as a `&[TaskIx]` (it dereferences to one), compares, hashes and prints
/// as one. Cloning it shares the storage.
#[derive(Clone, Default)]
pub struct TaskList {
    /// The buffer this list is a range of (possibly shared with other lists).
    all: Arc<Vec<TaskIx>>,
    start: usize,
    end: usize,
}

impl TaskList {
    /// The tasks `all[start..end]`, sharing `all` (the caller keeps the
    /// range within it).
    pub(crate) fn shared(all: &Arc<Vec<TaskIx>>, start: usize, end: usize) -> TaskList {
        debug_assert!(start <= end && end <= all.len());
        TaskList {
            all: Arc::clone(all),
            start,
            end,
        }
    }

    /// The tasks as a slice.
    #[inline]
    pub fn as_slice(&self) -> &[TaskIx] {
        &self.all[self.start..self.end]
    }
}

impl Deref for TaskList {
    type Target = [TaskIx];

    #[inline]
    fn deref(&self) -> &[TaskIx] {
        self.as_slice()
    }
}

impl AsRef<[TaskIx]> for TaskList {
    fn as_ref(&self) -> &[TaskIx] {
        self.as_slice()
    }
}

impl From<Vec<TaskIx>> for TaskList {
    /// A list with storage of its own.
    fn from(tasks: Vec<TaskIx>) -> TaskList {
        let end = tasks.len();
        TaskList {
            all: Arc::new(tasks),
            start: 0,
            end,
        }
    }
}

impl From<&[TaskIx]> for TaskList {
    fn from(tasks: &[TaskIx]) -> TaskList {
        TaskList::from(tasks.to_vec())
    }
}

impl FromIterator<TaskIx> for TaskList {
    fn from_iter<I: IntoIterator<Item = TaskIx>>(iter: I) -> TaskList {
        TaskList::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a TaskList {
    type Item = &'a TaskIx;
    type IntoIter = std::slice::Iter<'a, TaskIx>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl PartialEq for TaskList {
    fn eq(&self, other: &TaskList) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for TaskList {}

impl PartialEq<[TaskIx]> for TaskList {
    fn eq(&self, other: &[TaskIx]) -> bool {
        self.as_slice() == other
    }
}

impl PartialEq<Vec<TaskIx>> for TaskList {
    fn eq(&self, other: &Vec<TaskIx>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl std::hash::Hash for TaskList {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl fmt::Debug for TaskList {
    /// As the slice: `[3, 7]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_slice().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_list_reads_compares_and_prints_as_its_slice() {
        let all = Arc::new(vec![4, 1, 7, 9]);
        let middle = TaskList::shared(&all, 1, 3);
        assert_eq!(&*middle, &[1, 7]);
        assert_eq!(middle, TaskList::from(vec![1, 7]));
        assert_eq!(middle, vec![1, 7]);
        assert_ne!(middle, TaskList::shared(&all, 0, 2));
        assert_eq!(format!("{middle:?}"), format!("{:?}", vec![1usize, 7]));
        assert_eq!(middle.iter().sum::<usize>(), 8);
        assert!(TaskList::default().is_empty());
    }
}
