//! What Excel did to a file's data, column by column: noticed and said, never undone (the values
//! compared are the values in the file).

use serde::Serialize;

/// One kind of Excel damage found in one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Damage {
    pub column: String,
    pub kind: DamageKind,
    /// How many of the column's values show it.
    pub count: usize,
    /// The first few of them (at most five), in the file's order.
    pub examples: Vec<DamageExample>,
}

/// What Excel did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DamageKind {
    /// A code of fixed width read as a number: 00012345 became 12345.
    LostLeadingZeros,
    /// A phone number read as a number: 09012345678 became 9012345678.
    PhoneAsNumber,
    /// A long ID shown in scientific notation: 4901234567890 became 4.90123E+12, its last digits
    /// lost.
    ScientificNotation,
    /// A date saved as Excel's serial number: 2024-04-01 became 45383.
    DateAsSerial,
}

impl DamageKind {
    pub const ALL: [DamageKind; 4] = [
        DamageKind::LostLeadingZeros,
        DamageKind::PhoneAsNumber,
        DamageKind::ScientificNotation,
        DamageKind::DateAsSerial,
    ];

    /// The kind's name in the report (`lost_leading_zeros`).
    pub fn name(self) -> &'static str {
        match self {
            DamageKind::LostLeadingZeros => "lost_leading_zeros",
            DamageKind::PhoneAsNumber => "phone_as_number",
            DamageKind::ScientificNotation => "scientific_notation",
            DamageKind::DateAsSerial => "date_as_serial",
        }
    }
}

/// One damaged value and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DamageExample {
    /// As findings number rows: 1 = the first data record.
    pub row: u64,
    /// The physical line it starts on.
    pub line: u64,
    /// As Excel names the cell: `D105`, `宛先!D105`.
    pub cell: String,
    /// The value as the file holds it.
    pub value: String,
    /// The value as it most probably was (00012345, 09012345678, 2024-04-01); absent for
    /// scientific notation, whose lost digits no file but the original holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restored: Option<String>,
}
