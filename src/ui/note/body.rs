//! The note body editor. Small bodies are one `TextEdit`; large ones (over [`LARGE_BODY_BYTES`])
//! are split into blocks of a few kilobytes at line breaks, each its own `TextEdit`, and only the
//! blocks in view are laid out. A keystroke then re-lays out one block instead of the whole
//! galley, so a 1 MB note stays typeable.
//!
//! The blocks join back with `\n` into exactly the text they were split from. Arrow keys move
//! between blocks, Backspace at the start of a block and Delete at its end join it to its
//! neighbour; a selection cannot span blocks. A small body completes note titles after `[[`.

use egui::text::{CCursor, CCursorRange};
use egui::text_edit::TextEditState;
use egui::{CompletionPopup, Id, Key, Margin, Rect, ScrollArea, Suggestion, TextEdit, TextStyle, Ui, UiBuilder, vec2};

use super::links::{self, TitleCompletions};

/// Bodies larger than this are edited as blocks.
pub const LARGE_BODY_BYTES: usize = 32 * 1024;
/// About how large a block is.
const BLOCK_BYTES: usize = 4 * 1024;
/// A block that grew past this (by typing or pasting) is split again once it loses focus.
const BLOCK_MAX_BYTES: usize = 4 * BLOCK_BYTES;
/// How far beyond the visible rectangle blocks are still laid out, in points.
const OVERSCAN: f32 = 200.0;

/// The text being edited, in the form that suits its size.
pub enum Body {
    Plain(String),
    Blocks(Blocks),
}

/// A large body as consecutive blocks joined by `\n`.
pub struct Blocks {
    pub items: Vec<Block>,
    next_id: u64,
    /// The width the measured heights are valid for.
    width: f32,
}

pub struct Block {
    /// Stable across edits, so a block keeps its cursor and undo history.
    pub id: u64,
    pub text: String,
    /// Measured when it was last laid out; estimated from its lines until then.
    pub height: Option<f32>,
}

impl Body {
    pub fn new(text: String) -> Self {
        if text.len() > LARGE_BODY_BYTES { Body::Blocks(Blocks::new(&text)) } else { Body::Plain(text) }
    }

    /// The whole text (joined for a large body: call it when saving, not every frame).
    pub fn text(&self) -> String {
        match self {
            Body::Plain(text) => text.clone(),
            Body::Blocks(blocks) => blocks.joined(),
        }
    }

    pub fn is_large(&self) -> bool {
        matches!(self, Body::Blocks(_))
    }

