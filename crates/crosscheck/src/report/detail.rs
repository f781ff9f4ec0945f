//! The parts some findings carry: a slid block's edges (whose value fell out, whose is on two
//! rows, whose mail goes to whom), an ambiguous row's candidates, a typed key's slip.

use serde::Serialize;

/// A source record's value that a slide left in no list row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lost {
    pub key: Vec<String>,
    pub source_row: u64,
    /// The list row that should hold it.
    pub list_row: u64,
    pub value: String,
}

/// A source record's value that a slide put on two list rows: its own and one in the block.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Doubled {
    pub key: Vec<String>,
    pub value: String,
    pub list_rows: [u64; 2],
}

/// One row of a block: the customer it names, and the customer whose value it holds (their
/// mail goes to that customer).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Misdirected {
    pub list_row: u64,
    pub key: Vec<String>,
    pub value: String,
    pub belongs_to: Vec<String>,
    /// The list row where the value belongs.
    pub belongs_to_list_row: u64,
}

/// A source record an ambiguous list row could be, and the list columns that point at it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub key: Vec<String>,
    pub source_row: u64,
    pub columns: Vec<String>,
    /// Paired with (or repeated by) another list row: accounted for there.
    pub taken: bool,
}

/// How a typed key differs from the one it should be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Slip {
    /// A letter for the digit it looks like: O for 0, I or l for 1.
    LookAlike,
    /// A character left out.
    Dropped,
    /// A character too many.
    Added,
    /// Two neighbouring characters swapped.
    Swapped,
}

impl Slip {
    pub fn name(self) -> &'static str {
        match self {
            Slip::LookAlike => "look_alike",
            Slip::Dropped => "dropped",
            Slip::Added => "added",
            Slip::Swapped => "swapped",
        }
    }
}
