package org.patientgen.engine.module;

/** Comparison operators of module conditions. */
enum Operator {
    LT("<"), LE("<="), EQ("=="), GE(">="), GT(">"), NE("!="), IS_NIL("is nil"), IS_NOT_NIL("is not nil");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    static Operator parse(JsonField field) {
        String s = field.text().trim();
        for (Operator op : values()) {
            if (op.symbol.equals(s)) {
                return op;
            }
        }
        throw field.error("unknown operator '" + s + "' (expected one of <, <=, ==, >=, >, !=, is nil, is not nil)");
    }

    /** Compares two attribute-like values: numbers numerically, everything else by equality. */
    boolean test(Object left, Object right) {
        if (this == IS_NIL) {
            return left == null;
        }
        if (this == IS_NOT_NIL) {
            return left != null;
        }
        if (left == null) {
            return this == NE && right != null;
        }
        Double l = asNumber(left);
        Double r = asNumber(right);
        if (l != null && r != null) {
            return test(l.doubleValue(), r.doubleValue());
        }
        boolean equal = String.valueOf(left).equals(String.valueOf(right));
        return switch (this) {
            case EQ -> equal;
            case NE -> !equal;
            default -> false;
        };
    }

    boolean test(double left, double right) {
        return switch (this) {
            case LT -> left < right;
            case LE -> left <= right;
            case EQ -> left == right;
            case GE -> left >= right;
            case GT -> left > right;
            case NE -> left != right;
            case IS_NIL, IS_NOT_NIL -> throw new IllegalStateException(symbol + " on a number");
        };
    }

    private static Double asNumber(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof Boolean b) {
            return null;
        }
        return null;
    }
}
