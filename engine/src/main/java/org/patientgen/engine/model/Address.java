package org.patientgen.engine.model;

/** A postal address with coordinates; clearly synthetic street lines on real cities and ZIPs. */
public record Address(String line, String city, String county, String state, String postalCode,
                      double latitude, double longitude) {
}
