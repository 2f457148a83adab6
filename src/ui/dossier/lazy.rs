//! Sections of a long scrolling pane drawn only while they are in view. Each section's height is
//! remembered from the last frame that drew it; out of view, the section only takes that much
//! room, so the pane scrolls and sizes as if it were all there. The heights are forgotten when
//! the data drawn or the pane's width changes, and the next frame draws everything once more.

use std::collections::HashMap;

use egui::{Rect, Ui, Vec2};

/// Names a section: what it is and which one (a card's index).
pub type SectionId = (&'static str, usize);

/// The remembered heights of a pane's sections.
#[derive(Debug, Default)]
pub struct Sections {
    /// What the heights were measured for: the data's version and the pane's width (its bits).
    key: (u64, u32),
    heights: HashMap<SectionId, f32>,
}

impl Sections {
    /// Starts a frame of the pane showing data `version` at `width`; heights measured for other
    /// data or another width are forgotten.
    pub fn begin(&mut self, version: u64, width: f32) {
        let key = (version, width.to_bits());
        if key != self.key {
            self.key = key;
            self.heights.clear();
        }
    }

    /// Draws `add` when its section is in view or its height is not known; otherwise takes the
    /// room it took when last drawn.
    pub fn show(&mut self, ui: &mut Ui, id: SectionId, add: impl FnOnce(&mut Ui)) {
        let width = ui.available_width();
        if let Some(&height) = self.heights.get(&id) {
            let room = Vec2::new(width, height);
            if !ui.is_rect_visible(Rect::from_min_size(ui.cursor().min, room)) {
                ui.allocate_space(room);
                return;
            }
        }
        let height = ui.scope(add).response.rect.height();
        self.heights.insert(id, height);
    }
}
