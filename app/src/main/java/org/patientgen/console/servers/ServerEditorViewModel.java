package org.patientgen.console.servers;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.patientgen.console.connection.remote.RemoteConnection;
import org.patientgen.console.connection.remote.SavedServers;
import org.patientgen.console.connection.remote.ServerChecks;
import org.patientgen.console.connection.remote.ServerChecks.PresentedCertificate;
import org.patientgen.console.settings.ServerEntry;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.console.task.Cancellable;
import org.patientgen.console.task.Failures;
import org.patientgen.engine.api.ErrorKind;
import org.patientgen.engine.api.PatientGenException;

/**
 * The add/edit server dialog: name, URL, token and region, checked as the user types; "Test
 * connection" in the background (version, latency, the token's role); and trust on first use for a
 * self-signed {@code https} server — its SHA-256 fingerprint and subject are shown, "Trust this
 * certificate" pins it, and a server that later presents another certificate is refused with both
 * fingerprints. UI thread only.
 */
public final class ServerEditorViewModel {
    private final SavedServers servers;
    private final ServerChecks checks;
    private final BackgroundTasks tasks;
    private final RemoteConnection editing;

    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final ReadOnlyStringWrapper pinned = new ReadOnlyStringWrapper(this, "pinned", "");
    private final StringBinding nameError;
    private final StringBinding urlError;
    private final StringBinding tokenError;
    private final BooleanBinding valid;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper(this, "testResult", "");
    private final ReadOnlyBooleanWrapper testFailed = new ReadOnlyBooleanWrapper(this, "testFailed");
    private final ReadOnlyObjectWrapper<PresentedCertificate> certificate =
            new ReadOnlyObjectWrapper<>(this, "certificate");
    private final ReadOnlyStringWrapper saveError = new ReadOnlyStringWrapper(this, "saveError", "");
    private Cancellable running = Cancellable.NONE;

