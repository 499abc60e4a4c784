-- A schedule's population policy (PopulationPolicy): SAME_EACH_FIRE generates the template's
-- population at every fire, as schedules did before; NEW_EACH_FIRE derives a seed, end date and
-- output folder from each fire's time.
ALTER TABLE schedules ADD COLUMN population_policy VARCHAR(16) DEFAULT 'SAME_EACH_FIRE' NOT NULL;
ALTER TABLE schedules ADD CONSTRAINT schedules_population_check
    CHECK (population_policy IN ('SAME_EACH_FIRE', 'NEW_EACH_FIRE'));
