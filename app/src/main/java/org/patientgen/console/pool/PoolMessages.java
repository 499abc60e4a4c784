package org.patientgen.console.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.patientgen.console.dialog.Dialogs.Confirmation;
import org.patientgen.engine.api.DatabaseLimits;
import org.patientgen.engine.api.PoolChange;
import org.patientgen.engine.api.PoolChangePlan;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.api.PoolStatus;

/** The pool screen's sentences: the headline, what an apply did, what waits, and its questions. */
final class PoolMessages {
    /** When a live change of a timeout takes effect (docs/jobs.md). */
    static final String TIMEOUT_NOTE = "timeouts at HikariCP's next housekeeping run, within 30 s";
    /** Whom a live change of maxLifetime affects. */
    static final String LIFETIME_NOTE = "maxLifetime for new connections";

    private PoolMessages() {
    }

    /** {@code PostgreSQL · 8 cores · max_connections 100 · idle_session_timeout 10 min · revision 3}. */
    static String headline(PoolStatus s) {
        DatabaseLimits l = s.limits();
        StringBuilder text = new StringBuilder(s.database()).append(" · ").append(s.serverCores())
                .append(s.serverCores() == 1 ? " core" : " cores").append(" · max_connections ")
                .append(l.maxConnections() > 0 ? Integer.toString(l.maxConnections()) : "unknown");
        if (l.connectionTimeLimitMillis() > 0) {
            text.append(" · ").append(l.timeLimitSetting()).append(' ')
                    .append(DurationText.format(l.connectionTimeLimitMillis()));
        }
        text.append(" · ").append(s.revision() == 0 ? "no revision yet" : "revision " + s.revision());
        return text.toString();
    }

    /** What waits for a restart, or empty. */
    static String pending(PoolStatus s) {
        if (!s.restartRequired()) {
            return "";
        }
        return names(s.pendingRestart()) + (s.pendingRestart().size() == 1 ? " waits" : " wait")
                + " for a pool restart (applied in revision " + s.revision() + ", not running yet).";
    }

    /** What an apply or rollback did. */
    static String applied(PoolChange c) {
        long rev = c.revision().revision();
        StringBuilder text = new StringBuilder(c.revision().rollbackOf() > 0
                ? "Revision " + rev + " restores revision " + c.revision().rollbackOf() + "."
                : "Revision " + rev + " applied.");
        if (c.appliedLive().isEmpty() && c.needsRestart().isEmpty()) {
            text.append(" Nothing changed on the running pool: it already uses these settings.");
        }
        if (!c.appliedLive().isEmpty()) {
            text.append(" Live now: ").append(names(c.appliedLive())).append(liveNote(c.appliedLive())).append('.');
        }
        if (!c.needsRestart().isEmpty()) {
            text.append(" Awaiting a pool restart: ").append(names(c.needsRestart())).append('.');
        }
        return text.toString();
    }

    /** When live changes take effect, if not at once: {@code  (timeouts at …; maxLifetime for new connections)}. */
    static String liveNote(List<String> live) {
        List<String> notes = new ArrayList<>();
        if (live.stream().anyMatch(n -> n.endsWith("Timeout"))) {
            notes.add(TIMEOUT_NOTE);
        }
        if (live.contains("maxLifetime")) {
            notes.add(LIFETIME_NOTE);
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    /** After a restart. */
    static String restarted(List<String> applied) {
        return applied.isEmpty()
                ? "Pool restarted; work in flight finishes on the old pool."
                : "Pool restarted: " + names(applied) + " now in effect; work in flight finishes on the old pool.";
    }

    /** Asked before applying settings of which some can only change on a new pool. */
    static Confirmation applyNeedsRestart(PoolChangePlan plan, List<String> newRestart) {
        String live = plan.live().isEmpty() ? "Nothing changes on the running pool now."
                : names(plan.live()) + " change" + (plan.live().size() == 1 ? "s" : "") + " live now.";
        return new Confirmation("Apply pool settings", "A pool restart will be needed",
                names(newRestart) + (newRestart.size() == 1 ? " is" : " are") + " applied by restarting the pool: until"
                        + " then the running pool keeps the old value. " + live + " After applying, \u201cRestart pool"
                        + " now\u201d restarts it; work in flight finishes on the old pool.",
                "Apply, restart later", "Keep editing", false);
    }

    /** Asked before a restart. */
    static Confirmation restart(PoolStatus s) {
        String what = s.restartRequired() ? "so that " + names(s.pendingRestart()) + " take" + (s.pendingRestart().size() == 1
                ? "s" : "") + " effect" : "with the current settings";
        return new Confirmation("Restart the pool", "Restart the connection pool now?",
                "A new pool opens " + what + " and serves every new borrow. Connections in use finish their work on the"
                        + " old pool, which closes when they are returned. If the new pool cannot connect, the old one"
                        + " keeps serving.", "Restart pool", "Not now", false);
    }

    /** Asked before rolling back to an earlier revision. */
    static Confirmation rollback(long revision, PoolSettings current, PoolSettings target, PoolSettings running) {
        List<String> changes = PoolHistory.changeList(current, target);
        PoolChangePlan plan = PoolChangePlan.of(running, target);
        String detail = "Applies revision " + revision + "'s settings again, as a new revision. "
                + (changes.isEmpty() ? "They are the same as the current settings." : String.join(", ", changes) + ".")
                + (plan.restartRequired() ? " " + names(plan.restart()) + " will wait for a pool restart." : "");
        return new Confirmation("Roll back pool settings", "Roll back to revision " + revision + "?", detail,
                "Roll back", "Keep current settings", false);
    }

    /** A short list of HikariCP names: {@code a}, {@code a and b}, {@code a, b and c}. */
    static String names(List<String> names) {
        Objects.requireNonNull(names, "names");
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
