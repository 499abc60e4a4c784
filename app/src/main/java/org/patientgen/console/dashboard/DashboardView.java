package org.patientgen.console.dashboard;

import atlantafx.base.theme.Styles;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.Tile.SkinType;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.patientgen.console.dashboard.DashboardFrame.Level;
import org.patientgen.console.dashboard.DashboardFrame.TileReading;
import org.patientgen.console.screen.Controls;
import org.patientgen.console.screen.Fxml;
import org.patientgen.console.screen.ScreenContext;
import org.patientgen.console.screen.ScreenView;

/**
 * The dashboard's view: TilesFX tiles in a grid, each holding its headline figure, a
 * {@link TimeSeriesChart} and a detail line, bound to the {@link DashboardViewModel}. On every frame
 * it sets texts (unchanged texts cost nothing) and redraws the charts; all computing happened when
 * the frame was built.
 *
 * <p>Why custom tiles: TilesFX's own chart skins keep a list of every value given to them and
 * animate and re-lay-out on each one, which does not fit a window of 86,400 points redrawn once a
 * second. The tiles here use TilesFX for the tile itself (frame, title, sizing) with canvas charts
 * drawn from decimated frames inside.
 */
public final class DashboardView implements ScreenView {
    private static final int COLUMNS = 5;
    private static final List<String> LEVELS = List.of("pg-level-warning", "pg-level-danger");

    private final DashboardViewModel viewModel;
    private final StackPane loaded;
    private final Map<DashboardTile, TileParts> parts = new EnumMap<>(DashboardTile.class);
    private final List<Tile> tiles = new ArrayList<>();
    private final JobStateBars jobBars = new JobStateBars();

    @FXML
    private StackPane root;
    @FXML
    private Label scopeLabel;
    @FXML
    private ToggleButton allServersButton;
    @FXML
    private HBox windowButtons;
    @FXML
    private Label hint;
    @FXML
    private Label notice;
    @FXML
    private GridPane grid;
    @FXML
    private Label emptyState;

    public DashboardView(ScreenContext context) {
        this.viewModel = new DashboardViewModel(context.connections().all(), context.connections().activeProperty(),
                context.tasks(), context.ticker(), context.freshness(), context.clock());
        this.loaded = Fxml.load("/fxml/dashboard/Dashboard.fxml", this);
    }

    public DashboardViewModel viewModel() {
        return viewModel;
    }

    @Override
    public Parent root() {
        return loaded;
    }

    @FXML
    private void initialize() {
        allServersButton.setId("all-servers");
        allServersButton.setGraphic(new FontIcon(MaterialDesignS.SERVER_NETWORK));
        allServersButton.selectedProperty().bindBidirectional(viewModel.allServersProperty());
        allServersButton.setTooltip(new Tooltip("Combine every connection: rates and counts add up; waits, latencies"
                + " and CPU show the worst server"));
        buildWindowSelector();
        Controls.banner(hint, viewModel.hintProperty());
        notice.setId("dashboard-notice");
        Controls.showWhen(notice, notice.textProperty().isNotEmpty());
        emptyState.setId("dashboard-empty");
        Controls.showWhen(emptyState, emptyState.textProperty().isNotEmpty());
        buildGrid();
        ChartPalette.onChange(root, this::applyPalette);
        viewModel.frameProperty().addListener((obs, old, now) -> show(now));
        emptyState.setText("Reading figures…");
    }

