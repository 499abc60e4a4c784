package org.patientgen.console.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.connection.local.LocalEngineConnection;
import org.patientgen.console.testing.FakeConnection;
import org.patientgen.console.testing.LocalEngines;
import org.patientgen.console.testing.SameThread;
import org.patientgen.engine.api.Job;
import org.patientgen.engine.api.JobState;
import org.patientgen.engine.api.GenerationSpec;
import org.patientgen.engine.api.JobSubmission;
import org.patientgen.engine.api.RetryPolicy;

/** The submit form: validation as you type, presets, preview, and the engine's own checks. */
class SubmitJobViewModelTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;
    LocalEngineConnection engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    SubmitJobViewModel remoteForm(OptionalDouble rate) {
        return new SubmitJobViewModel(new FakeConnection("eu-1", ConnectionKind.REMOTE), SameThread.tasks(), CLOCK, rate);
    }

    @Test
    void startsFromTheFirstPresetWithALocalOutputFolder() {
        engine = LocalEngines.in(temp, 0);
        SubmitJobViewModel form = new SubmitJobViewModel(engine, SameThread.tasks(), CLOCK, OptionalDouble.empty());
        assertThat(form.presetProperty().get().name()).isEqualTo("Quick test 100");
        assertThat(form.populationProperty().get()).isEqualTo("100");
        assertThat(form.endDateProperty().get()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(form.outputProperty().get()).isEqualTo(temp.resolve("output").toAbsolutePath() + "/20260304-050607");
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void remoteFormAsksForAnOutputFolderOnTheServer() {
        SubmitJobViewModel form = remoteForm(OptionalDouble.empty());
        assertThat(form.outputProperty().get()).isEmpty();
        assertThat(form.errorProperty("output").get()).isEqualTo(
                "Give the folder, on eu-1's machine, where the job writes its files.");
        assertThat(form.validProperty().get()).isFalse();
        form.outputProperty().set("runs/one");
        assertThat(form.errorProperty("output").get()).startsWith("Give an absolute path");
        form.outputProperty().set("/data/runs/one");
        assertThat(form.errorProperty("output").get()).isEmpty();
        assertThat(form.validProperty().get()).isTrue();
    }

    @Test
    void everyFieldIsCheckedAsTheUserTypes() {
        SubmitJobViewModel form = remoteForm(OptionalDouble.empty());
        form.outputProperty().set("/data/out");

        form.populationProperty().set("12a");
        assertThat(form.errorProperty("population").get()).isEqualTo("Population must be a whole number.");
        form.populationProperty().set("0");
        assertThat(form.errorProperty("population").get()).isEqualTo("Population must be at least 1.");
        form.populationProperty().set("10,000");
        assertThat(form.errorProperty("population").get()).isEmpty();

        form.shardSizeProperty().set("2000000");
        assertThat(form.errorProperty("shardSize").get()).isEqualTo("Shard size must be between 1 and 1,000,000.");
        form.shardSizeProperty().set("1000");

        form.stateProperty().set("ZZ");
        assertThat(form.errorProperty("state").get()).contains("not a US state code");
        form.stateProperty().set("ny");
        assertThat(form.errorProperty("state").get()).isEmpty();

        form.yearsProperty().set("121");
        assertThat(form.errorProperty("years").get()).contains("between 0 and 120");
        form.yearsProperty().set("0");

        form.fhirNdjsonProperty().set(false);
        assertThat(form.errorProperty("formats").get()).isEqualTo("Choose at least one output format.");
        form.csvProperty().set(true);

        form.priorityProperty().set("5000");
        assertThat(form.errorProperty("priority").get()).contains("between -1,000 and 1,000");
        form.priorityProperty().set("-3");

        form.labelsProperty().set("team cardio");
        assertThat(form.errorProperty("labels").get()).contains("key=value");
        form.labelsProperty().set("-bad=x");
        assertThat(form.errorProperty("labels").get()).contains("Label key \"-bad\"");
        form.labelsProperty().set("team=cardio, study=q3");

        form.attemptsProperty().set("0");
        assertThat(form.errorProperty("attempts").get()).contains("between 1 and 100");
        assertThat(form.validProperty().get()).isFalse();
        form.attemptsProperty().set("5");
        assertThat(form.validProperty().get()).isTrue();

        JobSubmission s = form.submission();
        assertThat(s.spec().population()).isEqualTo(10_000);
        assertThat(s.spec().state()).isEqualTo("NY");
        assertThat(s.spec().formats()).containsExactly("csv");
        assertThat(s.spec().yearsOfHistory()).isZero();
        assertThat(s.priority()).isEqualTo(-3);
        assertThat(s.labels()).containsEntry("team", "cardio").containsEntry("study", "q3");
        assertThat(s.retry().maxAttempts()).isEqualTo(5);
        assertThat(s.owner()).isEqualTo("tester");
    }

    @Test
    void presetsFillTheForm() {
        SubmitJobViewModel form = remoteForm(OptionalDouble.empty());
        form.presetProperty().set(JobPreset.ALL.get(1));
        assertThat(form.populationProperty().get()).isEqualTo("10000");
        assertThat(form.shardSizeProperty().get()).isEqualTo("1000");
        assertThat(form.fhirNdjsonProperty().get()).isTrue();
        assertThat(form.csvProperty().get()).isTrue();
        assertThat(form.fhirBundleProperty().get()).isFalse();
    }

    @Test
    void previewSplitsIntoShardsAndEstimatesTheDuration() {
        SubmitJobViewModel measured = remoteForm(OptionalDouble.of(2_000));
        measured.populationProperty().set("10000");
        measured.shardSizeProperty().set("1000");
        assertThat(measured.previewProperty().get()).isEqualTo(
                "10 shards of up to 1,000 patients. About 5 s (at 2,000/s, the fastest recent job here).");

        SubmitJobViewModel assumed = remoteForm(OptionalDouble.empty());
        assumed.populationProperty().set("250");
        assumed.shardSizeProperty().set("100");
        assertThat(assumed.previewProperty().get()).startsWith("3 shards of up to 100 patients. About ")
                .contains("assuming ~1,000 patients/s per worker");

        assumed.populationProperty().set("");
        assertThat(assumed.previewProperty().get()).startsWith("Enter a population");
    }

    @Test
    void previewSaysWhenTheEngineRunsNoWorkers() {
        engine = LocalEngines.in(temp, 0);
        SubmitJobViewModel form = new SubmitJobViewModel(engine, SameThread.tasks(), CLOCK, OptionalDouble.empty());
        form.start();
        assertThat(form.previewProperty().get()).isEqualTo("1 shard of up to 100 patients. Local engine runs no"
                + " workers now: the job waits in the queue until workers are started.");
    }

    @Test
    void theEnginesRefusalIsShownAndNothingIsSubmitted() {
        engine = LocalEngines.in(temp, 0);
        SubmitJobViewModel form = new SubmitJobViewModel(engine, SameThread.tasks(), CLOCK, OptionalDouble.empty());
        form.stateProperty().set("Atlantis");
        assertThat(form.validProperty().get()).isTrue();
        List<Job> submitted = new ArrayList<>();
        form.submit(submitted::add);
        assertThat(submitted).isEmpty();
        assertThat(form.submitErrorProperty().get()).containsIgnoringCase("Atlantis");
        assertThat(form.submittingProperty().get()).isFalse();

        form.stateProperty().set("MA");
        form.submit(submitted::add);
        assertThat(submitted).singleElement().extracting(Job::state).isEqualTo(JobState.QUEUED);
        assertThat(form.submitErrorProperty().get()).isEmpty();
    }

    @Test
    void aTemplateLoadsIntoTheFormAndComesBackUnchanged() {
        SubmitJobViewModel form = remoteForm(OptionalDouble.empty());
        JobSubmission template = new JobSubmission(new GenerationSpec(2_500, 7, "TX", LocalDate.of(2025, 12, 31), 5,
                List.of("fhir-bundle", "csv"), "/opt/modules", "/data/nightly", 500), 3, "tester",
                java.util.Map.of("team", "cardio", "tier", "gold"),
                new RetryPolicy(4, java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(2)));
        form.load(template);
        assertThat(form.presetProperty().get()).isNull();
        assertThat(form.populationProperty().get()).isEqualTo("2500");
        assertThat(form.labelsProperty().get()).isEqualTo("team=cardio, tier=gold");
        assertThat(form.validProperty().get()).isTrue();
        // The modules and backoffs have no field: they are kept, not reset.
        assertThat(form.submission()).isEqualTo(template);
        form.attemptsProperty().set("2");
        assertThat(form.submission().retry().initialBackoff()).isEqualTo(java.time.Duration.ofSeconds(1));
    }

    @Test
    void labelsParseAsKeyValuePairs() {
        assertThat(SubmitJobViewModel.parseLabels(" a=1, b = two ,, ")).containsEntry("a", "1").containsEntry("b", "two");
        assertThat(SubmitJobViewModel.parseLabels("")).isEmpty();
        assertThatThrownBy(() -> SubmitJobViewModel.parseLabels("a")).hasMessageContaining("has no =");
    }
}
