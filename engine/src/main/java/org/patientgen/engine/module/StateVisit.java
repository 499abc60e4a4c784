package org.patientgen.engine.module;

/** When a module last entered and left a state (for PriorState conditions). */
record StateVisit(long entered, long exited) {
}
