//! What the notes' result list and the sources' list of matching pages both draw with: the
//! scroll area that brings the highlighted row into view, a row's background and placeholder
//! bars, and text cut to one line (a snippet with its matched words marked).

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, CornerRadius, FontId, Pos2, Rect, ScrollArea, Stroke, Ui, Vec2};

use crate::ui::widgets::theme::Palette;

pub(crate) const TITLE_SIZE: f32 = 14.0;
pub(crate) const SNIPPET_SIZE: f32 = 12.0;

/// At most how many bytes of text in a font of `size` points can show in `width` points: no
/// glyph of the proportional font is narrower than a quarter of its size on average over a line.
pub(crate) fn fitting_bytes(size: f32, width: f32) -> usize {
    (width / (size * 0.25)).max(0.0) as usize + 1
}

/// `text` cut at a character boundary after at most [`fitting_bytes`] bytes.
fn fitting(text: &str, size: f32, width: f32) -> &str {
    let mut end = fitting_bytes(size, width).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Paints a result row's background (highlighted when selected, lighter when hovered) and its
/// bottom line; the painter for the rest of the row.
pub(crate) fn row_background(
    ui: &Ui,
    rect: Rect,
    response: &egui::Response,
    selected: bool,
    p: &Palette,
) -> egui::Painter {
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, CornerRadius::ZERO, ui.visuals().selection.bg_fill.gamma_multiply(0.55));
        painter.rect_filled(Rect::from_min_size(rect.min, Vec2::new(3.0, rect.height())), CornerRadius::ZERO, p.accent);
    } else if response.hovered() {
        painter.rect_filled(rect, CornerRadius::ZERO, ui.visuals().faint_bg_color);
    }
    painter.hline(rect.x_range(), rect.bottom() - 0.5, Stroke::new(1.0, p.line));
    painter
}

/// Two grey bars where a row's lines will be, at heights `tops`, while its data is on the way.
pub(crate) fn placeholder_bars(painter: &egui::Painter, rect: Rect, tops: [f32; 2], p: &Palette) {
    let (left, right) = (rect.left() + 10.0, rect.right() - 8.0);
    let bar = |y: f32, w: f32| Rect::from_min_size(Pos2::new(left, rect.top() + y), Vec2::new(w, 9.0));
    painter.rect_filled(bar(tops[0], (right - left) * 0.6), CornerRadius::same(2), p.chip);
    painter.rect_filled(bar(tops[1], (right - left) * 0.9), CornerRadius::same(2), p.chip);
}

/// A list of rows `row_height` high (`id_salt` names it), scrolled so that row `selected` is in
/// view when one is given (the keyboard moved the highlight) and `viewport_height` shows it.
pub(crate) fn list_area(
    ui: &Ui,
    id_salt: &str,
    row_height: f32,
    selected: Option<usize>,
    viewport_height: f32,
) -> ScrollArea {
    let area = ScrollArea::vertical().id_salt(id_salt).auto_shrink(false);
    let Some(row) = selected else { return area };
    let state = egui::scroll_area::State::load(ui.ctx(), ui.make_persistent_id(id_salt));
    let offset = state.map_or(0.0, |s| s.clamped_offset().y);
    let top = row as f32 * row_height;
    let height = viewport_height.max(row_height);
    if top < offset {
        area.vertical_scroll_offset(top)
    } else if top + row_height > offset + height {
        area.vertical_scroll_offset(top + row_height - height)
    } else {
        area
    }
}

/// Text on one line, cut with `…` at `width`.
pub(crate) fn one_line(text: &str, font: FontId, color: Color32, width: f32) -> LayoutJob {
    let text = fitting(text, font.size, width);
    let mut job = LayoutJob::single_section(text.to_owned(), TextFormat::simple(font, color));
    job.wrap = TextWrapping { max_width: width, max_rows: 1, break_anywhere: true, overflow_character: Some('…') };
    job
}

/// A snippet on one line with the matched words (`highlights`, byte ranges) marked.
pub(crate) fn marked_line(snippet: &str, highlights: &[std::ops::Range<usize>], p: &Palette, width: f32) -> LayoutJob {
    let font = FontId::proportional(SNIPPET_SIZE);
    let plain = TextFormat::simple(font.clone(), p.muted);
    let marked = TextFormat { background: p.highlight, color: p.text, ..TextFormat::simple(font, p.text) };
    let mut job = LayoutJob::default();
    let text = fitting(snippet, SNIPPET_SIZE, width);
    let mut at = 0;
    for range in highlights {
        let valid = range.start >= at
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end);
        if !valid {
            continue;
        }
        job.append(&text[at..range.start], 0.0, plain.clone());
        job.append(&text[range.clone()], 0.0, marked.clone());
        at = range.end;
    }
    job.append(&text[at..], 0.0, plain);
    job.wrap = TextWrapping { max_width: width, max_rows: 1, break_anywhere: true, overflow_character: Some('…') };
    job
}
