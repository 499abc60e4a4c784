package org.patientgen.engine.schedules;

import com.cronutils.model.Cron;
import com.cronutils.parser.CronParser;
import java.util.List;
import org.patientgen.engine.api.CronSyntax;

/**
 * Validates a cron expression and, when cron-utils rejects it, finds which field is wrong.
 *
 * <p>cron-utils explains what is wrong ("Value 25 not in range [0, 23]") but not where. To name
 * the field, each field is parsed again on its own, inside an expression whose other fields are
 * harmless; the first that fails is the culprit. If every field passes alone, the fields clash
 * (in Quartz: both day fields set, or both {@code ?}).
 */
final class CronFields {
    private static final List<String> UNIX_FIELDS = List.of("minute", "hour", "day-of-month", "month", "day-of-week");
    private static final List<String> QUARTZ_FIELDS =
            List.of("second", "minute", "hour", "day-of-month", "month", "day-of-week", "year");
    private static final int QUARTZ_DOM = 3;
    private static final int QUARTZ_DOW = 5;

    private CronFields() {
    }

    static Cron validate(String expression, CronSyntax syntax, CronParser parser) {
        String kind = syntax == CronSyntax.UNIX ? "Unix" : "Quartz";
        if (expression.isEmpty()) {
            throw new CronExpressionException("expression", expression, "the cron expression is empty; " + kind
                    + " needs " + shape(syntax) + ", e.g. " + example(syntax));
        }
        String[] fields = expression.split(" ");
        checkFieldCount(expression, syntax, kind, fields.length);
        try {
            return parser.parse(expression).validate();
        } catch (RuntimeException whole) {
            List<String> names = syntax == CronSyntax.UNIX ? UNIX_FIELDS : QUARTZ_FIELDS;
            for (int i = 0; i < fields.length; i++) {
                String reason = reasonFor(parser, probe(syntax, fields, i));
                if (reason != null) {
                    throw new CronExpressionException(names.get(i), fields[i], names.get(i) + " '" + fields[i] + "' (field "
                            + (i + 1) + " of " + fields.length + ") in " + kind + " cron expression '" + expression + "': "
                            + reason + ". " + kind + " fields are: " + String.join(" ", names.subList(0, fields.length)) + ".");
                }
            }
            if (syntax == CronSyntax.QUARTZ) {
                throw new CronExpressionException("day-of-month and day-of-week", fields[QUARTZ_DOM] + " " + fields[QUARTZ_DOW],
                        "day-of-month '" + fields[QUARTZ_DOM] + "' and day-of-week '" + fields[QUARTZ_DOW]
                                + "' in Quartz cron expression '" + expression + "': Quartz needs '?' in exactly one of"
                                + " the two day fields, e.g. '0 0 12 ? * MON' (Mondays) or '0 0 12 1 * ?' (the 1st).");
            }
            throw new CronExpressionException("expression", expression, kind + " cron expression '" + expression
                    + "' cannot be used: " + clean(whole.getMessage()) + ".");
        }
    }

    private static void checkFieldCount(String expression, CronSyntax syntax, String kind, int count) {
        boolean ok = syntax == CronSyntax.UNIX ? count == 5 : count == 6 || count == 7;
        if (ok) {
            return;
        }
        String hint = "";
        if (syntax == CronSyntax.UNIX && (count == 6 || count == 7)) {
            hint = " If the first field is seconds, choose the Quartz syntax.";
        } else if (syntax == CronSyntax.QUARTZ && count == 5) {
            hint = " Quartz starts with a seconds field: add one (e.g. '0 " + expression + "', with '?' in one day"
                    + " field), or choose the Unix syntax.";
        }
        throw new CronExpressionException("expression", expression, kind + " cron expression '" + expression
                + "' has " + count + " field" + (count == 1 ? "" : "s") + "; " + kind + " needs " + shape(syntax)
                + ", e.g. " + example(syntax) + "." + hint);
    }

    private static String shape(CronSyntax syntax) {
        return syntax == CronSyntax.UNIX ? "5 fields (minute hour day-of-month month day-of-week)"
                : "6 or 7 fields (second minute hour day-of-month month day-of-week [year])";
    }

    private static String example(CronSyntax syntax) {
        return syntax == CronSyntax.UNIX ? "'30 2 * * *' for 02:30 every day" : "'0 30 2 ? * *' for 02:30 every day";
    }

    /** An expression with field {@code i} as written and every other field harmless. */
    private static String probe(CronSyntax syntax, String[] fields, int i) {
        String[] p = syntax == CronSyntax.UNIX ? new String[] {"0", "0", "*", "*", "*"}
                : fields.length == 7 ? new String[] {"0", "0", "0", "*", "*", "?", "*"}
                : new String[] {"0", "0", "0", "*", "*", "?"};
        p[i] = fields[i];
        if (syntax == CronSyntax.QUARTZ && i == QUARTZ_DOM) {
            p[QUARTZ_DOW] = "?".equals(fields[i]) ? "*" : "?";
        } else if (syntax == CronSyntax.QUARTZ && i == QUARTZ_DOW) {
            p[QUARTZ_DOM] = "?".equals(fields[i]) ? "*" : "?";
        }
        return String.join(" ", p);
    }

    /** Why cron-utils rejects the expression, or {@code null} if it accepts it. */
    private static String reasonFor(CronParser parser, String expression) {
        try {
            parser.parse(expression).validate();
            return null;
        } catch (RuntimeException e) {
            return clean(e.getMessage());
        }
    }

    private static String clean(String message) {
        String m = message == null ? "not understood" : message.replace("Failed to parse cron expression. ", "").strip();
        m = m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
        return m.isEmpty() ? "not understood" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
