package org.patientgen.console.pool;

import java.util.Objects;

/**
 * One setting whose edited value differs from what the running pool uses.
 *
 * @param field  the setting
 * @param from   the running value, formatted
 * @param to     the edited value, formatted
 * @param effect what applying does with it
 */
public record PoolDiffRow(PoolField field, String from, String to, Effect effect) {
    public PoolDiffRow {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(effect, "effect");
    }

    /** What applying does with a changed setting. */
    public enum Effect {
        /** The running pool takes it at once. */
        LIVE("live"),
        /** It waits for a pool restart. */
        RESTART("needs restart"),
        /** Already applied (the latest revision has it) and waiting for a pool restart. */
        PENDING("awaits restart");

        private final String label;

        Effect(String label) {
            this.label = label;
        }

        /** A short word for a badge. */
        public String label() {
            return label;
        }
    }
}
