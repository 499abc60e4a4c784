package org.patientgen.engine.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.patientgen.engine.api.MisfirePolicy;
import org.patientgen.engine.jobs.JobQueuePolicy;
import org.patientgen.engine.jobs.JobStore;
import org.patientgen.engine.schedules.ScheduleFiring.Outcome;
import org.patientgen.engine.testing.MutableClock;
import org.patientgen.engine.testing.StoreFixture;
import org.patientgen.engine.testing.TestDatabases.Backend;

/**
 * Race loop: two firers ("nodes") on one database tick at the same moment, slot after slot, some
 * rounds with the same clock (both see the same slot: the fire row's key decides), some after an
 * outage with one clock 20 s behind (they pick different slots: the guard on the schedule's next
 * slot decides). Each slot of each schedule is handled exactly once, and every submitted job has
 * its fire row.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ScheduleFirerRaceTest {
    static final int SCHEDULES = 4;
    static final int ROUNDS = 16;

    @Parameter
    Backend backend;

    StoreFixture db;
    ExecutorService nodes;

    @BeforeEach
    void open() throws Exception {
        db = StoreFixture.open(backend);
        nodes = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() throws InterruptedException {
        nodes.shutdownNow();
        assertThat(nodes.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        db.close();
    }

    @RepeatedTest(2)
    void twoNodesFireEachSlotOnce() throws Exception {
        Instant start = db.clock.instant();
        MutableClock clockA = new MutableClock(start);
        MutableClock clockB = new MutableClock(db.clock.instant());
        JobStore jobsA = new JobStore(db.pool.dataSource(), clockA, JobQueuePolicy.DEFAULT);
        JobStore jobsB = new JobStore(db.pool.dataSource(), clockB, JobQueuePolicy.DEFAULT);
        ScheduleStore schedules = new ScheduleStore(db.pool.dataSource(), clockA, jobsA);
        for (int i = 0; i < SCHEDULES; i++) {
            MisfirePolicy policy = i % 2 == 0 ? MisfirePolicy.RUN_ONCE : MisfirePolicy.SKIP;
            schedules.create(Templates.unix("every-minute-" + i, "* * * * *", Templates.UTC, policy), "alice");
        }
        ScheduleFirer a = new ScheduleFirer(db.pool.dataSource(), clockA, jobsA, "node-a", Duration.ofMinutes(10));
        ScheduleFirer b = new ScheduleFirer(db.pool.dataSource(), clockB, jobsB, "node-b", Duration.ofMinutes(10));

        List<ScheduleFiring> all = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<ScheduleFiring> outcomes;
            if (round % 2 == 0) {
                // Same instant on both nodes: both see the same slot due; the fire row's key decides.
                clockA.advance(Duration.ofMinutes(1));
                clockB.advance(Duration.ofMinutes(1));
                outcomes = race(a, b);
                assertThat(fired(outcomes)).as("round %d: one job per schedule, not one per node", round)
                        .extracting(ScheduleFiring::schedule).hasSize(SCHEDULES).doesNotHaveDuplicates();
            } else {
                // After an outage, with node b's clock 20 s behind: a sees one more slot due than b,
                // so they pick different slots; the guard on next_fire_at decides.
                clockA.advance(Duration.ofMinutes(5));
                clockB.advance(Duration.ofMinutes(5).minusSeconds(20));
                outcomes = race(a, b);
                clockB.advance(Duration.ofSeconds(20));
                outcomes.addAll(race(a, b)); // whoever lost catches up the slot it did not see, if any
            }
            all.addAll(outcomes);
        }

        long fired = fired(all).size();
        assertThat(fired).isEqualTo(count("SELECT COUNT(*) FROM schedule_fires"));
        assertThat(fired).isEqualTo(count("SELECT COUNT(*) FROM jobs"));
        assertThat(count("SELECT COUNT(*) FROM schedule_fires WHERE job_id IS NULL")).isZero();
        assertThat(all).extracting(ScheduleFiring::outcome).doesNotContain(Outcome.MISSED_SKIPPED);
        // Each minute slot of each schedule was handled exactly once — by its own job or inside one
        // catch-up job — none twice (two nodes catching up the same outage) and none lost.
        List<Instant> everyMinute = new ArrayList<>();
        for (Instant t = start.plusSeconds(60); !t.isAfter(clockA.instant()); t = t.plusSeconds(60)) {
            everyMinute.add(t);
        }
        for (int i = 0; i < SCHEDULES; i++) {
            String name = "every-minute-" + i;
            List<Instant> covered = new ArrayList<>();
            for (ScheduleFiring f : fired(all)) {
                if (f.schedule().equals(name)) {
                    for (int k = 0; k < f.slotsDue(); k++) {
                        covered.add(f.slot().minusSeconds(60L * k));
                    }
                }
            }
            assertThat(covered).as(name).containsExactlyInAnyOrderElementsOf(everyMinute);
        }
        // The nodes really raced (in practice dozens of times per run), and the losers stood back.
        assertThat(all).extracting(ScheduleFiring::outcome).contains(Outcome.FIRED_ELSEWHERE);
    }

    private static List<ScheduleFiring> fired(List<ScheduleFiring> outcomes) {
        return outcomes.stream().filter(f -> f.outcome() == Outcome.FIRED).toList();
    }

    private List<ScheduleFiring> race(ScheduleFirer a, ScheduleFirer b) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<ScheduleFiring>>> ticks = new ArrayList<>();
        for (ScheduleFirer firer : List.of(a, b)) {
            Callable<List<ScheduleFiring>> tick = () -> {
                start.await();
                return firer.tick();
            };
            ticks.add(nodes.submit(tick));
        }
        start.countDown();
        List<ScheduleFiring> result = new ArrayList<>();
        for (Future<List<ScheduleFiring>> t : ticks) {
            result.addAll(t.get(1, TimeUnit.MINUTES));
        }
        return result;
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.pool.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