    /// Length in bytes, without joining.
    pub fn len(&self) -> usize {
        match self {
            Body::Plain(text) => text.len(),
            Body::Blocks(blocks) => {
                blocks.items.iter().map(|b| b.text.len()).sum::<usize>() + blocks.items.len().saturating_sub(1)
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Blocks {
    pub fn new(text: &str) -> Self {
        let mut blocks = Self { items: Vec::new(), next_id: 0, width: 0.0 };
        for part in split_blocks(text, BLOCK_BYTES) {
            let id = blocks.fresh_id();
            blocks.items.push(Block { id, text: part, height: None });
        }
        blocks
    }

    fn fresh_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    pub fn joined(&self) -> String {
        let mut out = String::with_capacity(self.items.iter().map(|b| b.text.len() + 1).sum());
        for (i, block) in self.items.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&block.text);
        }
        out
    }

    /// Splits blocks that grew too large, except the one being typed in.
    fn resplit(&mut self, focused: Option<u64>) {
        let Some(at) = self.items.iter().position(|b| b.text.len() > BLOCK_MAX_BYTES && Some(b.id) != focused) else {
            return;
        };
        let block = self.items.remove(at);
        let parts = split_blocks(&block.text, BLOCK_BYTES);
        let mut fresh = Vec::with_capacity(parts.len());
        for (i, text) in parts.into_iter().enumerate() {
            let id = if i == 0 { block.id } else { self.fresh_id() };
            fresh.push(Block { id, text, height: None });
        }
        self.items.splice(at..at, fresh);
    }
}

/// Splits `text` at line breaks into parts of about `target` bytes (preferring the start of a
/// paragraph), dropping the `\n` at each split, so `parts.join("\n") == text`. A single line
/// longer than `target` stays whole.
pub fn split_blocks(text: &str, target: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut start = 0;
    while text.len() - start > target * 2 {
        let from = boundary_at_or_after(text, start + target);
        let window_end = boundary_at_or_after(text, start + target * 2);
        let paragraph = text[from..window_end].find("\n\n").map(|i| from + i + 1);
        let line = || text[from..].find('\n').map(|i| from + i);
        let Some(at) = paragraph.or_else(line).filter(|&at| at > start) else {
            break;
        };
        parts.push(text[start..at].to_owned());
        start = at + 1;
    }
    parts.push(text[start..].to_owned());
    parts
}

/// A byte offset at or after `at` that is a character boundary.
fn boundary_at_or_after(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

/// What the user asked for at the edge of a block.
enum Edge {
    /// Move into the previous block, cursor at its end.
    Up(usize),
    /// Move into the next block, cursor at its start.
    Down(usize),
    /// Join this block to the previous one (Backspace at the start).
    JoinPrevious(usize),
    /// Join the next block to this one (Delete at the end).
    JoinNext(usize),
}

/// What the body editor did this frame.
#[derive(Debug, Default)]
pub struct BodyOutput {
    pub changed: bool,
    /// The title being typed after `[[` at the cursor, for completion.
    pub linking: Option<String>,
}

/// Draws the body editor. A small body completes note titles after `[[` from `titles`.
pub fn body_ui(ui: &mut Ui, body: &mut Body, id: Id, read_only: bool, titles: &TitleCompletions) -> BodyOutput {
    match body {
        Body::Plain(text) => plain_ui(ui, text, id, read_only, titles),
        Body::Blocks(blocks) => BodyOutput { changed: blocks_ui(ui, blocks, id, read_only), linking: None },
    }
}

fn plain_ui(ui: &mut Ui, text: &mut String, id: Id, read_only: bool, titles: &TitleCompletions) -> BodyOutput {
    let mut out = BodyOutput::default();
    ScrollArea::vertical().id_salt(id.with("scroll")).auto_shrink(false).show(ui, |ui| {
        let edit = TextEdit::multiline(text)
            .id(id)
            .frame(egui::Frame::NONE)
            .margin(Margin::symmetric(2, 4))
            .desired_width(f32::INFINITY)
            .desired_rows(16)
            .lock_focus(true)
            .interactive(!read_only)
            .hint_text("Write in Markdown. $NVDA links a ticker; [[ links a note; #tags go in the tag field above.");
        let mut linking = None;
        let output = CompletionPopup::new(id).word_boundary(links::ends_title).show(ui, edit, |query| {
            let Some(typed) = links::typed_title(query).filter(|_| !read_only) else { return Vec::new() };
            linking = Some(typed.to_owned());
            titles
                .offered(typed)
                .into_iter()
                .map(|title| Suggestion::new(format!("{title}]]")).content(title))
                .collect()
        });
        let response = output.text_edit.response.response.accessible_name("Body");
        out.changed = response.changed() || output.accepted.is_some();
        out.linking = linking.filter(|_| response.has_focus());
        // Clicking below the text puts the cursor at its end, as in any editor.
        let rest = ui.available_rect_before_wrap();
        if !read_only && rest.height() > 0.0 && ui.interact(rest, id.with("below"), egui::Sense::click()).clicked() {
            ui.memory_mut(|m| m.request_focus(id));
        }
    });
    out
}

fn blocks_ui(ui: &mut Ui, blocks: &mut Blocks, id: Id, read_only: bool) -> bool {
    let width = ui.available_width() - ui.spacing().scroll.bar_width - 4.0;
    if (width - blocks.width).abs() > 0.5 {
        blocks.width = width;
        for block in &mut blocks.items {
            block.height = None;
        }
    }
    let font = TextStyle::Body.resolve(ui.style());
    let row_height = ui.fonts_mut(|f| f.row_height(&font));
    let char_width = ui.fonts_mut(|f| f.glyph_width(&font, 'n')).max(1.0);
    let chars_per_line = (width / char_width).max(8.0) as usize;
    let mut tops = Vec::with_capacity(blocks.items.len() + 1);
    let mut y = 0.0;
    for block in &blocks.items {
        tops.push(y);
        y += block.height.unwrap_or_else(|| estimate_height(&block.text, chars_per_line, row_height));
    }
    tops.push(y);
    let total = y;

    let focused_block = blocks.items.iter().find(|b| ui.memory(|m| m.has_focus(block_id(id, b.id)))).map(|b| b.id);
    let mut changed = false;
    let mut edge = None;
    let mut measured = false;
    ScrollArea::vertical().id_salt(id.with("scroll")).auto_shrink(false).show_viewport(ui, |ui, viewport| {
        ui.set_height(total);
        let first = tops.partition_point(|&top| top <= viewport.min.y).saturating_sub(1).min(blocks.items.len());
        let origin = ui.max_rect().min;
        let rect = Rect::from_min_max(origin + vec2(0.0, tops[first]), origin + vec2(width, total.max(tops[first])));
        ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            let mut y = tops[first];
            for index in first..blocks.items.len() {
                if y > viewport.max.y + OVERSCAN {
                    break;
                }
                let block = &mut blocks.items[index];
                let block_id = block_id(id, block.id);
                let keys = (Some(block.id) == focused_block).then(|| edge_keys(ui, block_id, &block.text, index));
                let output = TextEdit::multiline(&mut block.text)
                    .id(block_id)
                    .frame(egui::Frame::NONE)
                    .margin(Margin::ZERO)
                    .desired_width(width)
                    .desired_rows(1)
                    .lock_focus(true)
                    .interactive(!read_only)
                    .show(ui);
                let response = output.response.response.accessible_name(format!("Body, part {}", index + 1));
                changed |= response.changed();
                let height = response.rect.height();
                if block.height.is_none_or(|h| (h - height).abs() > 0.5) {
                    block.height = Some(height);
                    measured = true;
                }
                y += height;
                if let Some(Some(found)) = keys
                    && !response.changed()
                {
                    edge = Some(found);
                }
            }
        });
    });
    if measured {
        // Estimates were replaced by real heights: draw once more with the right positions.
        ui.ctx().request_repaint();
    }
    if let Some(edge) = edge {
        changed |= apply_edge(ui, blocks, id, edge);
    }
    if focused_block.is_none() {
        blocks.resplit(None);
    }
    changed
}

fn block_id(editor: Id, block: u64) -> Id {
    editor.with(("block", block))
}

/// A block's height before it was ever laid out: its lines, wrapped at `chars_per_line`.
fn estimate_height(text: &str, chars_per_line: usize, row_height: f32) -> f32 {
    let rows: usize = text.split('\n').map(|line| line.chars().count().div_ceil(chars_per_line).max(1)).sum();
    rows as f32 * row_height
}

/// Looks at the keys pressed this frame in a focused block, before the `TextEdit` sees them:
/// Up on its first line, Down on its last, Backspace at its start, Delete at its end.
fn edge_keys(ui: &Ui, block_id: Id, text: &str, index: usize) -> Option<Edge> {
    let range = TextEditState::load(ui.ctx(), block_id)?.cursor.char_range()?;
    if !range.is_empty() {
        return None;
    }
    let at = range.primary.index;
    let chars = text.chars().count();
    let first_line_end = text.find('\n').map_or(chars, |b| text[..b].chars().count());
    let last_line_start = text.rfind('\n').map_or(0, |b| text[..b].chars().count() + 1);
    ui.input(|i| {
        let plain = i.modifiers.is_none();
        if plain && i.key_pressed(Key::ArrowUp) && at.0 <= first_line_end && index > 0 {
            Some(Edge::Up(index))
        } else if plain && i.key_pressed(Key::ArrowDown) && at.0 >= last_line_start {
            Some(Edge::Down(index))
        } else if plain && i.key_pressed(Key::Backspace) && at.0 == 0 && index > 0 {
            Some(Edge::JoinPrevious(index))
        } else if plain && i.key_pressed(Key::Delete) && at.0 == chars {
            Some(Edge::JoinNext(index))
        } else {
            None
        }
    })
}

/// Carries out an [`Edge`]; returns whether the text changed.
fn apply_edge(ui: &Ui, blocks: &mut Blocks, id: Id, edge: Edge) -> bool {
    let focus = |block: u64, at: usize| {
        let block_id = block_id(id, block);
        let mut state = TextEditState::load(ui.ctx(), block_id).unwrap_or_default();
        state.cursor.set_char_range(Some(CCursorRange::one(CCursor::new(at))));
        state.store(ui.ctx(), block_id);
        ui.memory_mut(|m| m.request_focus(block_id));
    };
    match edge {
        Edge::Up(index) => {
            let previous = &blocks.items[index - 1];
            focus(previous.id, previous.text.chars().count());
            false
        }
        Edge::Down(index) => {
            if let Some(next) = blocks.items.get(index + 1) {
                focus(next.id, 0);
            }
            false
        }
        Edge::JoinPrevious(index) => {
            let block = blocks.items.remove(index);
            let previous = &mut blocks.items[index - 1];
            let at = previous.text.chars().count();
            previous.text.push_str(&block.text);
            previous.height = None;
            focus(previous.id, at);
            true
        }
        Edge::JoinNext(index) => {
            if index + 1 >= blocks.items.len() {
                return false;
            }
            let next = blocks.items.remove(index + 1);
            let block = &mut blocks.items[index];
            let at = block.text.chars().count();
            block.text.push_str(&next.text);
            block.height = None;
            focus(block.id, at);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(paragraphs: usize) -> String {
        (0..paragraphs)
            .map(|i| format!("## Parágrafo {i}\n\nA NVIDIA ($NVDA) perdeu US$ 589 bilhões; ação {i}.\nSegunda linha."))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn blocks_join_back_into_the_same_text() {
        for text in [
            String::new(),
            "\n".to_owned(),
            "one line".to_owned(),
            "a\n\n\nb\n".to_owned(),
            sample(3),
            sample(2_000),
            format!("{}\n{}", "x".repeat(50_000), "ç".repeat(30_000)),
            "ã\n".repeat(40_000),
        ] {
            for target in [1, 7, 64, BLOCK_BYTES] {
                let parts = split_blocks(&text, target);
                assert_eq!(parts.join("\n"), text, "target {target}");
            }
        }
    }

    #[test]
    fn large_bodies_become_blocks_of_a_few_kilobytes() {
        let text = sample(12_000);
        assert!(text.len() > 1_000_000);
        let body = Body::new(text.clone());
        let Body::Blocks(blocks) = &body else { panic!("a 1 MB body should be edited as blocks") };
        assert!(blocks.items.len() > 100);
        assert!(blocks.items.iter().all(|b| b.text.len() <= 3 * BLOCK_BYTES));
        assert_eq!(body.len(), text.len());
        assert_eq!(body.text(), text);
        assert!(!Body::new(sample(3)).is_large());
    }

    #[test]
    fn blocks_start_at_paragraphs_when_they_can() {
        let parts = split_blocks(&sample(500), BLOCK_BYTES);
        assert!(parts[1..].iter().all(|p| p.starts_with("## ") || p.starts_with("A NVIDIA")));
    }

    #[test]
    fn grown_blocks_split_again() {
        let mut blocks = Blocks::new(&sample(100));
        let count = blocks.items.len();
        blocks.items[0].text.push_str(&format!("\n{}", sample(400)));
        let before = blocks.joined();
        blocks.resplit(None);
        assert!(blocks.items.len() > count);
        assert_eq!(blocks.joined(), before);
    }

    #[test]
    fn boundaries_never_split_a_character() {
        assert_eq!(boundary_at_or_after("ação", 2), 3);
        assert_eq!(boundary_at_or_after("ação", 99), 6);
    }
}
