package org.patientgen.engine.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code patientgen} command line. Usage errors print one line on stderr and exit with 2;
 * results go to stdout, progress to stderr.
 */
@Command(name = "patientgen", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generate realistic synthetic patients (FHIR R4, CSV) and check their realism.",
        subcommands = {GenerateCommand.class, ModulesCommand.class, ReportCommand.class, NodeCommand.class, ServeCommand.class,
                TokenCommand.class, CommandLine.HelpCommand.class})
public final class PatientGenCli {
    /** Exit code for bad usage or input (unknown option, invalid value, unwritable directory). */
    public static final int EXIT_USAGE = 2;

    private PatientGenCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(PatientGenCli.class);
        CommandLine serve = cli.getSubcommands().get("serve");
        ServeDefaults defaults = ServeDefaults.of(serve.getCommandSpec(), args, System.getenv());
        serve.setDefaultValueProvider(defaults);
        ((ServeCommand) serve.getCommand()).defaults = defaults;
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getCommandLine().getCommandName() + ": " + ex.getMessage()
                    + " (see --help)");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException u) {
                err.println(commandLine.getCommandName() + ": " + u.getMessage());
                return EXIT_USAGE;
            }
            err.println(commandLine.getCommandName() + ": failed: " + (ex.getMessage() == null
                    ? ex.getClass().getSimpleName() : ex.getMessage()));
            return 1;
        });
        return cli.execute(args);
    }
}
