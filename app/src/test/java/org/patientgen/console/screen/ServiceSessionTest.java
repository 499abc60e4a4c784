package org.patientgen.console.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.console.task.BackgroundTasks;
import org.patientgen.engine.api.EventTopic;
import org.patientgen.engine.api.PatientGenService;

/** A screen's session: answers that arrive after it was closed are dropped, and its subscription always ends. */
class ServiceSessionTest {
    /** Work waits until the test runs it; results are delivered at once. */
    final Queue<Runnable> pending = new ArrayDeque<>();
    final BackgroundTasks tasks = new BackgroundTasks(pending::add, Runnable::run);
    final AtomicInteger subscribed = new AtomicInteger();
    final AtomicInteger unsubscribed = new AtomicInteger();
    final List<Object> delivered = new ArrayList<>();

    void runAll() {
        while (!pending.isEmpty()) {
            pending.poll().run();
        }
    }

    ServiceSession open() {
        ServiceSession session = new ServiceSession(connection(), tasks);
        session.open("Loading", Set.of(EventTopic.JOBS), e -> { }, s -> "loaded", delivered::add, delivered::add);
        return session;
    }

    @Test
    void deliversTheFirstLoadAndLaterReadsWhileOpen() {
        ServiceSession session = open();
        assertThat(session.ready()).isFalse();
        runAll();
        assertThat(session.ready()).isTrue();
        assertThat(delivered).containsExactly("loaded");
        assertThat(subscribed).hasValue(1);

        session.read("Refreshing", s -> "again", delivered::add);
        session.read("Refreshing twice", s -> "twice", delivered::add);
        runAll();
        assertThat(delivered).as("one read at a time").containsExactly("loaded", "again");

        session.close();
        runAll();
        assertThat(unsubscribed).hasValue(1);
        assertThat(session.ready()).isFalse();
    }

    @Test
    void aSessionClosedBeforeItsServiceAnsweredDropsTheAnswerAndStillUnsubscribes() {
        ServiceSession session = open();
        session.close();
        runAll();
        assertThat(delivered).isEmpty();
        assertThat(subscribed).hasValue(1);
        assertThat(unsubscribed).hasValue(1);
    }

    @Test
    void answersToCallsMadeBeforeClosingAreDropped() {
        ServiceSession session = open();
        runAll();
        session.call("Doing", s -> "done", delivered::add, delivered::add);
        session.close();
        runAll();
        assertThat(delivered).containsExactly("loaded");
    }

    private Connection connection() {
        PatientGenService service = (PatientGenService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PatientGenService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("subscribe")) {
                        subscribed.incrementAndGet();
                        return (PatientGenService.Subscription) unsubscribed::incrementAndGet;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Connection() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public String user() {
                return "tester";
            }

            @Override
            public ConnectionKind kind() {
                return ConnectionKind.LOCAL;
            }

            @Override
            public PatientGenService service() {
                return service;
            }

            @Override
            public ConnectionHealth checkHealth() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<String> defaultOutputRoot() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
    }
}
