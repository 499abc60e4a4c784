package org.patientgen.engine.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;

/**
 * A 64-bit integer ({@code Long}): GraphQL's {@code Int} is 32-bit, too small for populations and
 * seeds. Accepts numbers, and strings of digits for clients whose JSON loses precision.
 */
final class LongScalar {
    static final GraphQLScalarType LONG = GraphQLScalarType.newScalar().name("Long")
            .description("A 64-bit signed integer").coercing(new Coercing<Long, Long>() {
                @Override
                public Long serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Number) {
                        return ((Number) value).longValue();
                    }
                    throw new CoercingSerializeException("not a number: " + value);
                }

                @Override
                public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                    try {
                        return toLong(input);
                    } catch (IllegalArgumentException e) {
                        throw new CoercingParseValueException(e.getMessage());
                    }
                }

                @Override
                public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                         Locale locale) {
                    try {
                        if (input instanceof IntValue) {
                            return toLong(((IntValue) input).getValue());
                        }
                        if (input instanceof StringValue) {
                            return toLong(((StringValue) input).getValue());
                        }
                    } catch (IllegalArgumentException e) {
                        throw new CoercingParseLiteralException(e.getMessage());
                    }
                    throw new CoercingParseLiteralException("expected a 64-bit integer, got " + input);
                }
            }).build();

    private LongScalar() {
    }

    private static long toLong(Object input) {
        if (input instanceof BigInteger) {
            BigInteger big = (BigInteger) input;
            if (big.bitLength() > 63) {
                throw new IllegalArgumentException(big + " does not fit in a 64-bit integer");
            }
            return big.longValue();
        }
        if (input instanceof Integer || input instanceof Long || input instanceof Short) {
            return ((Number) input).longValue();
        }
        if (input instanceof String) {
            try {
                return Long.parseLong(((String) input).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + input + "' is not a 64-bit integer");
            }
        }
        throw new IllegalArgumentException("expected a 64-bit integer, got " + input);
    }
}
