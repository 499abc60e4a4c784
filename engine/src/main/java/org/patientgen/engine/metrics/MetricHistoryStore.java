package org.patientgen.engine.metrics;

import org.patientgen.engine.api.MetricSample;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;

/**
 * The {@code metric_history} table: samples kept for trends, read back by series and time, pruned
 * by age. Tags are stored as {@code key=value} pairs sorted by key and joined by commas, each key
 * and value URL-encoded so that node names may hold any character.
 *
 * <p>Every statement names the series, so reads and pruning walk the index
 * {@code (metric_name, recorded_at)}.
 */
final class MetricHistoryStore {
    private final Transactions tx;

    MetricHistoryStore(DataSource dataSource) {
        this.tx = new Transactions(dataSource);
    }

    /** Writes the samples in one transaction. */
    void write(List<MetricSample> samples) throws SQLException {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO metric_history (metric_name, tags, recorded_at,"
                    + " metric_value) VALUES (?, ?, ?, ?)")) {
                for (MetricSample s : samples) {
                    ps.setString(1, s.name());
                    ps.setString(2, encode(s.tags()));
                    ps.setObject(3, Transactions.timestamp(s.at()));
                    ps.setDouble(4, s.value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Samples of series {@code name} recorded at or after {@code from} and before {@code to}, by time then tags. */
    List<MetricSample> read(String name, Instant from, Instant to) throws SQLException {
        return tx.run(c -> Rows.list(c, "SELECT tags, recorded_at, metric_value FROM metric_history"
                        + " WHERE metric_name = ? AND recorded_at >= ? AND recorded_at < ? ORDER BY recorded_at, tags",
                rs -> new MetricSample(name, decode(rs.getString(1)), Transactions.instant(rs, "recorded_at"),
                        rs.getDouble(3)),
                name, Transactions.timestamp(from), Transactions.timestamp(to)));
    }

    /**
     * Deletes the samples of the named series recorded before {@code before}.
     *
     * @return rows deleted
     */
    int prune(Collection<String> names, Instant before) throws SQLException {
        if (names.isEmpty()) {
            return 0;
        }
        StringJoiner marks = new StringJoiner(", ", "(", ")");
        names.forEach(n -> marks.add("?"));
        return tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM metric_history WHERE metric_name IN " + marks
                    + " AND recorded_at < ?")) {
                int i = 1;
                for (String name : names) {
                    ps.setString(i++, name);
                }
                ps.setObject(i, Transactions.timestamp(before));
                return ps.executeUpdate();
            }
        });
    }

    static String encode(Map<String, String> tags) {
        StringJoiner joined = new StringJoiner(",");
        new TreeMap<>(tags).forEach((k, v) -> joined.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    static Map<String, String> decode(String tags) {
        Map<String, String> result = new TreeMap<>();
        if (tags.isEmpty()) {
            return result;
        }
        for (String pair : tags.split(",")) {
            int eq = pair.indexOf('=');
            result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }
}
