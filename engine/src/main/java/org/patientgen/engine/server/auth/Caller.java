package org.patientgen.engine.server.auth;

import java.util.Objects;
import org.patientgen.engine.wire.Role;

/**
 * Who makes an HTTP call: the token's id, name (the actor in the audit log and the owner of jobs
 * it submits) and role.
 */
public record Caller(long tokenId, String name, Role role) {
    public Caller {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
