package org.patientgen.engine.schedules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.patientgen.engine.api.CronSyntax;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.api.ScheduleDefinition;

/** Schedules and job templates for tests. */
final class Templates {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Templates() {
    }

    static JobSubmission job() {
        GenerationSpec spec = new GenerationSpec(1_000, 7, "MA", LocalDate.of(2025, 12, 31), 5,
                List.of("fhir-ndjson"), "", "/data/nightly", 250);
        return new JobSubmission(spec, 2, "etl-bot", Map.of("team", "cardio"));
    }

    static ScheduleDefinition unix(String name, String expression, ZoneId zone, MisfirePolicy policy) {
        return new ScheduleDefinition(name, expression, CronSyntax.UNIX, zone, policy, job(), true);
    }

    static ScheduleDefinition hourly(String name, MisfirePolicy policy) {
        return unix(name, "0 * * * *", UTC, policy);
    }
}
