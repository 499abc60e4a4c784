package org.patientgen.engine.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.patientgen.engine.api.PoolSettings;
import org.patientgen.engine.persistence.pool.ConnectionPool;
import org.patientgen.engine.server.auth.TokenStore;
import org.patientgen.engine.wire.Responses.Token;
import org.patientgen.engine.wire.Responses.TokenCreated;
import org.patientgen.engine.wire.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code patientgen token}: creates, lists and revokes API tokens directly in the database, e.g. the
 * first admin token of a new server (afterwards admins can also use the API). Works while the
 * server runs.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Create, list or revoke API tokens of the HTTP server.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @Override
    public void run() {
        throw new UsageException("say what to do: token create, token list or token revoke (see --help)");
    }

    /** Who the audit log names for tokens managed from the command line. */
    static String cliActor() {
        String user = System.getProperty("user.name");
        return "cli:" + (user == null || user.isBlank() ? "unknown" : user);
    }

    /**
     * Opens the database (creating or upgrading its schema) just for token work, with the default
     * pool settings: on a new database they become its first revision, as when an engine starts.
     */
    static ConnectionPool open(DatabaseOptions database) throws SQLException {
        return ConnectionPool.open(database.target(), PoolSettings.defaults(),
                Clock.systemUTC());
    }

    /** {@code token create}: prints the new token alone on the last line. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token; it is printed once, on the last line, and stored only as a hash.")
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "viewer (read), operator (jobs, schedules, workflows) or admin (pool, config, tokens).")
        String role;

        @Option(names = "--name", required = true, paramLabel = "NAME",
                description = "Who or what uses it, e.g. alice or ci-pipeline; owner of the jobs it submits.")
        String name;

        @Override
        public Integer call() throws SQLException {
            Role parsed = role(role);
            TokenCreated created;
            try (ConnectionPool pool = open(database)) {
                created = new TokenStore(pool.dataSource(), Clock.systemUTC()).create(name, parsed, cliActor());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--name: " + e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("created token " + created.info().id() + " '" + created.info().name() + "' with role "
                    + created.info().role().name().toLowerCase(Locale.ROOT) + "; it is shown only now:");
            out.println(created.token());
            out.flush();
            return 0;
        }

        private static Role role(String text) {
            try {
                return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--role must be viewer, operator or admin, was '" + text + "'");
            }
        }
    }

    /** {@code token list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
    static final class ListTokens implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Override
        public Integer call() throws SQLException {
            PrintWriter out = spec.commandLine().getOut();
            try (ConnectionPool pool = open(database)) {
                out.printf(Locale.ROOT, "%-6s %-24s %-9s %-22s %s%n", "ID", "NAME", "ROLE", "CREATED", "STATE");
                for (Token t : new TokenStore(pool.dataSource(), Clock.systemUTC()).list()) {
                    out.printf(Locale.ROOT, "%-6d %-24s %-9s %-22s %s%n", t.id(), t.name(),
                            t.role().name().toLowerCase(Locale.ROOT), t.createdAt(),
                            t.active() ? "active" : "revoked " + t.revokedAt());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code token revoke ID}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by id (see token list).")
    static final class Revoke implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Parameters(paramLabel = "ID", description = "The token's id.")
        long id;

        @Override
        public Integer call() throws SQLException {
            Token revoked;
            try (ConnectionPool pool = open(database)) {
                revoked = new TokenStore(pool.dataSource(), Clock.systemUTC()).revoke(id, cliActor());
            } catch (java.util.NoSuchElementException | IllegalStateException e) {
                throw new UsageException(e.getMessage());
            }
            spec.commandLine().getOut().println("revoked token " + revoked.id() + " '" + revoked.name() + "'");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
