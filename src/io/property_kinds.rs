//! Property types across one import: Obsidian gives a key one type in a whole vault, so a file
//! that gives a key another type than the first file that set it gets a warning in the report
//! (its value is kept as written).

use std::collections::HashMap;

use super::ImportReport;
use crate::model::{PropertyKind, fold, read_properties};

/// The type each property key had in the first file of an import that set it, so a file that
/// gives the key another type is pointed out (Obsidian gives a key one type in a whole vault).
#[derive(Default)]
pub(super) struct PropertyKinds(HashMap<String, (&'static str, String)>);

impl PropertyKinds {
    pub(super) fn check(&mut self, body: &str, file: &str, report: &mut ImportReport) {
        for property in read_properties(body) {
            let kind = property.value.kind();
            if kind == PropertyKind::Empty {
                continue;
            }
            let (first, first_file) =
                self.0.entry(fold(&property.key)).or_insert_with(|| (kind.as_str(), file.to_owned())).clone();
            if first != kind.as_str() {
                report.warn(
                    file,
                    format!(
                        "property {:?} is {} here but {first} in {first_file}; kept as written",
                        property.key,
                        kind.as_str()
                    ),
                );
            }
        }
    }
}
