package org.patientgen.console.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.patientgen.console.connection.Connection;
import org.patientgen.console.connection.ConnectionHealth;
import org.patientgen.console.connection.ConnectionKind;
import org.patientgen.engine.api.PatientGenService;

/** A connection that passes every call to another one and counts the service calls by method name. */
public final class CountingConnection implements Connection {
    private final Connection target;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public CountingConnection(Connection target) {
        this.target = target;
    }

    /** How often the service's method {@code name} was called. */
    public int calls(String name) {
        AtomicInteger n = calls.get(name);
        return n == null ? 0 : n.get();
    }

    @Override
    public PatientGenService service() {
        PatientGenService real = target.service();
        return (PatientGenService) Proxy.newProxyInstance(PatientGenService.class.getClassLoader(),
                new Class<?>[] {PatientGenService.class}, (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public String user() {
        return target.user();
    }

    @Override
    public ConnectionKind kind() {
        return target.kind();
    }

    @Override
    public ConnectionHealth checkHealth() {
        return target.checkHealth();
    }

    @Override
    public Optional<String> defaultOutputRoot() {
        return target.defaultOutputRoot();
    }

    @Override
    public void close() {
        target.close();
    }
}
