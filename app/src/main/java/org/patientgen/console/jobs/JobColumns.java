package org.patientgen.console.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.JobState;

/** Cell values and cells of the jobs table: state badges, progress bars, formatted times. */
final class JobColumns {
    private JobColumns() {
    }

    /** Binds a column to a row property. */
    static <T> void value(TableColumn<JobRow, T> column, Function<JobRow, ObservableValue<T>> property) {
        column.setCellValueFactory(c -> property.apply(c.getValue()));
    }

    /** Writes a column's values with {@code format}; {@code null} shows as {@link JobFormat#NONE}. */
    static <T> void text(TableColumn<JobRow, T> column, Function<T, String> format, String styleClass) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? JobFormat.NONE : format.apply(item));
                if (styleClass != null && !getStyleClass().contains(styleClass)) {
                    getStyleClass().add(styleClass);
                }
            }
        });
    }

    /** Instants as the time of day (today) or date and time. */
    static void time(TableColumn<JobRow, Instant> column, Clock clock) {
        text(column, at -> JobFormat.instant(at, clock.getZone(), LocalDate.now(clock)), "pg-number");
    }

    static void duration(TableColumn<JobRow, Duration> column) {
        text(column, JobFormat::duration, "pg-number");
    }

    /** The state as a coloured badge. */
    static void state(TableColumn<JobRow, JobState> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Label badge = new Label();

            {
                badge.getStyleClass().add(ConsoleStyles.BADGE);
            }

            @Override
            protected void updateItem(JobState item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                badge.getStyleClass().removeIf(s -> s.startsWith("pg-state-"));
                badge.getStyleClass().add(ConsoleStyles.stateClass(item));
                badge.setText(item.name().toLowerCase());
                setGraphic(badge);
            }
        });
    }

    /** A progress bar with {@code done / total} over it. */
    static void progress(TableColumn<JobRow, JobRow> column) {
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        column.setComparator((a, b) -> Double.compare(a.fractionProperty().get(), b.fractionProperty().get()));
        column.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label text = new Label();
            private final StackPane pane = new StackPane(bar, text);
            private final Tooltip tip = new Tooltip();
            private final javafx.beans.value.ChangeListener<JobState> restyle = (obs, old, now) -> styleBar(now);
            private JobRow shown;

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                bar.getStyleClass().add("pg-job-progress");
                text.getStyleClass().add("pg-progress-text");
                pane.getStyleClass().add("pg-progress-cell");
            }

            @Override
            protected void updateItem(JobRow row, boolean empty) {
                super.updateItem(row, empty);
                bar.progressProperty().unbind();
                text.textProperty().unbind();
                if (shown != null) {
                    shown.stateProperty().removeListener(restyle);
                    shown = null;
                }
                if (empty || row == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                bar.progressProperty().bind(row.fractionProperty());
                text.textProperty().bind(row.progressTextProperty());
                shown = row;
                row.stateProperty().addListener(restyle);
                styleBar(row.state());
                tip.setText(row.progressTextProperty().get() + " patients");
                setTooltip(tip);
                setGraphic(pane);
            }

            private void styleBar(JobState state) {
                bar.getStyleClass().removeIf(s -> s.startsWith("pg-state-"));
                bar.getStyleClass().add(ConsoleStyles.stateClass(state));
            }
        });
    }
}