    private void buildWindowSelector() {
        ToggleGroup group = new ToggleGroup();
        List<TimeWindow> windows = viewModel.windows();
        for (int i = 0; i < windows.size(); i++) {
            TimeWindow w = windows.get(i);
            ToggleButton button = new ToggleButton(w.label());
            button.setId("window-" + w.name().toLowerCase().replace('_', '-'));
            button.setToggleGroup(group);
            button.setMinWidth(Region.USE_PREF_SIZE);
            button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == windows.size() - 1 ? Styles.RIGHT_PILL
                    : Styles.CENTER_PILL);
            button.setSelected(viewModel.windowProperty().get() == w);
            button.setOnAction(e -> viewModel.windowProperty().set(w));
            windowButtons.getChildren().add(button);
        }
        // A pill stays pressed: clicking the selected one again must not leave none selected.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        viewModel.windowProperty().addListener((obs, old, now) -> windowButtons.getChildren().forEach(n ->
                ((ToggleButton) n).setSelected(((ToggleButton) n).getText().equals(now.label()))));
    }

    private void buildGrid() {
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / COLUMNS);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        int rows = (DashboardTile.values().length + COLUMNS - 1) / COLUMNS;
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        int i = 0;
        for (DashboardTile t : DashboardTile.values()) {
            TileParts p = new TileParts(t);
            parts.put(t, p);
            Node body = t == DashboardTile.JOBS ? jobBars : p.chart;
            HBox headline = new HBox(p.value, p.unit);
            headline.setAlignment(Pos.BASELINE_LEFT);
            VBox content = new VBox(p.title, headline, body, p.detail);
            content.getStyleClass().add("pg-tile-content");
            VBox.setVgrow(body, Priority.ALWAYS);
            // The title is a label of ours: TilesFX scales its own title with the tile, which at the
            // console's smallest window makes it unreadable.
            Tile tile = TileBuilder.create()
                    .skinType(SkinType.CUSTOM)
                    .textVisible(false)
                    .graphic(content)
                    .animated(false)
                    .roundedCorners(true)
                    .prefSize(220, 220)
                    .build();
            tile.setId(t.id());
            tile.setMinSize(120, 120);
            tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            tile.getStyleClass().add("pg-tile");
            tiles.add(tile);
            // The charts sit in equal columns, so any one's width is every one's.
            p.chart.onWidth(viewModel::setColumns);
            grid.add(tile, i % COLUMNS, i / COLUMNS);
            i++;
        }
    }

    private void applyPalette(ChartPalette palette) {
        for (Tile tile : tiles) {
            tile.setBackgroundColor(palette.surface());
            tile.setBorderColor(palette.border());
            tile.setBorderWidth(1);
                        tile.setForegroundColor(palette.text());
        }
        parts.values().forEach(p -> p.chart.setPalette(palette));
    }

    private void show(DashboardFrame frame) {
        if (frame == null) {
            return;
        }
        scopeLabel.setText(frame.scope());
        notice.setText(frame.notice());
        emptyState.setText(frame.emptyState());
        grid.setVisible(!frame.isEmpty());
        for (Map.Entry<DashboardTile, TileReading> e : frame.tiles().entrySet()) {
            TileParts p = parts.get(e.getKey());
            TileReading r = e.getValue();
            p.value.setText(r.value());
            p.unit.setText(r.unit());
            p.detail.setText(r.detail());
            p.setLevel(r.level());
            if (r.chart() != null) {
                p.chart.show(r.chart());
            }
        }
        jobBars.show(frame.jobs());
    }

    @Override
    public void attach() {
        viewModel.attach();
    }

    @Override
    public void detach() {
        viewModel.detach();
    }

    /** A tile's own nodes. */
    private static final class TileParts {
        final Label title;
        final Label value = new Label("—");
        final Label unit = new Label();
        final Label detail = new Label();
        final TimeSeriesChart chart = new TimeSeriesChart();
        private Level level = Level.NORMAL;

        TileParts(DashboardTile tile) {
            title = new Label(tile.title());
            title.getStyleClass().add("pg-tile-title");
            title.setMinWidth(0);
            unit.getStyleClass().add("pg-tile-unit");
            unit.setId(tile.id() + "-unit");
            unit.setMinWidth(0);
            value.getStyleClass().add("pg-tile-value");
            value.setId(tile.id() + "-value");
            value.setMinHeight(Region.USE_PREF_SIZE);
            value.setMinWidth(Region.USE_PREF_SIZE);
            detail.getStyleClass().add("pg-tile-detail");
            detail.setId(tile.id() + "-detail");
            detail.setWrapText(true);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            chart.setId(tile.id() + "-chart");
            Controls.showWhen(detail, detail.textProperty().isNotEmpty());
        }

        void setLevel(Level next) {
            if (next == level) {
                return;
            }
            level = next;
            value.getStyleClass().removeAll(LEVELS);
            if (next == Level.WARNING) {
                value.getStyleClass().add(LEVELS.get(0));
            } else if (next == Level.DANGER) {
                value.getStyleClass().add(LEVELS.get(1));
            }
        }
    }
}
