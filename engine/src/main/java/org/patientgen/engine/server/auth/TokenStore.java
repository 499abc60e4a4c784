package org.patientgen.engine.server.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.patientgen.engine.persistence.AuditLog;
import org.patientgen.engine.persistence.Rows;
import org.patientgen.engine.persistence.Transactions;
import org.patientgen.engine.wire.Responses.Token;
import org.patientgen.engine.wire.Responses.TokenCreated;
import org.patientgen.engine.wire.Role;

/**
 * API tokens in the database ({@code api_tokens}): created with a random secret that is returned
 * once and stored only as its SHA-256, listed without secrets, revoked (kept, so the audit log can
 * still name them). Creating and revoking are audited.
 */
public final class TokenStore {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@-]{0,99}");
    private static final String COLUMNS = "id, name, role, created_at, created_by, last_used_at, revoked_at, revoked_by";

    private final Transactions tx;
    private final Clock clock;

    public TokenStore(DataSource dataSource, Clock clock) {
        this.tx = new Transactions(dataSource);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a token.
     *
     * @param name who or what will use it: 1 to 100 letters, digits, spaces, {@code . _ @ -}
     * @param role what it may do
     * @param who  who creates it (audited)
     * @return the secret (shown once) and the token's description
     * @throws IllegalArgumentException for a bad name
     */
    public TokenCreated create(String name, Role role, String who) throws SQLException {
        Objects.requireNonNull(role, "role");
        String clean = checkName(name);
        String secret = TokenSecrets.newToken();
        Instant now = clock.instant();
        long id = tx.run(c -> {
            long created;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (name, role, token_sha256,"
                    + " created_at, created_by) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, clean);
                ps.setString(2, role.name());
                ps.setString(3, TokenSecrets.hash(secret));
                ps.setObject(4, Transactions.timestamp(now));
                ps.setString(5, who);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    created = keys.getLong(1);
                }
            }
            AuditLog.append(c, now, who, "token.create", "token", Long.toString(created),
                    "name=" + clean + ", role=" + role);
            return created;
        });
        return new TokenCreated(secret, get(id).orElseThrow());
    }

    /** The name rule, applied; returns the stripped name. */
    static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (!NAME.matcher(clean).matches()) {
            throw new IllegalArgumentException("token name '" + clean + "' must be 1 to 100 letters, digits, spaces,"
                    + " '.', '_', '@' or '-', starting with a letter or digit (e.g. ci-pipeline or alice)");
        }
        return clean;
    }

    /** A token by id, revoked or not. */
    public Optional<Token> get(long id) throws SQLException {
        return tx.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?", TokenStore::token, id))
                .stream().findFirst();
    }

    /** The valid (not revoked) token whose secret hashes to {@code sha256}. */
    public Optional<Token> findActive(String sha256) throws SQLException {
        return tx.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE token_sha256 = ?"
                + " AND revoked_at IS NULL", TokenStore::token, sha256)).stream().findFirst();
    }

    /** Every token, oldest first, revoked ones included. */
    public List<Token> list() throws SQLException {
        return tx.run(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM api_tokens ORDER BY id", TokenStore::token));
    }

    /**
     * Revokes a token: requests with it fail from now on (within the server's token cache time on
     * other nodes).
     *
     * @return the revoked token
     * @throws java.util.NoSuchElementException for an unknown id
     * @throws IllegalStateException if it was already revoked
     */
    public Token revoke(long id, String who) throws SQLException {
        Instant now = clock.instant();
        tx.run(c -> {
            Token token = Rows.list(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE id = ? FOR UPDATE",
                    TokenStore::token, id).stream().findFirst()
                    .orElseThrow(() -> new java.util.NoSuchElementException("token " + id + " does not exist"));
            if (!token.active()) {
                throw new IllegalStateException("token " + id + " (" + token.name() + ") was already revoked at "
                        + token.revokedAt() + " by " + token.revokedBy());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked_at = ?, revoked_by = ?"
                    + " WHERE id = ?")) {
                ps.setObject(1, Transactions.timestamp(now));
                ps.setString(2, who);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            AuditLog.append(c, now, who, "token.revoke", "token", Long.toString(id), "name=" + token.name()
                    + ", role=" + token.role());
            return null;
        });
        return get(id).orElseThrow();
    }

    /** Records that a token was used (callers throttle this; it is a write). */
    public void touch(long id, Instant at) throws SQLException {
        tx.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")) {
                ps.setObject(1, Transactions.timestamp(at));
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static Token token(ResultSet rs) throws SQLException {
        return new Token(rs.getLong("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                Transactions.instant(rs, "created_at"), rs.getString("created_by"),
                Transactions.instant(rs, "last_used_at"), Transactions.instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }
}
