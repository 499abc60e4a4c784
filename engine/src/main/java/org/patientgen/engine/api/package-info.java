/**
 * Data types of the engine's service API: jobs, shards, schedules, workflows, pool settings and their
 * revisions, metrics snapshots.
 *
 * <p>These records are the wire format shared by the engine, the future HTTP server and the console's
 * remote client, so they depend on nothing else in the engine. Every value validates itself on
 * construction and explains a rejection in words a user can act on.
 */
package org.patientgen.engine.api;