    /** For a new server ({@code editing} null) or to change {@code editing}. */
    public ServerEditorViewModel(SavedServers servers, ServerChecks checks, BackgroundTasks tasks,
                                 RemoteConnection editing) {
        this.servers = Objects.requireNonNull(servers, "servers");
        this.checks = Objects.requireNonNull(checks, "checks");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.editing = editing;
        if (editing != null) {
            ServerEntry e = editing.entry();
            name.set(e.name());
            url.set(e.url());
            region.set(e.region());
            pinned.set(e.pinnedFingerprint());
        }
        nameError = Bindings.createStringBinding(() -> {
            String n = name.get().strip();
            if (n.isEmpty()) {
                return "Give the server a name, e.g. Lab or Production";
            }
            return servers.nameTaken(n, editing) ? "'" + n + "' is taken; choose another name" : "";
        }, name);
        urlError = Bindings.createStringBinding(() -> url.get().isBlank() ? "Enter the server's address"
                : ServerEntry.validUrl(url.get()) ? "" : "Enter an address like https://10.0.0.5:8443", url);
        tokenError = Bindings.createStringBinding(() -> token.get().isBlank() && editing == null
                ? "Paste the token from 'patientgen token create'" : "", token);
        valid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && urlError.get().isEmpty()
                && tokenError.get().isEmpty(), nameError, urlError, tokenError);
        // A pin belongs to an address: another URL is another server, whose certificate is checked again.
        url.addListener((obs, old, now) -> {
            if (editing == null || !now.strip().equals(editing.entry().url())) {
                pinned.set("");
            }
            certificate.set(null);
            testResult.set("");
        });
    }

    /** The title: "Add a server" or "Edit Lab". */
    public String title() {
        return editing == null ? "Add a server" : "Edit " + editing.name();
    }

    /** The token field's hint: when editing, leaving it empty keeps the stored token. */
    public String tokenPrompt() {
        return editing == null ? "Token from 'patientgen token create'" : "Leave empty to keep the saved token";
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty regionProperty() {
        return region;
    }

    /** The trusted certificate's fingerprint, or empty. */
    public ReadOnlyStringProperty pinnedProperty() {
        return pinned.getReadOnlyProperty();
    }

    public StringBinding nameErrorProperty() {
        return nameError;
    }

    public StringBinding urlErrorProperty() {
        return urlError;
    }

    public StringBinding tokenErrorProperty() {
        return tokenError;
    }

    /** The first problem of the form, or empty. */
    public String firstError() {
        return nameError.get().isEmpty() ? urlError.get().isEmpty() ? tokenError.get() : urlError.get()
                : nameError.get();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** A test or save is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What Test connection found, or why it failed. */
    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testFailedProperty() {
        return testFailed.getReadOnlyProperty();
    }

    /** A certificate waiting for the user to trust it, or null. */
    public ReadOnlyObjectProperty<PresentedCertificate> certificateProperty() {
        return certificate.getReadOnlyProperty();
    }

    /** Why saving failed, or empty. */
    public ReadOnlyStringProperty saveErrorProperty() {
        return saveError.getReadOnlyProperty();
    }

    /** Calls the server once with what the form says; the result shows in {@link #testResultProperty()}. */
    public void testConnection() {
        if (!urlError.get().isEmpty() || busy.get()) {
            return;
        }
        String address = url.get().strip();
        String typed = token.get().strip();
        String pin = pinned.get();
        String stored = editing == null ? null : editing.name();
        busy.set(true);
        testFailed.set(false);
        testResult.set("Testing " + address + "…");
        running = tasks.task("Testing " + address, p -> attempt(address,
                typed.isEmpty() && stored != null ? servers.storedToken(stored) : typed, pin))
                .quiet()
                .onSuccess(this::show)
                .onFailure(e -> show(new Outcome(null, null, Failures.message(e))))
                .start();
    }

    /** One test: the call, and for a TLS refusal the certificate the server presented. */
    private record Outcome(ServerChecks.Result result, PresentedCertificate presented, String failure) {
    }

    private Outcome attempt(String address, String bearer, String pin) {
        try {
            return new Outcome(checks.test(address, bearer, pin), null, null);
        } catch (PatientGenException e) {
            if (e.kind() != ErrorKind.UNAVAILABLE || !address.regionMatches(true, 0, "https:", 0, 6)) {
                throw e;
            }
            PresentedCertificate presented;
            try {
                presented = checks.certificate(address);
            } catch (PatientGenException unreachable) {
                throw e; // not a certificate problem: the server is not there
            }
            if (pin.isEmpty()) {
                return new Outcome(null, presented, "The server's certificate is not signed by an authority this"
                        + " computer trusts. Compare its fingerprint with the one the server printed at start-up,"
                        + " then trust it.");
            }
            if (!ServerChecks.sameFingerprint(pin, presented.fingerprint())) {
                return new Outcome(null, presented, "Refused: the server presented a different certificate from"
                        + " the one you trusted.\nTrusted:   " + pin + "\nPresented: " + presented.fingerprint()
                        + "\nIf its certificate was replaced on purpose, check the new fingerprint with the server's"
                        + " administrator before trusting it; otherwise someone may be intercepting the connection.");
            }
            throw e;
        }
    }

    private void show(Outcome outcome) {
        busy.set(false);
        certificate.set(outcome.presented());
        if (outcome.result() != null) {
            ServerChecks.Result r = outcome.result();
            testFailed.set(false);
            testResult.set("Connected: PatientGen " + r.version() + " on node " + r.node() + ", "
                    + Math.max(1, r.latency().toMillis()) + " ms, " + (r.tls() ? "HTTPS" : "HTTP")
                    + ". The token '" + r.caller() + "' has the role " + r.role() + ".");
        } else {
            testFailed.set(true);
            testResult.set(outcome.failure());
        }
    }

    /** Pins the certificate shown and tests again with it. */
    public void trustCertificate() {
        PresentedCertificate shown = certificate.get();
        if (shown == null) {
            return;
        }
        pinned.set(shown.fingerprint());
        certificate.set(null);
        testConnection();
    }

    /** Saves the server (its token encrypted) and connects it; {@code onSaved} runs when done. */
    public void save(Consumer<RemoteConnection> onSaved) {
        if (!valid.get() || busy.get()) {
            return;
        }
        ServerEntry entry;
        try {
            entry = new ServerEntry(name.get(), url.get(), region.get(), pinned.get());
        } catch (IllegalArgumentException e) {
            saveError.set(e.getMessage());
            return;
        }
        busy.set(true);
        saveError.set("");
        servers.save(editing, entry, token.get().strip(), saved -> {
            busy.set(false);
            onSaved.accept(saved);
        }, e -> {
            busy.set(false);
            saveError.set("Could not save " + entry.name() + ": " + Failures.message(e));
        });
    }

    /** The dialog closed: drop a running test's result. */
    public void close() {
        running.cancel();
    }
}
