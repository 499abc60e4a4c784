package org.patientgen.console.pool;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.TransactionIsolation;

/**
 * Builds the pool form from {@link PoolField}: per section a grid of rows — label with HikariCP's
 * name, the control, how a time was read, what the running pool has when it differs, a live/restart
 * badge — each followed by its problem and its help; the recommended size sits under the size
 * fields. ControlsFX decorates fields with a problem. View-side only: every value is bound to the
 * {@link PoolViewModel}'s form.
 */
final class PoolFormView {
    static final String CHANGED = "pg-pool-changed";
    static final String EFFECT = "pg-pool-effect";

    private final PoolViewModel viewModel;
    private final ValidationSupport validation = new ValidationSupport();

    private PoolFormView(PoolViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Fills {@code box} with the form's sections. */
    static void build(VBox box, PoolViewModel viewModel) {
        new PoolFormView(viewModel).fill(box);
    }

    private void fill(VBox box) {
        for (PoolField.Section section : PoolField.Section.values()) {
            Label title = new Label(section.title());
            title.getStyleClass().add("pg-section-title");
            GridPane grid = grid();
            int row = 0;
            for (PoolField f : PoolField.values()) {
                if (f.section() == section) {
                    row = addField(grid, row, viewModel.form().field(f));
                }
            }
            box.getChildren().addAll(title, grid);
            if (section == PoolField.Section.SIZE) {
                box.getChildren().add(recommendation());
            }
        }
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("pg-pool-grid");
        ColumnConstraints label = new ColumnConstraints();
        label.setMinWidth(150);
        label.setPrefWidth(215);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        value.setMinWidth(200);
        ColumnConstraints badge = new ColumnConstraints();
        badge.setMinWidth(Control.USE_PREF_SIZE);
        badge.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(label, value, badge);
        return grid;
    }

    private int addField(GridPane grid, int row, PoolFieldState state) {
        PoolField f = state.field();
        Label name = new Label(f.label());
        Label hikari = new Label(f.hikariName());
        hikari.getStyleClass().addAll(ConsoleStyles.MONO, "pg-pool-hikari-name");
        name.setWrapText(true);
        VBox labels = new VBox(name, hikari);
        labels.getStyleClass().add("pg-pool-label");

        Control control = control(state);
        control.setId(f.id());
        Label reading = new Label();
        reading.getStyleClass().add(ConsoleStyles.MUTED);
        reading.textProperty().bind(state.readingProperty());
        Controls.showWhen(reading, state.readingProperty().isNotEmpty());
        Label was = new Label();
        was.getStyleClass().add("pg-pool-was");
        was.textProperty().bind(Bindings.concat("running: ", state.runningProperty()));
        Controls.showWhen(was, state.changedProperty());
        HBox value = new HBox(control, reading, was);
        value.getStyleClass().add("pg-pool-value");

        Label effect = new Label(f.live() ? "live" : "restart");
        effect.getStyleClass().addAll(ConsoleStyles.BADGE, EFFECT, f.live() ? "pg-pool-live" : "pg-pool-restart");
        effect.setTooltip(new javafx.scene.control.Tooltip(f.live()
                ? "The running pool takes a new value at once"
                : "A new value takes effect when the pool restarts"));

        Label error = new Label();
        error.setId(f.id() + "-error");
        error.getStyleClass().addAll("pg-pool-error");
        error.setWrapText(true);
        error.textProperty().bind(state.errorProperty());
        Controls.showWhen(error, state.errorProperty().isNotEmpty());
        Label help = new Label();
        help.getStyleClass().addAll(ConsoleStyles.MUTED, "pg-pool-help");
        help.setWrapText(true);
        help.textProperty().bind(Bindings.createStringBinding(() -> viewModel.statusProperty().get() == null
                ? f.help() : f.help(viewModel.statusProperty().get().limits()), viewModel.statusProperty()));
        VBox notes = new VBox(error, help);
        notes.getStyleClass().add("pg-pool-notes");

        state.changedProperty().addListener((obs, old, now) -> mark(labels, now));
        mark(labels, state.changedProperty().get());
        decorate(control, state);

        grid.add(labels, 0, row);
        grid.add(value, 1, row);
        grid.add(effect, 2, row);
        grid.add(notes, 1, row + 1, 2, 1);
        return row + 2;
    }

    private static Control control(PoolFieldState state) {
        return switch (state.field().kind()) {
            case FLAG -> {
                CheckBox box = new CheckBox(state.field() == PoolField.READ_ONLY ? "read-only" : "on");
                box.selectedProperty().bindBidirectional(state.flagProperty());
                yield box;
            }
            case ISOLATION -> {
                ComboBox<TransactionIsolation> box = new ComboBox<>();
                box.getItems().setAll(TransactionIsolation.values());
                box.valueProperty().bindBidirectional(state.isolationProperty());
                box.setPrefWidth(220);
                yield box;
            }
            default -> {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(state.textProperty());
                text.setPrefColumnCount(state.field().kind() == PoolField.Kind.TEXT ? 18 : 9);
                HBox.setHgrow(text, state.field().kind() == PoolField.Kind.TEXT ? Priority.ALWAYS : Priority.NEVER);
                yield text;
            }
        };
    }

    private static void mark(Node labels, boolean changed) {
        labels.getStyleClass().remove(CHANGED);
        if (changed) {
            labels.getStyleClass().add(CHANGED);
        }
    }

    /** A ControlsFX decoration on the control while its field has a problem. */
    private void decorate(Control control, PoolFieldState state) {
        validation.registerValidator(control, false, (Control c, Object value) -> {
            String message = state.errorProperty().get();
            return ValidationResult.fromMessageIf(c, message, Severity.ERROR, !message.isEmpty());
        });
        state.errorProperty().addListener(o -> validation.revalidate(control));
    }

    private Node recommendation() {
        VBox lines = new VBox();
        lines.getStyleClass().add("pg-pool-reasoning");
        viewModel.sizingProperty().addListener((obs, old, now) -> showReasoning(lines, now));
        showReasoning(lines, viewModel.sizingProperty().get());

        Spinner<Integer> disks = spinner(0, 64, viewModel.spindlesProperty().get());
        disks.setId("pool-spindles");
        disks.valueProperty().addListener((obs, old, now) -> viewModel.spindlesProperty().set(now));
        Spinner<Integer> nodes = spinner(1, 64, viewModel.nodesProperty().get());
        nodes.setId("pool-nodes");
        nodes.valueProperty().addListener((obs, old, now) -> viewModel.nodesProperty().set(now));
        Button use = new Button("Use recommended");
        Controls.action(use, "pool-use-recommended", MaterialDesignA.AUTO_FIX,
                viewModel.sizingProperty().isNull());
        use.setOnAction(e -> viewModel.useRecommended());
        GridPane inputs = new GridPane();
        inputs.getStyleClass().add("pg-pool-inputs");
        inputs.addRow(0, new Label("Disks the data set waits on"), disks);
        inputs.addRow(1, new Label("Engine nodes sharing the database"), nodes);

        Label title = new Label("Recommended size");
        title.getStyleClass().add("pg-pool-card-title");
        HBox head = new HBox(title, use);
        head.getStyleClass().add("pg-pool-card-head");
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        VBox card = new VBox(head, lines, inputs);
        card.getStyleClass().addAll("pg-pool-card", "pg-pool-recommend");
        return card;
    }

    private static Spinner<Integer> spinner(int min, int max, int initial) {
        Spinner<Integer> spinner = new Spinner<>(min, max, initial);
        spinner.setEditable(true);
        spinner.setPrefWidth(80);
        return spinner;
    }

    private static void showReasoning(VBox lines, PoolSizing sizing) {
        List<String> text = sizing == null ? List.of("Reading the engine's cores and the database's limits…")
                : sizing.reasoning();
        lines.getChildren().setAll(text.stream().map(t -> {
            Label l = new Label(t);
            l.setWrapText(true);
            return l;
        }).toList());
        if (sizing != null) {
            lines.getChildren().get(lines.getChildren().size() - 1).getStyleClass().add("pg-pool-recommended");
        }
    }
}
