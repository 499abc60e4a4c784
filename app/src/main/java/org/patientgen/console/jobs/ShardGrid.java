package org.patientgen.console.jobs;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.patientgen.engine.api.Shard;
import org.patientgen.engine.api.ShardState;

/**
 * A job's shards as a grid of small squares coloured by state (style classes {@code pg-shard} and
 * {@code pg-shard-<state>}), reporting the shard under the pointer. Beyond {@link #MAX_CELLS}
 * shards, each square stands for a run of neighbouring shards and shows the most telling state in
 * it (failed, then leased, pending, cancelled, succeeded), so the grid stays cheap for any job.
 */
final class ShardGrid extends FlowPane {
    static final int MAX_CELLS = 2_000;
    private Consumer<List<Shard>> onHover = s -> { };

    ShardGrid() {
        getStyleClass().add("pg-shard-grid");
        setOnMouseExited(e -> onHover.accept(List.of()));
    }

    /** Called with the shards under the pointer (one, a run, or none). */
    void setOnHover(Consumer<List<Shard>> handler) {
        this.onHover = handler;
    }

    void show(List<Shard> shards) {
        int per = Math.max(1, (shards.size() + MAX_CELLS - 1) / MAX_CELLS);
        int cells = (shards.size() + per - 1) / per;
        while (getChildren().size() > cells) {
            getChildren().remove(getChildren().size() - 1);
        }
        while (getChildren().size() < cells) {
            Region cell = new Region();
            cell.getStyleClass().add("pg-shard");
            getChildren().add(cell);
        }
        for (int i = 0; i < cells; i++) {
            List<Shard> run = shards.subList(i * per, Math.min(shards.size(), (i + 1) * per));
            Region cell = (Region) getChildren().get(i);
            String style = "pg-shard-" + telling(run).name().toLowerCase();
            // Restyle only cells whose state changed: a style change costs a CSS pass on the cell.
            if (!style.equals(cell.getProperties().get(ShardGrid.class))) {
                cell.getStyleClass().removeIf(c -> c.startsWith("pg-shard-"));
                cell.getStyleClass().add(style);
                cell.getProperties().put(ShardGrid.class, style);
            }
            cell.setOnMouseEntered(e -> onHover.accept(run));
        }
    }

    private static ShardState telling(List<Shard> run) {
        ShardState best = ShardState.SUCCEEDED;
        for (Shard s : run) {
            if (rank(s.state()) > rank(best)) {
                best = s.state();
            }
        }
        return best;
    }

    private static int rank(ShardState state) {
        return switch (state) {
            case FAILED -> 4;
            case LEASED -> 3;
            case PENDING -> 2;
            case CANCELLED -> 1;
            case SUCCEEDED -> 0;
        };
    }
}
