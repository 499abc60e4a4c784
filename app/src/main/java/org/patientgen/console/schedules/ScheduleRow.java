package org.patientgen.console.schedules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.Schedule;
import org.patientgen.engine.api.ScheduleDefinition;
import org.patientgen.engine.api.ScheduleFire;

/**
 * A schedule as the list shows it, updated in place when it is read again (so the selection stays).
 * UI thread only.
 */
public final class ScheduleRow {
    private final long id;
    private Schedule schedule;
    private List<ScheduleFire> lastFires;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper expression = new ReadOnlyStringWrapper(this, "expression");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description");
    private final ReadOnlyStringWrapper zone = new ReadOnlyStringWrapper(this, "zone");
    private final ReadOnlyStringWrapper nextFire = new ReadOnlyStringWrapper(this, "nextFire");
    private final ReadOnlyBooleanWrapper enabled = new ReadOnlyBooleanWrapper(this, "enabled");
    private final ReadOnlyStringWrapper misfire = new ReadOnlyStringWrapper(this, "misfire");
    private final ReadOnlyStringWrapper lastFiresText = new ReadOnlyStringWrapper(this, "lastFires");

    ScheduleRow(Schedule schedule, List<ScheduleFire> lastFires, Instant now) {
        this.id = schedule.id();
        update(schedule, lastFires, now);
    }

    void update(Schedule s, List<ScheduleFire> fires, Instant now) {
        this.schedule = s;
        this.lastFires = List.copyOf(fires);
        ScheduleDefinition d = s.definition();
        name.set(d.name());
        expression.set(d.cronExpression() + (d.syntax() == CronSyntax.QUARTZ ? "  (Quartz)" : ""));
        description.set(s.description());
        zone.set(d.timeZone().getId());
        enabled.set(d.enabled());
        misfire.set(ScheduleFormat.misfire(d.misfirePolicy()));
        retime(now);
    }

    /** Re-writes the times relative to {@code now}. */
    void retime(Instant now) {
        ZoneId z = schedule.definition().timeZone();
        if (!schedule.definition().enabled()) {
            nextFire.set("disabled");
        } else if (schedule.nextFireAt() == null) {
            nextFire.set("never again");
        } else {
            nextFire.set(ScheduleFormat.shortTime(schedule.nextFireAt(), z) + " ("
                    + ScheduleFormat.relative(schedule.nextFireAt(), now) + ")");
        }
        lastFiresText.set(lastFires.isEmpty() ? "none yet" : lastFires.stream()
                .map(f -> ScheduleFormat.shortTime(f.slot(), z) + (f.jobId() == null ? "" : " #" + f.jobId()))
                .collect(Collectors.joining(", ")));
    }

    public long id() {
        return id;
    }

    /** The schedule as last read. */
    public Schedule schedule() {
        return schedule;
    }

    /** When it next fires, or null. */
    Instant nextFireAt() {
        return schedule.definition().enabled() ? schedule.nextFireAt() : null;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The expression (marked when Quartz). */
    public ReadOnlyStringProperty expressionProperty() {
        return expression.getReadOnlyProperty();
    }

    /** The expression in words. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty zoneProperty() {
        return zone.getReadOnlyProperty();
    }

    /** {@code 5 Jan 06:00 (in 3 h)}, {@code disabled} or {@code never again}. */
    public ReadOnlyStringProperty nextFireProperty() {
        return nextFire.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enabledProperty() {
        return enabled.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty misfireProperty() {
        return misfire.getReadOnlyProperty();
    }

    /** The latest fired slots with their jobs, newest first, or "none yet". */
    public ReadOnlyStringProperty lastFiresProperty() {
        return lastFiresText.getReadOnlyProperty();
    }

    @Override
    public String toString() {
        return name.get();
    }
}
