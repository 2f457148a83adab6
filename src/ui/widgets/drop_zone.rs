//! Files dragged onto the window: while they hover, a veil says where they will go; once
//! dropped, their paths (files a browser drags without a path on disk are left out, and said).

use std::path::PathBuf;

use egui::{Align2, Color32, FontId, Id, LayerId, Order};

/// Paints the veil while files hover over the window; `target` says where they would go.
pub fn drop_veil_ui(ctx: &egui::Context, target: &str) {
    let hovering = ctx.input(|i| i.raw.hovered_files.len());
    if hovering == 0 {
        return;
    }
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop-veil")));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, Color32::from_black_alpha(170));
    let files = if hovering == 1 { "the file".to_owned() } else { format!("the {hovering} files") };
    painter.text(
        screen.center(),
        Align2::CENTER_CENTER,
        format!("Drop {files} to store as documents {target}"),
        FontId::proportional(20.0),
        Color32::WHITE,
    );
}

/// The files dropped this frame: paths on disk, and how many came without one.
pub fn dropped_paths(ctx: &egui::Context) -> (Vec<PathBuf>, usize) {
    ctx.input(|i| {
        let paths: Vec<PathBuf> =
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| p.is_absolute()).collect();
        let without = i.raw.dropped_files.len() - paths.len();
        (paths, without)
    })
}
