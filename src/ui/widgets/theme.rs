//! The look: a calm, dense palette for light and dark, stance colours, fonts and the small
//! widgets every view shares (chips, section headings, muted text).

use egui::{
    Color32, CornerRadius, FontFamily, FontId, Margin, Response, RichText, Sense, Stroke, TextStyle, Theme, Ui, Vec2,
};

use crate::model::{Stance, Status};
use crate::ui::action::Action;

/// The theme the user picked (the top bar cycles through them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    /// `light`, `dark` or `system`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            "system" => Some(ThemeChoice::System),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "System theme",
            ThemeChoice::Light => "Light theme",
            ThemeChoice::Dark => "Dark theme",
        }
    }

    pub(crate) fn next(self) -> Self {
        match self {
            ThemeChoice::System => ThemeChoice::Light,
            ThemeChoice::Light => ThemeChoice::Dark,
            ThemeChoice::Dark => ThemeChoice::System,
        }
    }

    pub(crate) fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Colours that depend on light or dark mode.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub text: Color32,
    pub muted: Color32,
    pub faint: Color32,
    pub line: Color32,
    pub panel: Color32,
    pub raised: Color32,
    pub accent: Color32,
    pub chip: Color32,
    pub chip_line: Color32,
    pub highlight: Color32,
    pub bullish: Color32,
    pub bearish: Color32,
    pub neutral: Color32,
    pub warn: Color32,
    pub error: Color32,
    pub ok: Color32,
}

impl Palette {
    pub fn of(ui: &Ui) -> Self {
        if ui.visuals().dark_mode { DARK } else { LIGHT }
    }

    pub fn stance(&self, stance: Option<Stance>) -> Color32 {
        match stance {
            Some(Stance::Bullish) => self.bullish,
            Some(Stance::Bearish) => self.bearish,
            Some(Stance::Neutral) | None => self.neutral,
        }
    }

    pub fn status(&self, status: Status) -> Color32 {
        match status {
            Status::Unverified => self.muted,
            Status::Supported => self.ok,
            Status::Disputed => self.warn,
            Status::Refuted => self.error,
        }
    }
}

const DARK: Palette = Palette {
    text: Color32::from_rgb(0xD5, 0xDA, 0xE0),
    muted: Color32::from_rgb(0x8B, 0x94, 0x9E),
    faint: Color32::from_rgb(0x5D, 0x66, 0x70),
    line: Color32::from_rgb(0x30, 0x36, 0x3D),
    panel: Color32::from_rgb(0x1A, 0x1D, 0x21),
    raised: Color32::from_rgb(0x22, 0x26, 0x2B),
    accent: Color32::from_rgb(0x6F, 0xA3, 0xD8),
    chip: Color32::from_rgb(0x27, 0x2C, 0x33),
    chip_line: Color32::from_rgb(0x3A, 0x42, 0x4B),
    highlight: Color32::from_rgb(0x5A, 0x4A, 0x1E),
    bullish: Color32::from_rgb(0x4C, 0xB0, 0x7A),
    bearish: Color32::from_rgb(0xE0, 0x6C, 0x6C),
    neutral: Color32::from_rgb(0x96, 0x9F, 0xA8),
    warn: Color32::from_rgb(0xD9, 0xA4, 0x41),
    error: Color32::from_rgb(0xE0, 0x6C, 0x6C),
    ok: Color32::from_rgb(0x4C, 0xB0, 0x7A),
};

