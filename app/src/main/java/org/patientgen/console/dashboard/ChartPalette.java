package org.patientgen.console.dashboard;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours the dashboard draws with in code (canvas charts, TilesFX tiles), read from the
 * semantic colours of {@code styles/console.css} so that the theme alone decides them: hidden
 * probe labels, styled with {@code -pg-*} colours, are resolved by the CSS engine, and
 * {@link #onChange} fires after every restyle (a theme switch).
 *
 * @param surface tile background
 * @param border  tile border
 * @param text    primary text
 * @param muted   secondary text, grid lines, limits
 * @param accent  a tile's main series
 * @param warning alerts (waiting threads, errors)
 * @param danger  failures (timeouts)
 */
record ChartPalette(Color surface, Color border, Color text, Color muted, Color accent, Color warning, Color danger) {
    private static final List<String> LOOKUPS = List.of("-pg-surface-subtle", "-pg-border", "-pg-fg", "-pg-fg-muted",
            "-pg-accent", "-pg-warning", "-pg-danger");

    /** Until CSS has run: Primer light's values. */
    static final ChartPalette FALLBACK = new ChartPalette(Color.web("#f6f8fa"), Color.web("#d0d7de"),
            Color.web("#24292f"), Color.web("#57606a"), Color.web("#0969da"), Color.web("#9a6700"),
            Color.web("#cf222e"));

    /** The series colour of {@code role}. */
    Color of(DashboardTile.SeriesRole role) {
        return switch (role) {
            case PRIMARY -> accent;
            case ALERT -> warning;
            case LIMIT -> muted;
        };
    }

    /**
     * Adds hidden probes to {@code host} and calls {@code listener} with the palette now and after
     * every restyle.
     */
    static void onChange(Pane host, java.util.function.Consumer<ChartPalette> listener) {
        Label[] probes = new Label[LOOKUPS.size()];
        Runnable publish = () -> listener.accept(new ChartPalette(color(probes[0]), color(probes[1]), color(probes[2]),
                color(probes[3]), color(probes[4]), color(probes[5]), color(probes[6])));
        for (int i = 0; i < probes.length; i++) {
            Label probe = new Label();
            probe.setManaged(false);
            probe.setVisible(false);
            probe.setStyle("-fx-text-fill: " + LOOKUPS.get(i) + ";");
            probe.textFillProperty().addListener((obs, old, now) -> publish.run());
            probes[i] = probe;
        }
        host.getChildren().addAll(probes);
        publish.run();
    }

    private static Color color(Label probe) {
        Paint fill = probe.getTextFill();
        return fill instanceof Color c ? c : Color.GRAY;
    }
}
