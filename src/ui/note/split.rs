//! The split between the note's body and the claims area under it: a bottom panel whose top
//! edge the user drags. Where it was left is remembered in the app's settings (through
//! [`NoteAction::SetClaimsHeight`]), so the next start opens the pane the same way.

use egui::Ui;

use crate::ui::action::Action;
use crate::ui::note::actions::NoteAction;

/// The claims area never gets smaller than this (its tabs and a row), in points.
pub const MIN_HEIGHT: f32 = 90.0;
/// Nor does the body above it.
const MIN_BODY: f32 = 120.0;
/// Until the user drags the split, the claims area takes this share of the pane's height.
const DEFAULT_SHARE: f32 = 0.42;

/// The heights the claims area may take in a pane with `available` points of height left.
pub fn height_range(available: f32) -> std::ops::RangeInclusive<f32> {
    MIN_HEIGHT..=(available - MIN_BODY).max(MIN_HEIGHT)
}

/// The height to start the claims area at: the one remembered, else a share of the pane.
pub fn start_height(remembered: Option<f32>, available: f32) -> f32 {
    let range = height_range(available);
    remembered.unwrap_or(available * DEFAULT_SHARE).clamp(*range.start(), *range.end())
}

/// Shows the claims area as a bottom panel of `ui` and returns the action that remembers its
/// height when the user let go of the split somewhere new. While the claim form is open above
/// it, the area starts small (the form is what is being worked on) and is not remembered.
pub fn claims_area_ui(
    ui: &mut Ui,
    remembered: Option<f32>,
    form_open: bool,
    add_contents: impl FnOnce(&mut Ui),
) -> Option<Action> {
    let available = ui.available_height();
    let range = height_range(available);
    let start = if form_open { MIN_HEIGHT } else { start_height(remembered, available) };
    let shown = egui::Panel::bottom(("claims-panel", form_open))
        .resizable(true)
        .default_size(start)
        .size_range(range.clone())
        .frame(egui::Frame::NONE.inner_margin(egui::Margin { top: 8, ..egui::Margin::ZERO }))
        .show(ui, add_contents);
    if form_open {
        return None;
    }
    let height = shown.response.rect.height();
    let released = ui.input(|i| i.pointer.any_released());
    // A height at the range's end may be the window squeezing the area, not the user's choice.
    let squeezed = height >= *range.end() - 0.5 && remembered.is_some_and(|r| r > height);
    (released && !squeezed && (height - start).abs() > 1.0)
        .then(|| Action::Note(NoteAction::SetClaimsHeight(height.round())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_area_starts_where_it_was_left_within_the_pane() {
        assert_eq!(start_height(Some(300.0), 800.0), 300.0);
        assert_eq!(start_height(None, 1000.0), 420.0, "a share of the pane at first");
        assert_eq!(start_height(Some(900.0), 800.0), 680.0, "the body keeps some room");
        assert_eq!(start_height(Some(10.0), 800.0), MIN_HEIGHT);
        assert_eq!(start_height(Some(400.0), 100.0), MIN_HEIGHT, "a tiny pane still shows the tabs");
    }
}