const LIGHT: Palette = Palette {
    text: Color32::from_rgb(0x1F, 0x25, 0x2B),
    muted: Color32::from_rgb(0x62, 0x6C, 0x77),
    faint: Color32::from_rgb(0x9A, 0xA2, 0xAB),
    line: Color32::from_rgb(0xDA, 0xDE, 0xE3),
    panel: Color32::from_rgb(0xF5, 0xF6, 0xF8),
    raised: Color32::from_rgb(0xFF, 0xFF, 0xFF),
    accent: Color32::from_rgb(0x2D, 0x62, 0xA3),
    chip: Color32::from_rgb(0xEB, 0xEE, 0xF2),
    chip_line: Color32::from_rgb(0xCF, 0xD5, 0xDC),
    highlight: Color32::from_rgb(0xFB, 0xE7, 0xA8),
    bullish: Color32::from_rgb(0x1E, 0x7F, 0x4B),
    bearish: Color32::from_rgb(0xB3, 0x3A, 0x3A),
    neutral: Color32::from_rgb(0x6B, 0x74, 0x80),
    warn: Color32::from_rgb(0x9A, 0x67, 0x00),
    error: Color32::from_rgb(0xB3, 0x3A, 0x3A),
    ok: Color32::from_rgb(0x1E, 0x7F, 0x4B),
};

/// Installs fonts and both styles. Symbols (▲ ▼ ● ↩ …) come from the monospace font, so it is a
/// fallback of the proportional family too.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.families.entry(FontFamily::Proportional).or_default().push("Hack".to_owned());
    ctx.set_fonts(fonts);
    for theme in [Theme::Dark, Theme::Light] {
        ctx.style_mut_of(theme, |style| tune(style, theme));
    }
}

fn tune(style: &mut egui::Style, theme: Theme) {
    let p = if theme == Theme::Dark { DARK } else { LIGHT };
    style.text_styles = [
        (TextStyle::Heading, FontId::proportional(18.0)),
        (TextStyle::Body, FontId::proportional(13.5)),
        (TextStyle::Button, FontId::proportional(13.0)),
        (TextStyle::Small, FontId::proportional(11.0)),
        (TextStyle::Monospace, FontId::monospace(12.5)),
    ]
    .into();
    let spacing = &mut style.spacing;
    spacing.item_spacing = Vec2::new(6.0, 4.0);
    spacing.button_padding = Vec2::new(6.0, 2.0);
    spacing.interact_size.y = 20.0;
    spacing.window_margin = Margin::same(10);
    spacing.menu_margin = Margin::same(4);
    spacing.indent = 14.0;
    let v = &mut style.visuals;
    v.panel_fill = p.panel;
    v.window_fill = p.raised;
    v.window_stroke = Stroke::new(1.0, p.line);
    v.extreme_bg_color = if theme == Theme::Dark { Color32::from_rgb(0x14, 0x17, 0x1A) } else { Color32::WHITE };
    v.faint_bg_color =
        if theme == Theme::Dark { Color32::from_rgb(0x1F, 0x23, 0x28) } else { Color32::from_rgb(0xEE, 0xF0, 0xF3) };
    v.code_bg_color = p.chip;
    v.hyperlink_color = p.accent;
    v.warn_fg_color = p.warn;
    v.error_fg_color = p.error;
    v.window_corner_radius = CornerRadius::same(6);
    v.menu_corner_radius = CornerRadius::same(4);
    v.selection.bg_fill =
        if theme == Theme::Dark { Color32::from_rgb(0x2A, 0x45, 0x63) } else { Color32::from_rgb(0xCC, 0xDF, 0xF5) };
    v.selection.stroke = Stroke::new(1.0, p.accent);
    v.widgets.noninteractive.bg_stroke = Stroke::new(1.0, p.line);
    v.widgets.noninteractive.fg_stroke = Stroke::new(1.0, p.text);
    for w in [&mut v.widgets.inactive, &mut v.widgets.hovered, &mut v.widgets.active, &mut v.widgets.open] {
        w.corner_radius = CornerRadius::same(3);
    }
    v.widgets.inactive.fg_stroke = Stroke::new(1.0, p.text);
    v.widgets.inactive.weak_bg_fill = p.chip;
    v.widgets.inactive.bg_fill = p.chip;
    v.widgets.inactive.bg_stroke = Stroke::new(1.0, p.chip_line);
    v.striped = true;
}

