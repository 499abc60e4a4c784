package org.patientgen.console.pool;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.patientgen.console.jobs.JobFormat;
import org.patientgen.console.theme.ConsoleStyles;

/**
 * A revision history table — pool settings or runtime configuration: revision, when, who, why
 * (with the revision a rollback restored) and what changed, long texts in full on hover. View-side only.
 */
final class RevisionTable {
    private RevisionTable() {
    }

    /** Gives {@code table} its columns, rows and empty text. */
    static <T> void show(TableView<RevisionRow<T>> table, ObservableList<RevisionRow<T>> rows, Clock clock,
                         String empty) {
        table.getColumns().setAll(java.util.List.of(
                column("Revision", 80, r -> Long.toString(r.number())),
                column("Applied", 130, r -> JobFormat.instant(r.appliedAt(), clock.getZone(), LocalDate.now(clock))),
                column("By", 110, RevisionRow::appliedBy),
                column("Why", 230, RevisionRow::why),
                column("Changes", 380, RevisionRow::changes)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(rows);
        Label placeholder = new Label(empty);
        placeholder.getStyleClass().add(ConsoleStyles.EMPTY_STATE);
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
    }

    private static <T> TableColumn<RevisionRow<T>, String> column(String title, double width,
                                                                  Function<RevisionRow<T>, String> text) {
        TableColumn<RevisionRow<T>, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        c.setCellFactory(x -> new FullTextCell<>());
        return c;
    }

    /** A text cell whose tooltip holds the whole text, for columns too narrow for it. */
    private static final class FullTextCell<T> extends TableCell<RevisionRow<T>, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null ? null : new Tooltip(item));
        }
    }
}
