package org.patientgen.engine.schedules;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.patientgen.engine.api.CronSyntax;

/**
 * A validated cron expression in a time zone: its description in words and its fire times
 * ("slots"). Immutable and thread-safe.
 *
 * <p><b>Wall-clock rule.</b> Slots follow the wall clock of the zone, and each matching local
 * date-time fires at most once:
 * <ul>
 *   <li><b>Spring forward</b> (a gap, e.g. 02:00–03:00 on the second Sunday of March in New York):
 *       local times inside the gap do not exist, so they do not fire that day. {@code 30 2 * * *}
 *       skips that one day; an hourly schedule has no 02:00 slot.</li>
 *   <li><b>Fall back</b> (an overlap, e.g. 01:00–02:00 on the first Sunday of November in New York
 *       happens twice): a local time in the repeated hour fires once, at its first occurrence
 *       (the earlier, daylight-saving instant). {@code 30 1 * * *} fires once; an hourly schedule
 *       fires at 01:00 EDT and next at 02:00 EST, two real hours later.</li>
 * </ul>
 * cron-utils (9.2.1) already skips gap times, but in the overlap it sometimes also returns the
 * second occurrence (e.g. next after 01:40 EDT it answers 01:30 EST, and {@code 0,30 1 * * *}
 * yields both passes), depending on where the search starts. This class drops second occurrences,
 * so the answer does not depend on when a node happens to ask — which matters because different
 * nodes ask at different moments.
 *
 * <p>Schedules that must not shift or skip should use {@code UTC} or keep away from the hours
 * around the change (usually 01:00–03:00 local).
 */
public final class CronSchedule {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser QUARTZ =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    /** Bound on skipped candidates in one search; each overlap contributes a few at most. */
    private static final int MAX_STEPS = 10_000;

    private final String expression;
    private final CronSyntax syntax;
    private final ZoneId zone;
    private final Cron cron;
    private final ExecutionTime execution;

    private CronSchedule(String expression, CronSyntax syntax, ZoneId zone, Cron cron) {
        this.expression = expression;
        this.syntax = syntax;
        this.zone = zone;
        this.cron = cron;
        this.execution = ExecutionTime.forCron(cron);
    }

    /**
     * Parses and validates an expression.
     *
     * @throws CronExpressionException naming the field that is wrong and why
     */
    public static CronSchedule parse(String expression, CronSyntax syntax, ZoneId zone) {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(zone, "zone");
        String normalised = Objects.requireNonNull(expression, "expression").strip().replaceAll("\\s+", " ");
        Cron cron = CronFields.validate(normalised, syntax, syntax == CronSyntax.UNIX ? UNIX : QUARTZ);
        return new CronSchedule(normalised, syntax, zone, cron);
    }

    /** The expression, with runs of spaces collapsed. */
    public String expression() {
        return expression;
    }

    /** Its syntax. */
    public CronSyntax syntax() {
        return syntax;
    }

    /** The zone whose wall clock it follows. */
    public ZoneId zone() {
        return zone;
    }

    /** The expression in English words, e.g. "every 15 minutes every hour between 9 and 17". */
    public String description() {
        return CronDescriptor.instance(Locale.ENGLISH).describe(cron);
    }

    /** The first slot strictly after {@code instant}, if the expression has one. */
    public Optional<Instant> nextAfter(Instant instant) {
        ZonedDateTime from = instant.atZone(zone);
        for (int i = 0; i < MAX_STEPS; i++) {
            Optional<ZonedDateTime> candidate = execution.nextExecution(from);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime slot = candidate.get();
            if (!slot.toInstant().isAfter(from.toInstant())) {
                // cron-utils answered a time not after the question; step past it rather than loop.
                from = from.plusSeconds(1);
                continue;
            }
            if (!isSecondOccurrence(slot)) {
                return Optional.of(slot.toInstant());
            }
            from = slot;
        }
        throw new IllegalStateException("no slot found for '" + expression + "' in " + zone + " after " + instant);
    }

    /** The last slot at or before {@code instant}, if the expression has one. */
    public Optional<Instant> latestAtOrBefore(Instant instant) {
        // Slots are whole seconds; "strictly before the next whole second" is "at or before instant".
        ZonedDateTime before = instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(zone);
        for (int i = 0; i < MAX_STEPS; i++) {
            Optional<ZonedDateTime> candidate = execution.lastExecution(before);
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            ZonedDateTime slot = candidate.get();
            if (!slot.toInstant().isBefore(before.toInstant())) {
                before = before.minusSeconds(1);
                continue;
            }
            if (!isSecondOccurrence(slot)) {
                return Optional.of(slot.toInstant());
            }
            before = slot;
        }
        throw new IllegalStateException("no slot found for '" + expression + "' in " + zone + " before " + instant);
    }

    /**
     * The next {@code count} slots strictly after {@code instant}, in the schedule's zone (fewer if
     * the expression runs out, e.g. a Quartz year range).
     */
    public List<ZonedDateTime> nextFireTimes(Instant instant, int count) {
        if (count < 0 || count > 1000) {
            throw new IllegalArgumentException("count must be between 0 and 1000, was " + count);
        }
        List<ZonedDateTime> result = new ArrayList<>(count);
        Instant from = instant;
        while (result.size() < count) {
            Optional<Instant> next = nextAfter(from);
            if (next.isEmpty()) {
                break;
            }
            result.add(next.get().atZone(zone));
            from = next.get();
        }
        return result;
    }

    /**
     * Counts the slots from {@code first} to {@code last}, both included, up to {@code limit}
     * (a per-second schedule after a long outage has millions; the count is only reported).
     */
    public int countSlots(Instant first, Instant last, int limit) {
        int count = 0;
        Optional<Instant> slot = latestAtOrBefore(first).filter(s -> s.equals(first)).or(() -> nextAfter(first));
        while (slot.isPresent() && !slot.get().isAfter(last) && count < limit) {
            count++;
            slot = nextAfter(slot.get());
        }
        return count;
    }

    /** Whether this is the later of two instants with the same local time (the repeated hour of a fall-back). */
    private boolean isSecondOccurrence(ZonedDateTime slot) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(slot.toLocalDateTime());
        return transition != null && transition.isOverlap() && slot.getOffset().equals(transition.getOffsetAfter());
    }

    @Override
    public String toString() {
        return syntax + " '" + expression + "' in " + zone;
    }
}