/// A heading for a section of a pane: small capitals in the muted colour.
pub fn section(ui: &mut Ui, text: &str) {
    let p = Palette::of(ui);
    ui.add_space(6.0);
    ui.label(RichText::new(text.to_uppercase()).small().strong().color(p.muted));
}

/// Text wrapped at `width`, left-aligned, as tall as it needs (for table cells).
pub fn wrapped(ui: &mut Ui, width: f32, text: impl Into<egui::WidgetText>, sense: Sense) -> Response {
    ui.allocate_ui_with_layout(Vec2::new(width, 10_000.0), egui::Layout::top_down(egui::Align::Min), |ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap().sense(sense))
    })
    .inner
}

/// Muted small text.
pub fn muted(text: impl Into<String>) -> RichText {
    RichText::new(text.into()).small()
}

/// A ticker symbol or a figure: monospace.
pub fn figure(text: impl Into<String>) -> RichText {
    RichText::new(text.into()).monospace()
}

/// How a chip is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChipStyle {
    /// Solid: linked by the user (a typed ticker, a tag).
    Solid,
    /// Outlined: found by Jevons (a `$NVDA` in the text).
    Outline,
    /// Dotted look (muted text): linked through a claim.
    Derived,
}

/// A small clickable label for a ticker, tag or stance. Returns the response of the whole chip.
pub fn chip(ui: &mut Ui, text: &str, style: ChipStyle, colour: Option<Color32>, mono: bool) -> Response {
    let p = Palette::of(ui);
    let mut rich = RichText::new(text).size(11.5);
    if mono {
        rich = rich.family(FontFamily::Monospace);
    }
    let (fill, stroke, text_colour) = match style {
        ChipStyle::Solid => (p.chip, Stroke::new(1.0, p.chip_line), colour.unwrap_or(p.text)),
        ChipStyle::Outline => {
            (Color32::TRANSPARENT, Stroke::new(1.0, colour.unwrap_or(p.accent)), colour.unwrap_or(p.accent))
        }
        ChipStyle::Derived => (Color32::TRANSPARENT, Stroke::new(1.0, p.line), colour.unwrap_or(p.muted)),
    };
    ui.add(
        egui::Button::new(rich.color(text_colour))
            .fill(fill)
            .stroke(stroke)
            .corner_radius(CornerRadius::same(3))
            .min_size(Vec2::new(0.0, 18.0))
            .sense(Sense::click()),
    )
}

/// A stance shown as a coloured word with its arrow: ▲ bullish, ▼ bearish, ● neutral.
pub fn stance_text(ui: &Ui, stance: Option<Stance>) -> RichText {
    let p = Palette::of(ui);
    let (mark, word) = match stance {
        Some(Stance::Bullish) => ("▲", "bullish"),
        Some(Stance::Bearish) => ("▼", "bearish"),
        Some(Stance::Neutral) => ("●", "neutral"),
        None => ("○", "no stance"),
    };
    RichText::new(format!("{mark} {word}")).size(11.5).color(p.stance(stance))
}

/// Human date for lists: `2025-01-27`.
pub fn date(t: &crate::model::Timestamp) -> String {
    t.date().to_string()
}

/// `1,234,567`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A coloured line across the pane with an optional button.
pub fn banner(
    ui: &mut Ui,
    colour: egui::Color32,
    text: &str,
    button: Option<(&str, Action)>,
    actions: &mut Vec<Action>,
) {
    egui::Frame::new()
        .fill(colour.gamma_multiply(0.12))
        .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.6)))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(8, 6))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(text).color(colour));
                if let Some((label, action)) = button
                    && ui.button(label).clicked()
                {
                    actions.push(action);
                }
            });
        });
    ui.add_space(4.0);
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_are_grouped() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1_000_000), "1,000,000");
    }
}
