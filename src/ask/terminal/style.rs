//! How `inquire` draws the questionnaire: the marks, and colours that read on a light and a
//! dark theme and on a projector.

use inquire::ui::{Attributes, Color, RenderConfig, StyleSheet, Styled};

/// The look of every prompt; without colour only the marks are set.
pub(crate) fn render_config(colour: bool) -> RenderConfig<'static> {
    let mut config = if colour { RenderConfig::default_colored() } else { RenderConfig::empty() };
    config.prompt_prefix = Styled::new("?");
    config.answered_prompt_prefix = Styled::new("✔");
    config.highlighted_option_prefix = Styled::new("›");
    config.unhighlighted_option_prefix = Styled::new(" ");
    config.scroll_up_prefix = Styled::new("↑");
    config.scroll_down_prefix = Styled::new("↓");
    config.selected_checkbox = Styled::new("[x]");
    config.unselected_checkbox = Styled::new("[ ]");
    // Esc goes back: the question stays on screen marked so, never as "<canceled>".
    config.canceled_prompt_indicator = Styled::new("← back");
    config.error_message.prefix = Styled::new("!");
    if colour {
        // Bright white on black is above 15:1 whatever the theme's background; the help and
        // the answers keep the theme's own text colour, which the theme made readable.
        let strong = StyleSheet::new().with_attr(Attributes::BOLD);
        config.selected_option = Some(strong.with_fg(Color::White).with_bg(Color::Black));
        config.highlighted_option_prefix = config.highlighted_option_prefix.with_style_sheet(strong);
        config.prompt = strong;
        config.help_message = StyleSheet::empty();
        config.answer = StyleSheet::empty();
        config.answered_prompt_prefix = config.answered_prompt_prefix.with_style_sheet(strong);
        config.prompt_prefix = config.prompt_prefix.with_style_sheet(strong);
        config.canceled_prompt_indicator = config.canceled_prompt_indicator.with_style_sheet(StyleSheet::empty());
    }
    config
}
