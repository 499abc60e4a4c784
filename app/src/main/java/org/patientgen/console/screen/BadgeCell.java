package org.patientgen.console.screen;

import java.util.Locale;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.patientgen.console.theme.ConsoleStyles;

/**
 * A table cell showing its value as a small coloured badge ({@code pg-badge} plus one style class
 * chosen by the value, e.g. {@code pg-state-running}); empty for no value.
 *
 * @param <S> the row type
 * @param <T> the value type
 */
public final class BadgeCell<S, T> extends TableCell<S, T> {
    private final Label badge = new Label();
    private final Function<T, String> text;
    private final Function<T, String> styleClass;
    private String shownClass;

    /**
     * @param text       the badge's text for a value
     * @param styleClass the style class that colours the badge for a value
     */
    public BadgeCell(Function<T, String> text, Function<T, String> styleClass) {
        this.text = text;
        this.styleClass = styleClass;
        badge.getStyleClass().add(ConsoleStyles.BADGE);
    }

    /** A badge for a job (or workflow) state: its name in lower case, in the state's colour. */
    public static <S, T extends Enum<T>> BadgeCell<S, T> state() {
        return new BadgeCell<>(s -> s.name().toLowerCase(Locale.ROOT), ConsoleStyles::stateClass);
    }

    @Override
    protected void updateItem(T value, boolean empty) {
        super.updateItem(value, empty);
        if (empty || value == null) {
            setGraphic(null);
            return;
        }
        if (shownClass != null) {
            badge.getStyleClass().remove(shownClass);
        }
        shownClass = styleClass.apply(value);
        badge.getStyleClass().add(shownClass);
        badge.setText(text.apply(value));
        setGraphic(badge);
    }
}
