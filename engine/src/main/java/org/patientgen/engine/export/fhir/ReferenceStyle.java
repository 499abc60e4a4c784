package org.patientgen.engine.export.fhir;

/**
 * How one resource points at another: bulk-data NDJSON files are loaded resource by resource, so
 * they need server-style relative references; a transaction Bundle is resolved as a whole, so its
 * entries refer to each other by the {@code urn:uuid:} fullUrls the server rewrites on commit.
 */
enum ReferenceStyle {
    /** {@code Patient/<id>}, as in FHIR bulk-data export. */
    RELATIVE {
        @Override
        int write(String resourceType, String id, char[] buf) {
            int n = resourceType.length();
            resourceType.getChars(0, n, buf, 0);
            buf[n++] = '/';
            id.getChars(0, id.length(), buf, n);
            return n + id.length();
        }
    },
    /** {@code urn:uuid:<id>}, matching the Bundle entry's fullUrl. */
    URN_UUID {
        @Override
        int write(String resourceType, String id, char[] buf) {
            URN_PREFIX.getChars(0, URN_PREFIX.length(), buf, 0);
            id.getChars(0, id.length(), buf, URN_PREFIX.length());
            return URN_PREFIX.length() + id.length();
        }
    };

    private static final String URN_PREFIX = "urn:uuid:";

    /** Longest resource type name plus separator, for sizing the caller's buffer. */
    static final int MAX_PREFIX = 32;

    /**
     * Writes the reference to {@code resourceType/id} into {@code buf} from index 0 and returns its
     * length; chars rather than a String because references are the most frequent value we write.
     * The buffer must hold {@link #MAX_PREFIX} plus {@code id.length()} chars.
     */
    abstract int write(String resourceType, String id, char[] buf);
}
