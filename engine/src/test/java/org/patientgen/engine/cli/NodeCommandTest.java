package org.patientgen.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code patientgen node} refuses bad options before touching any database. */
class NodeCommandTest {
    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "lease not a duration  | --shard-lease=soon               | --shard-lease: 'soon' is not a duration; write e.g. 500ms, 15s",
        "lease too short       | --shard-lease=1s                 | --shard-lease must be at least 3s",
        "grace not a duration  | --stop-grace=-5s                 | --stop-grace: '-5s' is not a duration",
        "user without url      | --db-user=pg                     | --db-user and --db-password-file need --db-url",
        "unsupported database  | --db-url=jdbc:mysql://h/db       | --db-url: unsupported database URL 'jdbc:mysql://h/db'",
        "bad node name         | --node-name=a b                  | node name 'a b' must be 1 to 100 letters",
        "too many workers      | --workers=100000                 | workers must be between 0 and 256",
    })
    void badOptionIsOneLineOnStderrWithExitCode2(String name, String option, String message) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PatientGenCli.run(new String[] {"node", "--data-dir", temp.resolve("data").toString(), option},
                new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(message);
        assertThat(err.toString().strip().lines().count()).as(err.toString()).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(temp.resolve("data")).doesNotExist();
    }
}
