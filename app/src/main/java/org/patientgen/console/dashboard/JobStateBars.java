package org.patientgen.console.dashboard;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.patientgen.console.jobs.JobFormat;
import org.patientgen.console.theme.ConsoleStyles;
import org.patientgen.engine.api.JobState;

/** Jobs per state as labelled horizontal bars in the state colours, longest = most jobs. */
final class JobStateBars extends GridPane {
    private final Map<JobState, Region> bars = new EnumMap<>(JobState.class);
    private final Map<JobState, Label> counts = new EnumMap<>(JobState.class);
    private final Map<JobState, Long> shown = new EnumMap<>(JobState.class);

    JobStateBars() {
        getStyleClass().add("pg-job-bars");
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints bar = new ColumnConstraints();
        bar.setHgrow(Priority.ALWAYS);
        bar.setMinWidth(20);
        ColumnConstraints count = new ColumnConstraints();
        count.setMinWidth(Region.USE_PREF_SIZE);
        count.setHalignment(HPos.RIGHT);
        getColumnConstraints().addAll(name, bar, count);
        int row = 0;
        for (JobState state : JobState.values()) {
            Label label = new Label(state.name().charAt(0) + state.name().substring(1).toLowerCase());
            label.getStyleClass().add("pg-job-bar-name");
            Region fill = new Region();
            fill.getStyleClass().addAll("pg-job-bar", ConsoleStyles.stateClass(state));
            fill.setManaged(false);
            Pane track = new Pane(fill);
            track.getStyleClass().add("pg-job-bar-track");
            track.widthProperty().addListener(o -> size(state));
            track.heightProperty().addListener(o -> size(state));
            Label n = new Label("0");
            n.getStyleClass().add("pg-job-bar-count");
            n.setId("jobs-" + state.name().toLowerCase());
            bars.put(state, fill);
            counts.put(state, n);
            shown.put(state, 0L);
            addRow(row++, label, track, n);
        }
    }

    /** Shows {@code jobs}; only what changed is touched. */
    void show(Map<JobState, Long> jobs) {
        boolean changed = false;
        for (JobState state : JobState.values()) {
            long n = jobs.getOrDefault(state, 0L);
            if (shown.get(state) != n) {
                shown.put(state, n);
                counts.get(state).setText(JobFormat.count(n));
                changed = true;
            }
        }
        if (changed) {
            bars.keySet().forEach(this::size);
        }
    }

    private void size(JobState state) {
        long max = shown.values().stream().mapToLong(Long::longValue).max().orElse(0);
        Region fill = bars.get(state);
        Pane track = (Pane) fill.getParent();
        double share = max == 0 ? 0 : (double) shown.get(state) / max;
        double width = shown.get(state) > 0 ? Math.max(2, share * track.getWidth()) : 0;
        fill.resizeRelocate(0, 0, width, track.getHeight());
    }
}
