//! Conservation: every input row ends in exactly one bucket per file.

use super::keys::NONE;
use crate::report::{Buckets, Finding, Side};

/// The buckets are counted from the findings themselves (and the pairs), so the conservation
/// check tests the findings a person reads, not a separate tally that could drift from them.
pub(super) fn fill_buckets(findings: &[Finding], pair_of_list: &[u32], sb: &mut Buckets, lb: &mut Buckets) {
    let paired = pair_of_list.iter().filter(|&&p| p != NONE).count();
    sb.paired = paired;
    lb.paired = paired;
    // An ambiguous row's candidates that no other row took: unpaired, once each.
    let mut untaken = std::collections::BTreeSet::new();
    for f in findings {
        match f {
            Finding::Missing { .. } => sb.unpaired += 1,
            Finding::Unexpected { .. } => lb.unpaired += 1,
            // The other file's rows count here only when the key is single there; repeated
            // there too, that file's own duplicate finding counts them.
            Finding::Duplicate { file, rows, other_rows, .. } => {
                let (own, other) = if *file == Side::Source { (&mut *sb, &mut *lb) } else { (&mut *lb, &mut *sb) };
                own.duplicate += rows.len();
                if other_rows.len() == 1 {
                    other.duplicate += 1;
                }
            }
            Finding::Malformed { file: Side::Source, .. } => sb.malformed += 1,
            Finding::Malformed { file: Side::List, .. } => lb.malformed += 1,
            Finding::Ambiguous { candidates, .. } => {
                lb.unpaired += 1;
                untaken.extend(candidates.iter().filter(|c| !c.taken).map(|c| c.source_row));
            }
            _ => {}
        }
    }
    sb.unpaired += untaken.len();
}
