//! How one customer is written as a row: the change that makes it a mismatch, the e-mail that
//! cross-wires it, and (in the list) the harmless variants.

use crate::customers::{rng_for, Customer, GIVEN, SURNAMES};
use crate::variants::{era, to_full_width_digits, to_half_width_kana, to_hiragana, yen};

/// Names used only for changed values, so a change never equals another customer's name.
const CHANGED_SURNAMES: [&str; 4] = ["五十嵐", "御手洗", "勅使河原", "東海林"];

/// A value changed into one no other customer has (so it is a mismatch, not a cross-wire).
#[derive(Clone, Copy)]
pub(crate) enum Change {
    Name,
    Email,
    Phone,
    Points,
    Gift,
    Registered,
}

pub(crate) const CHANGES: [(Change, &str); 6] = [
    (Change::Points, "points"),
    (Change::Email, "email"),
    (Change::Name, "name"),
    (Change::Phone, "phone"),
    (Change::Gift, "gift_amount"),
    (Change::Registered, "registered_on"),
];

#[derive(Clone, Copy, Default)]
pub(crate) struct Edit {
    pub(crate) change: Option<Change>,
    /// Carry this customer's e-mail instead of one's own.
    pub(crate) email_of: Option<u64>,
}

/// How the customer's fields are written: `variants` = the list's harmless spellings.
pub(crate) fn fields(
    c: &Customer,
    seed: u64,
    index: u64,
    variants: bool,
    edit: Edit,
    email_of: Option<&Customer>,
) -> [String; 10] {
    let (s, g) = (SURNAMES[c.surname], GIVEN[c.given]);
    let mut name = format!("{} {}", s.0, g.0);
    let mut kana = format!("{} {}", s.1, g.1);
    let mut email = email_of.map_or_else(|| c.email.clone(), |o| o.email.clone());
    let mut phone = c.phone.clone();
    let mut postal = format!("{:03}-{:04}", c.postal.0, c.postal.1);
    let (mut points, mut gift, mut registered) = (c.points, c.gift, c.registered);
    match edit.change {
        Some(Change::Name) => name = format!("{} {}", CHANGED_SURNAMES[c.surname % CHANGED_SURNAMES.len()], g.0),
        Some(Change::Email) => email = email.replace("@example", "@exmaple"),
        Some(Change::Phone) => phone = format!("050{}", &phone[3..]),
        Some(Change::Points) => points += 1000,
        Some(Change::Gift) => gift += 500,
        Some(Change::Registered) => registered.0 -= 1,
        None => {}
    }
    let mut date = format!("{:04}-{:02}-{:02}", registered.0, registered.1, registered.2);
    let mut gift_text = gift.to_string();
    let mut points_text = points.to_string();
    if variants {
        // Each field gets a harmless variant in about one row of six.
        let mut r = rng_for(seed ^ 0x5151, index);
        let mut pick = |n: usize| if r.usize(..6) == 0 { Some(r.usize(..n)) } else { None };
        if let Some(v) = pick(2) {
            name = if v == 0 { name.replace(' ', "\u{3000}") } else { format!(" {name} ") };
        }
        if let Some(v) = pick(2) {
            kana = if v == 0 { to_half_width_kana(&kana) } else { to_hiragana(&kana) };
        }
        if let Some(v) = pick(2) {
            email = if v == 0 { email.to_uppercase() } else { email.replace('@', "＠") };
        }
        if let Some(v) = pick(2) {
            phone = if v == 0 { phone.replace('-', "") } else { to_full_width_digits(&phone) };
        }
        if let Some(v) = pick(2) {
            postal = if v == 0 { postal.replace('-', "") } else { to_full_width_digits(&postal) };
        }
        if pick(1).is_some() && points >= 1000 {
            points_text = format!("{},{:03}", points / 1000, points % 1000);
        }
        if let Some(v) = pick(2) {
            gift_text = if v == 0 { yen(gift) } else { format!("{gift}円") };
        }
        if let Some(v) = pick(3) {
            let (y, m, d) = registered;
            date = match v {
                0 => format!("{y}/{m}/{d}"),
                1 => format!("{y}年{m}月{d}日"),
                _ => era(y, m, d).unwrap_or(date),
            };
        }
    }
    [c.id.clone(), name, kana, email, phone, postal, c.prefecture.to_string(), points_text, gift_text, date]
}
